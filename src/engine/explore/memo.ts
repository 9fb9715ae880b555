// A table of step results, keyed by block numbers (visited.ts). A task's step reads only its own
// region and the shared words (builtins that look at other tasks declare readsOtherTasks, and the
// VM raises Machine.crossTask when one runs), so the same task in the same task block over the same shared
// blocks always makes the same move: the explorer runs it once and afterwards only looks it up.
// Internal memory steps depend on the shared words alone and are kept the same way.
// Keys are compared word by word after the hash: a lookup never returns another key's result.
// An entry is one record, its key then its value, so a lookup touches the table slot and the
// record and nothing else.
import type { Machine } from '../kernel/machine.js';
import { giveWords, growWords, takeWords } from './pool.js';
import { hashRange, rehashPairs, type StateStore } from './visited.js';

/**
 * Record words all the tables of one search may hold together (32 MB): once they are full they
 * stop taking new entries, and the search goes on running those steps (lookups go on too).
 */
export const MEMO_WORDS = 1 << 23;

/** what the tables of one search have used, of at most `limit` record words (MEMO_WORDS) */
export interface MemoBudget { words: number; limit: number }

export class StepMemo {
  /** records, end to end: key words, then the value */
  vals: Int32Array<ArrayBuffer>;
  private recStart: Int32Array; // per entry: where its record starts (variable-width values only)
  private table: Int32Array<ArrayBuffer>; // [hash, entry + 1] pairs
  private mask: number;
  count = 0;
  private used = 0; // words of vals in use
  private readonly width: number; // record words when values are of fixed width, else 0

  /** with `valueWords`, every value has that many words (a shorter one is padded) */
  constructor(readonly budget: MemoBudget, readonly keyWords: number, valueWords = 0) {
    this.width = valueWords > 0 ? keyWords + valueWords : 0;
    this.vals = takeWords(4096, false);
    this.recStart = new Int32Array(this.width ? 0 : 1024);
    this.table = takeWords(4096, true);
    this.mask = this.table.length / 2 - 1;
  }

  private start(e: number): number { return this.width ? e * this.width : this.recStart[e]; }

  /** the entry whose key is key[o .. o + keyWords) (with hash h), or -1 */
  find(key: Int32Array, o: number, h: number): number {
    const table = this.table;
    const recs = this.vals;
    const K = this.keyWords;
    let slot = h & this.mask;
    for (;;) {
      const e = table[2 * slot + 1];
      if (e === 0) return -1;
      if (table[2 * slot] === h) {
        let x = this.width ? (e - 1) * this.width : this.recStart[e - 1];
        let k = 0;
        while (k < K && recs[x] === key[o + k]) { x++; k++; }
        if (k === K) return e - 1;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** where entry e's value starts in vals */
  value(e: number): number { return this.start(e) + this.keyWords; }

  /** add a key (not present) with the value val[vo .. vo + n) */
  add(key: Int32Array, o: number, h: number, val: Int32Array, vo: number, n: number): void {
    const K = this.keyWords;
    const e = this.count;
    const at = this.used;
    const size = this.width || K + n;
    if (this.budget.words + size > this.budget.limit) return;
    this.budget.words += size;
    while (at + size > this.vals.length) this.vals = growWords(this.vals, this.vals.length * 2, false);
    if (!this.width) {
      if (e + 1 > this.recStart.length) {
        const r = new Int32Array(this.recStart.length * 2);
        r.set(this.recStart);
        this.recStart = r;
      }
      this.recStart[e] = at;
    }
    const recs = this.vals;
    for (let k = 0; k < K; k++) recs[at + k] = key[o + k];
    for (let k = 0; k < n; k++) recs[at + K + k] = val[vo + k];
    this.used = at + size;
    this.count = e + 1;
    let slot = h & this.mask;
    while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.table[2 * slot] = h;
    this.table[2 * slot + 1] = e + 1;
    if (this.count * 2 > this.mask) this.rehash();
  }

  /** give the memory back to the pool (the memo must not be used afterwards) */
  release(): void {
    giveWords(this.vals);
    giveWords(this.table);
    this.vals = new Int32Array(0);
    this.table = new Int32Array(0);
    this.count = 0;
  }

  private rehash() {
    const old = this.table;
    this.table = rehashPairs(old);
    giveWords(old);
    this.mask = this.table.length / 2 - 1;
  }
}

/** a step cache's answers: nothing kept for these inputs, the task waits, or it moves */
export const UNKNOWN = -1, WAITS = 0, MOVES = 1;
/** a narrow entry's kind when the result is kept in the wide table */
const WIDE = 2;

/**
 * What explore() asks before running a step, and tells after running one. An answer's result
 * sits in `vals` from `at`: for a task, the new number of each shared block in `which` (every
 * shared block when null), and its own new block in `block`; for a CPU, per memory step
 * `which.length` new block numbers.
 */
export interface StepCache {
  /** task t's step from stored state s: UNKNOWN, WAITS, or MOVES */
  task(s: number, t: number): number;
  /** what task t's step from s (the last one asked about) did: waited (c < 0) or moved to candidate c of cand */
  keepTask(s: number, t: number, cand: Int32Array, c: number, touchedOtherCpus: boolean): void;
  /** CPU c's memory steps from s: UNKNOWN, or how many there are */
  cpu(s: number, c: number): number;
  /** what CPU c's n memory steps from s (the last asked about) made: candidates first .. first + n of cand */
  keepCpu(s: number, c: number, cand: Int32Array, first: number, n: number, touchedOtherCpus: boolean): void;
  vals: Int32Array;
  at: number;
  which: Int32Array | null;
  block: number;
  /** record words held, for the search's memory count */
  words(): number;
  release(): void;
}

/** keeps nothing: every step runs (a search with invariants, which read whole states) */
export class NoStepCache implements StepCache {
  vals = new Int32Array(0);
  at = 0;
  which = null;
  block = 0;
  task(): number { return UNKNOWN; }
  keepTask(): void {}
  cpu(): number { return UNKNOWN; }
  keepCpu(): void {}
  words(): number { return 0; }
  release(): void {}
}

/**
 * Step results by block numbers. A task's step is first looked up by its own inputs: [its block,
 * the shared blocks of no CPU or of its CPU], giving [kind, its new block, those blocks' new
 * numbers], kind WAITS, MOVES, or WIDE: the step touched another CPU's part or changed a block
 * outside its inputs, so it is kept under all the shared blocks, [its block, every shared block],
 * in the task's wide table, with the value [kind, its new block, every shared block's new number].
 * A CPU's memory steps likewise, over the memory system's blocks only: [the common ones and the
 * CPU's own] → [MOVES, count, then per step those blocks' new numbers], or WIDE and the wide table
 * keyed by every memory block. Checked (visited.ts verifyingBlocks), nothing is looked up: every
 * step runs, and a result that differs from the one kept throws.
 */
export class StepTables implements StepCache {
  vals: Int32Array = new Int32Array(0);
  at = 0;
  which: Int32Array | null = null;
  block = 0;
  private readonly budget: MemoBudget;
  private readonly own: Int32Array[];
  private readonly narrow: StepMemo[];
  private readonly wide: StepMemo[];
  private readonly ownCpu: Int32Array[];
  private readonly memBlocks: Int32Array;
  private readonly isMem: Uint8Array;
  private readonly cpuNarrow: StepMemo[];
  private readonly cpuWide: StepMemo[];
  private readonly nShared: number;
  private readonly B: number;
  private readonly narrowKey: Int32Array;
  private readonly wideKey: Int32Array;
  private readonly cpuKey: Int32Array;
  private readonly val: Int32Array;
  private ivals = new Int32Array(64);
  private hn = 0; // hash of the narrow key last asked about

  constructor(private readonly m: Machine, private readonly store: StateStore, limit: number, private readonly checked: boolean) {
    const L = m.layout;
    const nShared = (this.nShared = store.nShared);
    this.B = store.blocks;
    this.budget = { words: 0, limit };
    const shared = Int32Array.from({ length: nShared }, (_, b) => b);
    this.own = Array.from({ length: L.nTasks }, (_, t) => shared.filter((b) => store.blockCpu[b] < 0 || store.blockCpu[b] === m.taskCpu[t]));
    this.narrow = this.own.map((o) => new StepMemo(this.budget, 1 + o.length, 2 + o.length));
    this.wide = this.own.map(() => new StepMemo(this.budget, 1 + nShared, 2 + nShared));
    // memory steps read and write only the memory system's words: their keys leave out the locks,
    // files and page tables (a block that straddles the boundary is kept in)
    const memEnd = L.memBase + m.memory.size(L.mem);
    this.isMem = Uint8Array.from({ length: nShared }, (_, b) => +(store.blockStart(b) < memEnd && store.blockStart(b) + store.blockLength(b) > L.memBase));
    this.memBlocks = shared.filter((b) => this.isMem[b] === 1);
    this.ownCpu = Array.from({ length: L.mem.cpus }, (_, c) => this.memBlocks.filter((b) => store.blockCpu[b] < 0 || store.blockCpu[b] === c));
    this.cpuNarrow = this.ownCpu.map((o) => new StepMemo(this.budget, o.length));
    this.cpuWide = this.ownCpu.map(() => new StepMemo(this.budget, this.memBlocks.length));
    this.narrowKey = new Int32Array(1 + nShared);
    this.wideKey = new Int32Array(1 + nShared);
    this.cpuKey = new Int32Array(nShared);
    this.val = new Int32Array(2 + nShared);
  }

  words(): number { return this.budget.words; }

  task(s: number, t: number): number {
    const ids = this.store.ids;
    const B = this.B, nShared = this.nShared;
    const o = this.own[t];
    const key = this.narrowKey;
    key[0] = ids[s * B + nShared + t];
    for (let j = 0; j < o.length; j++) key[1 + j] = ids[s * B + o[j]];
    this.hn = hashRange(key, 0, 1 + o.length);
    if (this.checked) return UNKNOWN;
    let table = this.narrow[t];
    let e = table.find(key, 0, this.hn);
    if (e < 0) return UNKNOWN;
    let which: Int32Array | null = o;
    if (table.vals[table.value(e)] === WIDE) {
      const wideKey = this.wideKey;
      wideKey[0] = key[0];
      for (let b = 0; b < nShared; b++) wideKey[1 + b] = ids[s * B + b];
      table = this.wide[t];
      e = table.find(wideKey, 0, hashRange(wideKey, 0, 1 + nShared));
      if (e < 0) return UNKNOWN;
      which = null;
    }
    const v = table.value(e);
    if (table.vals[v] === WAITS) return WAITS;
    this.vals = table.vals;
    this.at = v + 2;
    this.which = which;
    this.block = table.vals[v + 1];
    return MOVES;
  }

  keepTask(s: number, t: number, cand: Int32Array, c: number, touchedOtherCpus: boolean): void {
    const ids = this.store.ids;
    const B = this.B, nShared = this.nShared;
    const o = this.own[t];
    const val = this.val;
    let wide = touchedOtherCpus;
    if (c >= 0 && !wide) {
      // a step that changed a block outside its own inputs needs the wide key
      for (let b = 0, j = 0; b < nShared; b++) {
        if (j < o.length && o[j] === b) { j++; continue; }
        if (cand[c * B + b] !== ids[s * B + b]) { wide = true; break; }
      }
    }
    val[0] = c < 0 ? WAITS : MOVES;
    if (c >= 0) val[1] = cand[c * B + nShared + t];
    const what = t;
    if (!wide) {
      if (c >= 0) for (let j = 0; j < o.length; j++) val[2 + j] = cand[c * B + o[j]];
      this.keep(this.narrow[t], this.narrowKey, this.hn, val, c < 0 ? 1 : 2 + o.length, what);
      return;
    }
    if (c >= 0) for (let b = 0; b < nShared; b++) val[2 + b] = cand[c * B + b];
    const wideKey = this.wideKey;
    wideKey[0] = this.narrowKey[0];
    for (let b = 0; b < nShared; b++) wideKey[1 + b] = ids[s * B + b];
    this.keep(this.wide[t], wideKey, hashRange(wideKey, 0, 1 + nShared), val, c < 0 ? 1 : 2 + nShared, what);
    val[0] = WIDE;
    this.keep(this.narrow[t], this.narrowKey, this.hn, val, 1, what);
  }

  cpu(s: number, c: number): number {
    const ids = this.store.ids;
    const B = this.B;
    const oc = this.ownCpu[c];
    const key = this.cpuKey;
    for (let j = 0; j < oc.length; j++) key[j] = ids[s * B + oc[j]];
    this.hn = hashRange(key, 0, oc.length);
    if (this.checked) return UNKNOWN;
    let table = this.cpuNarrow[c];
    let e = table.find(key, 0, this.hn);
    let which = oc;
    if (e >= 0 && table.vals[table.value(e)] === WIDE) {
      const mb = this.memBlocks;
      for (let j = 0; j < mb.length; j++) this.wideKey[j] = ids[s * B + mb[j]];
      table = this.cpuWide[c];
      e = table.find(this.wideKey, 0, hashRange(this.wideKey, 0, mb.length));
      which = mb;
    }
    if (e < 0) return UNKNOWN;
    const v = table.value(e) + 1; // [kind, n, then per step the new numbers]
    this.vals = table.vals;
    this.at = v + 1;
    this.which = which;
    return table.vals[v];
  }

  keepCpu(s: number, c: number, cand: Int32Array, first: number, n: number, touchedOtherCpus: boolean): void {
    const ids = this.store.ids;
    const B = this.B, nShared = this.nShared;
    const oc = this.ownCpu[c];
    let wide = touchedOtherCpus;
    for (let k = 0; k < n; k++) {
      for (let b = 0, j = 0; b < nShared; b++) {
        if (j < oc.length && oc[j] === b) { j++; continue; }
        if (cand[(first + k) * B + b] !== ids[s * B + b]) {
          // a memory step that changed a word outside the memory system: never kept
          if (this.isMem[b] === 0) return;
          wide = true;
        }
      }
    }
    const keyed = wide ? this.memBlocks : oc;
    const width = keyed.length;
    if (this.ivals.length < 2 + n * width) this.ivals = new Int32Array(2 * (2 + n * width));
    const ivals = this.ivals;
    ivals[0] = MOVES;
    ivals[1] = n;
    for (let k = 0; k < n; k++) {
      for (let j = 0; j < width; j++) ivals[2 + k * width + j] = cand[(first + k) * B + keyed[j]];
    }
    const what = -(c + 1);
    if (!wide) {
      this.keep(this.cpuNarrow[c], this.cpuKey, this.hn, ivals, 2 + n * width, what);
      return;
    }
    for (let j = 0; j < width; j++) this.wideKey[j] = ids[s * B + keyed[j]];
    this.keep(this.cpuWide[c], this.wideKey, hashRange(this.wideKey, 0, width), ivals, 2 + n * width, what);
    ivals[0] = WIDE;
    this.keep(this.cpuNarrow[c], this.cpuKey, this.hn, ivals, 1, what);
  }

  /** add a value to a table, or checked, compare it with the one the table holds (who: a task, or -(CPU + 1)) */
  private keep(table: StepMemo, key: Int32Array, h: number, value: Int32Array, n: number, who: number): void {
    const e = table.find(key, 0, h);
    if (e < 0) { table.add(key, 0, h, value, 0, n); return; }
    if (!this.checked) return;
    const v = table.value(e);
    for (let k = 0; k < n; k++) {
      if (table.vals[v + k] !== value[k]) throw new Error(`${who >= 0 ? `task ${this.m.taskNames[who]}` : `CPU ${-who - 1}'s memory steps`} made another move from the same blocks: a step read something outside its key`);
    }
  }

  release(): void {
    for (const table of [...this.narrow, ...this.wide, ...this.cpuNarrow, ...this.cpuWide]) table.release();
  }
}
