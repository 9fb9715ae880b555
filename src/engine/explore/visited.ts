// The store of distinct states, with collapse compression (as in SPIN's COLLAPSE mode). A state
// vector is cut into blocks at fixed places: the shared words below the task regions in runs of
// at most SHARED_BLOCK words, then one block per task region. Each block position has its own
// table of the distinct contents seen there, and a state is stored as the vector of its blocks'
// numbers in those tables: a handful of words instead of the whole vector. Most transitions
// change one task's region and a few shared words, so the other blocks keep the numbers they had
// in the state being expanded, found by comparing the block with that state, without hashing.
//
// The set stays exact: a block is found in its table by hash and then confirmed word by word,
// and a state by hash and then by comparing its block numbers, so no state is ever skipped on a
// hash collision.

import { giveWords, growWords, takeWords } from './pool.js';

/** where the task regions are, so the store can drop their dead stack words */
export interface PackLayout {
  size: number; // words in a full state
  taskBase: number;
  taskWords: number;
  regions: number; // task regions (including any laid out but never scheduled)
  header: number; // words of a task header before its stack
  spWord: number; // index of the stack pointer within the header
  /** where the shared words' parts start, ascending, and the CPU each belongs to (-1: none) */
  sharedParts?: { at: number; cpu: number }[];
}

/**
 * Tests turn this on: every task region that prepare() takes unchanged from the state expanded
 * is compared with it, and a step that wrote another task's region throws.
 */
let verifyBlocks = false;
export function setVerifyBlocks(on: boolean): void { verifyBlocks = on; }
export const verifyingBlocks = (): boolean => verifyBlocks;

/** the longest run of shared words stored as one block */
export const SHARED_BLOCK = 24;
/** parts shorter than this are joined with the next */
const SHARED_MIN = 4;

/**
 * The shared words' blocks, as [start, length, cpu]: the layout's parts, cut further into runs of
 * at most SHARED_BLOCK words; a short part with no CPU is joined to the next such part (a CPU's
 * part is never joined, so each block belongs to one CPU or none).
 */
export function sharedBlocks(pack: PackLayout): [number, number, number][] {
  const parts = (pack.sharedParts ?? []).filter((p) => p.at > 0 && p.at < pack.taskBase);
  const cuts = [{ at: 0, cpu: -1 }, ...parts];
  if (pack.sharedParts?.[0]?.at === 0) cuts[0] = pack.sharedParts[0];
  cuts.sort((a, b) => a.at - b.at);
  cuts.push({ at: pack.taskBase, cpu: -1 });
  const out: [number, number, number][] = [];
  let from = cuts[0];
  for (let k = 1; k < cuts.length; k++) {
    const to = cuts[k];
    if (to.at === from.at) continue;
    if (k < cuts.length - 1 && from.cpu < 0 && to.cpu < 0 && to.at - from.at < SHARED_MIN) continue;
    for (let x = from.at; x < to.at; x += SHARED_BLOCK) out.push([x, Math.min(SHARED_BLOCK, to.at - x), from.cpu]);
    from = to;
  }
  return out;
}

/**
 * The distinct contents of one block position. Entries are `len` words wide, end to end; a task
 * region's entry holds its live words (header and stack up to the stack pointer) and zeros after.
 */
class BlockTable {
  data: Int32Array;
  count = 0;
  table: Int32Array; // [hash, entry + 1] pairs
  mask: number;

  constructor(readonly len: number, readonly task: boolean, readonly spWord: number, readonly header: number) {
    this.data = new Int32Array(len * 64);
    this.table = new Int32Array(256);
    this.mask = this.table.length / 2 - 1;
  }

  /** the entry number of the block of w at `at` (added if new) */
  intern(w: Int32Array, at: number): number {
    const live = this.task ? this.header + w[at + this.spWord] : this.len;
    const h = hashRange(w, at, live);
    const table = this.table;
    const mask = this.mask;
    const data = this.data;
    const len = this.len;
    let slot = h & mask;
    for (;;) {
      const e = table[2 * slot + 1];
      if (e === 0) break;
      if (table[2 * slot] === h) {
        let o = (e - 1) * len;
        let k = at;
        const end = at + live;
        while (k < end && data[o] === w[k]) { o++; k++; }
        // equal live words (the stack pointer among them) mean equal blocks: the rest is zeros
        if (k === end) return e - 1;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.count;
    if ((id + 1) * len > data.length) {
      const d = new Int32Array(data.length * 2);
      d.set(data);
      this.data = d;
    }
    this.data.set(w.subarray(at, at + live), id * len);
    this.count = id + 1;
    table[2 * slot] = h;
    table[2 * slot + 1] = id + 1;
    if (this.count * 2 > mask) this.rehash();
    return id;
  }

  private rehash() {
    this.table = rehashPairs(this.table);
    this.mask = this.table.length / 2 - 1;
  }
}

export class StateStore {
  /** block numbers, `blocks` words per state, in insertion order (the BFS queue) */
  ids: Int32Array<ArrayBuffer>;
  /** open addressing: [hash, state number + 1] pairs, so a probe touches one cache line */
  table: Int32Array<ArrayBuffer>;
  mask: number;
  count = 0;
  readonly size: number;
  /** blocks per state */
  readonly blocks: number;
  private readonly start: Int32Array;
  private readonly len: Int32Array;
  private readonly parts: BlockTable[];
  private readonly tmp: Int32Array;
  /** per shared word, its block; per shared block, whether the step being prepared changed it */
  private readonly blockOf: Int32Array;
  private readonly dirty: Uint8Array;
  /** blocks of shared words, before the task regions' blocks */
  readonly nShared: number;
  /** per shared block, the CPU it belongs to, or -1 */
  readonly blockCpu: Int32Array;

  /**
   * `expectStates`: how many states the search may store (its budget). The store starts small and
   * doubles; once it holds LARGE states it grows its table and arena straight to that size, so a
   * large search rehashes and copies once instead of at every doubling, and a small one never
   * reserves the budget's memory.
   */
  constructor(readonly pack: PackLayout, initialStates = 1024, private readonly expectStates = 0) {
    this.size = pack.size;
    const start: number[] = [];
    const len: number[] = [];
    const parts: BlockTable[] = [];
    const cpus: number[] = [];
    for (const [at, n, cpu] of sharedBlocks(pack)) {
      start.push(at);
      len.push(n);
      cpus.push(cpu);
      parts.push(new BlockTable(n, false, 0, 0));
    }
    for (let r = 0; r < pack.regions; r++) {
      start.push(pack.taskBase + r * pack.taskWords);
      len.push(pack.taskWords);
      parts.push(new BlockTable(pack.taskWords, true, pack.spWord, pack.header));
    }
    this.start = Int32Array.from(start);
    this.len = Int32Array.from(len);
    this.parts = parts;
    this.blocks = parts.length;
    this.nShared = parts.length - pack.regions;
    this.blockCpu = Int32Array.from(cpus);
    this.blockOf = new Int32Array(pack.taskBase);
    for (let b = 0; b < this.nShared; b++) this.blockOf.fill(b, start[b], start[b] + len[b]);
    this.dirty = new Uint8Array(this.nShared);
    this.tmp = new Int32Array(this.blocks);
    this.ids = takeWords(initialStates * this.blocks, false);
    this.table = takeWords(initialStates * 4, true);
    this.mask = this.table.length / 2 - 1;
  }

  /**
   * Insert w if new; returns its state number, or -(number + 1) when it was already stored.
   * Every block of w is looked up (the initial state, and callers outside the search).
   */
  insert(w: Int32Array): number {
    const h = this.prepare(w, null, -1, -1, this.tmp, 0);
    return this.insertPrepared(this.tmp, 0, h);
  }

  /**
   * The block numbers of w, into out[o .. o + blocks); returns their hash. With `ref` (the full
   * vector of stored state `refState`, which w was made from by one step), a shared block equal
   * to ref's keeps ref's number without a lookup, and so does every task region the step cannot
   * have written: a step of task `task` writes only that task's region and the shared words, and
   * an internal memory step (`task` -1) only the shared words.
   */
  prepare(w: Int32Array, ref: Int32Array | null, refState: number, task: number, out: Int32Array, o: number): number {
    const B = this.blocks;
    const start = this.start;
    const parts = this.parts;
    if (ref === null) {
      for (let b = 0; b < B; b++) out[o + b] = parts[b].intern(w, start[b]);
      return hashRange(out, o, B);
    }
    const ids = this.ids;
    const nShared = this.nShared;
    const r0 = refState * B;
    // the shared words in one pass: a differing word marks its block, and the pass skips to the
    // block's end
    const dirty = this.dirty;
    const blockOf = this.blockOf;
    const end = this.pack.taskBase;
    for (let b = 0; b < nShared; b++) dirty[b] = 0;
    for (let k = 0; k < end; k++) {
      if (w[k] !== ref[k]) {
        const b = blockOf[k];
        dirty[b] = 1;
        k = start[b] + this.len[b] - 1;
      }
    }
    for (let b = 0; b < nShared; b++) out[o + b] = dirty[b] === 0 ? ids[r0 + b] : parts[b].intern(w, start[b]);
    for (let b = nShared; b < B; b++) {
      if (b - nShared === task) out[o + b] = parts[b].intern(w, start[b]);
      else {
        if (verifyBlocks) this.verifyUnchanged(w, ref, b, task);
        out[o + b] = ids[r0 + b];
      }
    }
    return hashRange(out, o, B);
  }

  /**
   * Read the table slots (and the stored states they name) that n prepared states will be
   * compared with, all at once: the loads do not depend on each other, so the processor overlaps
   * their cache misses, and the inserts that follow find the lines in cache.
   */
  touch(hashes: Int32Array, n: number): number {
    const table = this.table;
    const ids = this.ids;
    const mask = this.mask;
    const B = this.blocks;
    let sum = 0;
    for (let c = 0; c < n; c++) {
      const slot = hashes[c] & mask;
      const e = table[2 * slot + 1];
      if (e !== 0 && table[2 * slot] === hashes[c]) sum += ids[(e - 1) * B];
    }
    return sum;
  }

  /** insert the prepared block numbers at ids[o ..] with hash h: as insert() */
  insertPrepared(state: Int32Array, o: number, h: number): number {
    const B = this.blocks;
    const table = this.table;
    const mask = this.mask;
    let ids = this.ids;
    let slot = h & mask;
    for (;;) {
      const e = table[2 * slot + 1];
      if (e === 0) break;
      if (table[2 * slot] === h) {
        let x = (e - 1) * B;
        let b = 0;
        while (b < B && ids[x] === state[o + b]) { x++; b++; }
        if (b === B) return -e;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.count;
    if ((id + 1) * B > ids.length) ids = this.growIds();
    const x = id * B;
    for (let b = 0; b < B; b++) ids[x + b] = state[o + b];
    this.count = id + 1;
    table[2 * slot] = h;
    table[2 * slot + 1] = id + 1;
    if (this.count * 2 > mask) {
      this.table = rehashPairs(table, this.count >= LARGE ? pairsFor(this.expectStates) : 0);
      giveWords(table);
      this.mask = this.table.length / 2 - 1;
    }
    return id;
  }

  private verifyUnchanged(w: Int32Array, ref: Int32Array, b: number, task: number) {
    for (let k = this.start[b]; k < this.start[b] + this.len[b]; k++) {
      if (w[k] !== ref[k]) throw new Error(`a step of ${task < 0 ? 'the memory system' : `task ${task}`} wrote word ${k} in task region ${b - this.nShared}`);
    }
  }

  /** where shared block b starts in a state vector, and its length */
  blockStart(b: number): number { return this.start[b]; }
  blockLength(b: number): number { return this.len[b]; }

  /** word k of task t's region in state i */
  taskWord(i: number, t: number, k: number): number {
    const b = this.nShared + t;
    const p = this.parts[b];
    return p.data[this.ids[i * this.blocks + b] * p.len + k];
  }

  /**
   * Unpack state i into out (a full-size vector). With `over` (a state number), out already holds
   * that state, and only the blocks where the two differ are copied.
   */
  load(i: number, out: Int32Array, over = -1): void {
    const B = this.blocks;
    const ids = this.ids;
    for (let b = 0; b < B; b++) {
      if (over >= 0 && ids[over * B + b] === ids[i * B + b]) continue;
      const p = this.parts[b];
      const len = p.len;
      const data = p.data;
      let x = ids[i * B + b] * len;
      const end = this.start[b] + len;
      for (let k = this.start[b]; k < end; k++) out[k] = data[x++];
    }
  }

  /**
   * Words the store holds for what it has stored (not what its arrays reserve): per state its block
   * numbers and two table slots of two words (the table is at most half full), per distinct block
   * its words and its table slots.
   */
  wordsInUse(): number {
    let n = this.count * (this.blocks + 4);
    for (const p of this.parts) n += p.count * (p.len + 4);
    return n;
  }

  /** give the store's memory back for the next search to reuse (the store must not be used afterwards) */
  release(): void {
    giveWords(this.ids);
    giveWords(this.table);
    this.ids = new Int32Array(0);
    this.table = new Int32Array(0);
  }

  private growIds(): Int32Array<ArrayBuffer> {
    const B = this.blocks;
    const toBudget = this.count >= LARGE ? Math.ceil((Math.min(this.expectStates, MOST_EXPECTED) + ARENA_SLACK) * B / 4096) * 4096 : 0;
    this.ids = growWords(this.ids, Math.max(this.ids.length * 2, toBudget), false);
    return this.ids;
  }
}

/** states from which a store grows straight to its expected size */
const LARGE = 1 << 16;
/** the most states a store reserves for in one step; beyond it, it doubles again */
const MOST_EXPECTED = 1 << 22;
/** states a search may store beyond its budget: the successors of the state that crossed it */
const ARENA_SLACK = 1024;

/** words of a table of [hash, state + 1] pairs that holds n states at most half full */
function pairsFor(n: number): number {
  return 2 * 2 ** Math.ceil(Math.log2(2 * (Math.min(n, MOST_EXPECTED) + ARENA_SLACK)));
}

/** an open-addressing table of [hash, entry + 1] pairs, twice the size or `words` if larger, from the pool */
export function rehashPairs(old: Int32Array, words = 0): Int32Array<ArrayBuffer> {
  const table = takeWords(Math.max(old.length * 2, words), true);
  const mask = table.length / 2 - 1;
  for (let j = 0; j < old.length; j += 2) {
    const e = old[j + 1];
    if (e === 0) continue;
    let slot = old[j] & mask;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = old[j];
    table[2 * slot + 1] = e;
  }
  return table;
}

/**
 * A fast 32-bit hash of the n words of w from `at`: four independent multiply lanes (so the CPU
 * can run them in parallel), then murmur3's finaliser, whose low bits index the tables.
 */
export function hashRange(w: Int32Array, at: number, n: number): number {
  let a = 0x9e3779b9 | 0, b = 0x85ebca6b | 0, c = 0xc2b2ae35 | 0, d = 0x27d4eb2f | 0;
  let k = at;
  const end = at + n;
  for (; k + 3 < end; k += 4) {
    a = Math.imul(a ^ w[k], 0x5bd1e995);
    b = Math.imul(b ^ w[k + 1], 0x01000193);
    c = Math.imul(c ^ w[k + 2], 0x2c1b3c6d);
    d = Math.imul(d ^ w[k + 3], 0x297a2d39);
  }
  for (; k < end; k++) a = Math.imul(a ^ w[k], 0x5bd1e995);
  let h = a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c ^ (c >>> 15), 0xc2b2ae35) ^ Math.imul(d ^ (d >>> 13), 0x9e3779b1) ^ n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
