// The store of distinct states: every state's words in one growing arena (the BFS queue is
// the arena itself, in insertion order), and an open-addressing table of state numbers keyed
// by a 32-bit hash. Equal hashes are confirmed word by word, so the set is exact: no state is
// ever skipped because of a collision.

export class StateStore {
  arena: Int32Array;
  hashes: Int32Array;
  table: Int32Array; // state number + 1, 0 = empty
  mask: number;
  count = 0;

  constructor(readonly size: number, initialStates = 1024) {
    this.arena = new Int32Array(size * initialStates);
    this.hashes = new Int32Array(initialStates);
    this.table = new Int32Array(initialStates * 4);
    this.mask = this.table.length - 1;
  }

  /** insert w if new; returns its state number, or -(number + 1) when it was already stored */
  insert(w: Int32Array): number {
    const S = this.size;
    const h = hashWords(w, S);
    let slot = h & this.mask;
    const table = this.table;
    for (;;) {
      const e = table[slot];
      if (e === 0) break;
      const i = e - 1;
      if (this.hashes[i] === h && this.equals(i, w)) return -(i + 1);
      slot = (slot + 1) & this.mask;
    }
    const n = this.count;
    if ((n + 1) * S > this.arena.length) this.grow();
    this.arena.set(w, n * S);
    this.hashes[n] = h;
    this.count = n + 1;
    table[slot] = n + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return n;
  }

  /** copy state i into out */
  load(i: number, out: Int32Array): void {
    const S = this.size;
    const a = this.arena;
    const off = i * S;
    for (let k = 0; k < S; k++) out[k] = a[off + k];
  }

  private equals(i: number, w: Int32Array): boolean {
    const S = this.size;
    const a = this.arena;
    const off = i * S;
    for (let k = 0; k < S; k++) if (a[off + k] !== w[k]) return false;
    return true;
  }

  private grow() {
    const arena = new Int32Array(this.arena.length * 2);
    arena.set(this.arena);
    this.arena = arena;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
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

/** a fast 32-bit hash of the first n words (two multiply-xorshift lanes folded together) */
export function hashWords(w: Int32Array, n: number): number {
  let a = 0x9e3779b9 | 0;
  let b = 0x85ebca6b | 0;
  for (let k = 0; k < n; k++) {
    const x = w[k];
    a = Math.imul(a ^ x, 0x5bd1e995);
    a ^= a >>> 15;
    b = Math.imul(b + x, 0x27d4eb2d) ^ (b >>> 13);
  }
  a ^= Math.imul(b, 0xc2b2ae35);
  a ^= a >>> 16;
  return a;
}
