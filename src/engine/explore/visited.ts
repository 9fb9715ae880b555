// The store of distinct states. A state is packed before it is hashed and stored: the words
// below the task stacks, then per task its header and only the live part of its stack (words
// above a task's stack pointer are always zero, so two states with equal stack pointers agree
// there). Packed states sit end to end in one growing arena (the BFS queue is the arena, in
// insertion order); an open-addressing table maps a 32-bit hash to state numbers, and a hash
// match is confirmed word by word, so the set is exact: no state is ever skipped on a collision.

/** where the task regions are, so packing can drop their dead stack words */
export interface PackLayout {
  size: number; // words in a full state
  taskBase: number;
  taskWords: number;
  regions: number; // task regions (including any laid out but never scheduled)
  header: number; // words of a task header before its stack
  spWord: number; // index of the stack pointer within the header
}

const CHUNK_BITS = 22; // arena chunks of up to 4 M words: growing never copies stored states
const CHUNK = 1 << CHUNK_BITS;

/**
 * Chunks released by finished searches, reused by the next: fresh memory costs a page fault per
 * 4 KB on first touch, which dominated small and medium checks. Kept up to POOL_WORDS in total.
 */
const pool: Int32Array[] = [];
const POOL_WORDS = 1 << 24;

function takeChunk(size: number): Int32Array {
  for (let i = 0; i < pool.length; i++) if (pool[i].length >= size) return pool.splice(i, 1)[0];
  return new Int32Array(size);
}

export class StateStore {
  /** packed states, end to end; a state never straddles two chunks */
  private chunks: Int32Array[] = [];
  private fill = 0; // words used in the last chunk
  starts: Int32Array; // state i: chunk << CHUNK_BITS | offset
  lengths: Int32Array;
  /** open addressing: [hash, state number + 1] pairs, so a probe touches one cache line */
  table: Int32Array;
  mask: number; // of pair slots
  count = 0;
  words = 0;
  readonly size: number;

  constructor(readonly pack: PackLayout, initialStates = 1024) {
    this.size = pack.size;
    this.starts = new Int32Array(initialStates);
    this.lengths = new Int32Array(initialStates);
    this.table = new Int32Array(initialStates * 4);
    this.mask = this.table.length / 2 - 1;
  }

  /**
   * Insert w if new; returns its state number, or -(number + 1) when it was already stored.
   * The hash is taken over the full vector (its dead stack words are zero, so it depends on the
   * state alone), and w is compared with a stored state, or packed, straight from the vector:
   * nothing is copied for a state already stored.
   */
  insert(w: Int32Array): number {
    const h = hashWords(w, this.size);
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const e = table[2 * slot + 1];
      if (e === 0) break;
      if (table[2 * slot] === h && this.equals(e - 1, w)) return -e;
      slot = (slot + 1) & mask;
    }
    const id = this.count;
    if (id === this.starts.length) this.growIndex();
    let last = this.chunks[this.chunks.length - 1];
    if (!last || this.fill + this.size > last.length) {
      // chunks start small (most checks are small) and double up to CHUNK words
      const size = last ? Math.min(CHUNK, last.length * 2) : Math.min(CHUNK, 1 << 14);
      last = takeChunk(Math.max(size, this.size));
      this.chunks.push(last);
      this.fill = 0;
    }
    const p = this.pack;
    const at = this.fill;
    let n = at;
    const tb = p.taskBase;
    for (let k = 0; k < tb; k++) last[n++] = w[k];
    for (let r = 0; r < p.regions; r++) {
      const base = tb + r * p.taskWords;
      const end = base + p.header + w[base + p.spWord];
      for (let k = base; k < end; k++) last[n++] = w[k];
    }
    this.starts[id] = ((this.chunks.length - 1) << CHUNK_BITS) | at;
    this.lengths[id] = n - at;
    this.fill = n;
    this.words += n - at;
    this.count = id + 1;
    table[2 * slot] = h;
    table[2 * slot + 1] = id + 1;
    if (this.count * 2 > mask) this.rehash();
    return id;
  }

  /**
   * Unpack state i into out (a full-size vector). With `clean`, out already holds a state (zeros
   * above each stack pointer), so only the words that were live there need clearing.
   */
  load(i: number, out: Int32Array, clean = false): void {
    const p = this.pack;
    const a = this.chunks[this.starts[i] >>> CHUNK_BITS];
    let at = this.starts[i] & (CHUNK - 1);
    for (let k = 0; k < p.taskBase; k++) out[k] = a[at++];
    for (let r = 0; r < p.regions; r++) {
      const base = p.taskBase + r * p.taskWords;
      const live = p.header + a[at + p.spWord];
      const end = clean ? Math.min(p.taskWords, p.header + out[base + p.spWord]) : p.taskWords;
      for (let k = 0; k < live; k++) out[base + k] = a[at++];
      for (let k = live; k < end; k++) out[base + k] = 0;
    }
  }

  /** give the arena back for the next search to reuse (the store must not be used afterwards) */
  release(): void {
    let held = pool.reduce((n, c) => n + c.length, 0);
    for (const c of this.chunks) {
      if (held + c.length > POOL_WORDS) break;
      pool.push(c);
      held += c.length;
    }
    this.chunks = [];
  }

  /** is stored state i the state w (a full vector)? */
  private equals(i: number, w: Int32Array): boolean {
    const p = this.pack;
    const a = this.chunks[this.starts[i] >>> CHUNK_BITS];
    let at = this.starts[i] & (CHUNK - 1);
    const tb = p.taskBase;
    for (let k = 0; k < tb; k++) if (a[at++] !== w[k]) return false;
    for (let r = 0; r < p.regions; r++) {
      const base = tb + r * p.taskWords;
      // the stack pointers agree before the live lengths are taken from them
      if (a[at + p.spWord] !== w[base + p.spWord]) return false;
      const end = base + p.header + w[base + p.spWord];
      for (let k = base; k < end; k++) if (a[at++] !== w[k]) return false;
    }
    return true;
  }

  private growIndex() {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Int32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  private rehash() {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = table.length / 2 - 1;
    for (let j = 0; j < old.length; j += 2) {
      const e = old[j + 1];
      if (e === 0) continue;
      let slot = old[j] & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[j];
      table[2 * slot + 1] = e;
    }
    this.table = table;
    this.mask = mask;
  }
}

/**
 * A fast 32-bit hash of the first n words: four independent multiply lanes (so the CPU can run
 * them in parallel), then murmur3's finaliser, whose low bits index the table.
 */
export function hashWords(w: Int32Array, n: number): number {
  let a = 0x9e3779b9 | 0, b = 0x85ebca6b | 0, c = 0xc2b2ae35 | 0, d = 0x27d4eb2f | 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    a = Math.imul(a ^ w[k], 0x5bd1e995);
    b = Math.imul(b ^ w[k + 1], 0x01000193);
    c = Math.imul(c ^ w[k + 2], 0x2c1b3c6d);
    d = Math.imul(d ^ w[k + 3], 0x297a2d39);
  }
  for (; k < n; k++) a = Math.imul(a ^ w[k], 0x5bd1e995);
  let h = a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c ^ (c >>> 15), 0xc2b2ae35) ^ Math.imul(d ^ (d >>> 13), 0x9e3779b1) ^ n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
