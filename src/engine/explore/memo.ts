// A table of step results, keyed by block numbers (visited.ts). A task's step reads only its own
// region and the shared words (builtins that look at other tasks say so, and the VM raises
// Machine.crossTask when one runs), so the same task in the same task block over the same shared
// blocks always makes the same move: the explorer runs it once and afterwards only looks it up.
// Internal memory steps depend on the shared words alone and are kept the same way.
// Keys are compared word by word after the hash: a lookup never returns another key's result.

/** entries kept at most; a full table stops taking new ones (lookups go on) */
const MAX_ENTRIES = 1 << 20;

export class StepMemo {
  private keys: Int32Array;
  private valStart: Int32Array; // per entry: where its value starts in vals (length: count + 1)
  vals: Int32Array;
  private table: Int32Array; // [hash, entry + 1] pairs
  private mask: number;
  count = 0;
  private used = 0; // words of vals in use

  constructor(readonly keyWords: number) {
    this.keys = new Int32Array(1024 * keyWords);
    this.valStart = new Int32Array(1025);
    this.vals = new Int32Array(4096);
    this.table = new Int32Array(4096);
    this.mask = this.table.length / 2 - 1;
  }

  /** the entry whose key is key[o .. o + keyWords) (with hash h), or -1 */
  find(key: Int32Array, o: number, h: number): number {
    const table = this.table;
    const keys = this.keys;
    const K = this.keyWords;
    let slot = h & this.mask;
    for (;;) {
      const e = table[2 * slot + 1];
      if (e === 0) return -1;
      if (table[2 * slot] === h) {
        let x = (e - 1) * K;
        let k = 0;
        while (k < K && keys[x] === key[o + k]) { x++; k++; }
        if (k === K) return e - 1;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** where entry e's value starts in vals */
  value(e: number): number { return this.valStart[e]; }

  /** add a key (not present) with the value val[vo .. vo + n) */
  add(key: Int32Array, o: number, h: number, val: Int32Array, vo: number, n: number): void {
    if (this.count >= MAX_ENTRIES) return;
    const K = this.keyWords;
    const e = this.count;
    if ((e + 1) * K > this.keys.length) this.keys = grown(this.keys);
    if (e + 2 > this.valStart.length) this.valStart = grown(this.valStart);
    while (this.used + n > this.vals.length) this.vals = grown(this.vals);
    const keys = this.keys;
    for (let k = 0; k < K; k++) keys[e * K + k] = key[o + k];
    const vals = this.vals;
    for (let k = 0; k < n; k++) vals[this.used + k] = val[vo + k];
    this.valStart[e] = this.used;
    this.used += n;
    this.valStart[e + 1] = this.used;
    this.count = e + 1;
    let slot = h & this.mask;
    while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.table[2 * slot] = h;
    this.table[2 * slot + 1] = e + 1;
    if (this.count * 2 > this.mask) this.rehash();
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

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
