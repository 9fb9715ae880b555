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

export class StateStore {
  arena: Int32Array;
  offsets: Int32Array; // start of state i; offsets[count] is the end
  hashes: Int32Array;
  table: Int32Array; // state number + 1, 0 = empty
  mask: number;
  count = 0;
  readonly size: number;
  private scratch: Int32Array;

  constructor(readonly pack: PackLayout, initialStates = 1024) {
    this.size = pack.size;
    this.scratch = new Int32Array(pack.size);
    this.arena = new Int32Array(Math.max(64, pack.taskBase + pack.regions * pack.header) * initialStates);
    this.offsets = new Int32Array(initialStates + 1);
    this.hashes = new Int32Array(initialStates);
    this.table = new Int32Array(initialStates * 4);
    this.mask = this.table.length - 1;
  }

  /** pack w into scratch; returns the packed length */
  private packInto(w: Int32Array): number {
    const p = this.pack;
    const s = this.scratch;
    let n = p.taskBase;
    for (let k = 0; k < n; k++) s[k] = w[k];
    for (let r = 0; r < p.regions; r++) {
      const base = p.taskBase + r * p.taskWords;
      const live = p.header + w[base + p.spWord];
      for (let k = 0; k < live; k++) s[n++] = w[base + k];
    }
    return n;
  }

  /** insert w if new; returns its state number, or -(number + 1) when it was already stored */
  insert(w: Int32Array): number {
    const n = this.packInto(w);
    const s = this.scratch;
    const h = hashWords(s, n);
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const e = table[slot];
      if (e === 0) break;
      const i = e - 1;
      if (this.hashes[i] === h && this.equals(i, s, n)) return -(i + 1);
      slot = (slot + 1) & this.mask;
    }
    const id = this.count;
    if (id + 1 >= this.hashes.length) this.growIndex();
    const start = this.offsets[id];
    if (start + n > this.arena.length) this.growArena(start + n);
    this.arena.set(n === s.length ? s : s.subarray(0, n), start);
    this.offsets[id + 1] = start + n;
    this.hashes[id] = h;
    this.count = id + 1;
    table[slot] = id + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return id;
  }

  /** unpack state i into out (a full-size vector) */
  load(i: number, out: Int32Array): void {
    const p = this.pack;
    const a = this.arena;
    let at = this.offsets[i];
    for (let k = 0; k < p.taskBase; k++) out[k] = a[at++];
    for (let r = 0; r < p.regions; r++) {
      const base = p.taskBase + r * p.taskWords;
      const live = p.header + a[at + p.spWord];
      for (let k = 0; k < live; k++) out[base + k] = a[at++];
      for (let k = live; k < p.taskWords; k++) out[base + k] = 0;
    }
  }

  /** words the store holds (for memory figures) */
  get words(): number { return this.offsets[this.count]; }

  private equals(i: number, s: Int32Array, n: number): boolean {
    const off = this.offsets[i];
    if (this.offsets[i + 1] - off !== n) return false;
    const a = this.arena;
    for (let k = 0; k < n; k++) if (a[off + k] !== s[k]) return false;
    return true;
  }

  private growArena(need: number) {
    let len = this.arena.length * 2;
    while (len < need) len *= 2;
    const arena = new Int32Array(len);
    arena.set(this.arena);
    this.arena = arena;
  }

  private growIndex() {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const offsets = new Int32Array(this.hashes.length + 1);
    offsets.set(this.offsets);
    this.offsets = offsets;
  }

  private rehash() {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let i = 0; i < this.count; i++) {
      let slot = this.hashes[i] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** a fast 32-bit hash of the first n words (multiply-xorshift, finalised like murmur3) */
export function hashWords(w: Int32Array, n: number): number {
  let h = 0x9e3779b9 | 0;
  for (let k = 0; k < n; k++) {
    h = Math.imul(h ^ w[k], 0x5bd1e995);
    h ^= h >>> 15;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
