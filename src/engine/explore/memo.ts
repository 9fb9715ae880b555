// A table of step results, keyed by block numbers (visited.ts). A task's step reads only its own
// region and the shared words (builtins that look at other tasks say so, and the VM raises
// Machine.crossTask when one runs), so the same task in the same task block over the same shared
// blocks always makes the same move: the explorer runs it once and afterwards only looks it up.
// Internal memory steps depend on the shared words alone and are kept the same way.
// Keys are compared word by word after the hash: a lookup never returns another key's result.
// An entry is one record, its key then its value, so a lookup touches the table slot and the
// record and nothing else.
import { giveWords, growWords, takeWords } from './pool.js';
import { rehashPairs } from './visited.js';

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
