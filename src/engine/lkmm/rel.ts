// Relations and sets over the events of one candidate execution, as bit matrices: the algebra
// the cat language writes with `|`, `&`, `\`, `;`, `^-1`, `+`, `*`, `?` and `[S]`. Row i holds
// the events i is related to, 32 per word. Every operation returns a new value.

/** a set of events, one bit per event */
export type EvSet = Uint32Array;

export class Rel {
  /** words per row */
  readonly w: number;
  readonly bits: Uint32Array;

  constructor(readonly n: number, bits?: Uint32Array) {
    this.w = (n + 31) >>> 5;
    this.bits = bits ?? new Uint32Array(this.w * n);
  }

  static empty(n: number): Rel {
    return new Rel(n);
  }

  /** [S]: the identity on the events of S (all events when S is absent) */
  static id(n: number, s?: EvSet): Rel {
    const r = new Rel(n);
    for (let i = 0; i < n; i++) if (!s || hasEv(s, i)) r.add(i, i);
    return r;
  }

  /** S * T: every event of S related to every event of T */
  static cross(n: number, s: EvSet, t: EvSet): Rel {
    const r = new Rel(n);
    for (let i = 0; i < n; i++) if (hasEv(s, i)) r.bits.set(t, i * r.w);
    return r;
  }

  static of(n: number, pairs: Iterable<readonly [number, number]>): Rel {
    const r = new Rel(n);
    for (const [a, b] of pairs) r.add(a, b);
    return r;
  }

  has(i: number, j: number): boolean {
    return (this.bits[i * this.w + (j >>> 5)] & (1 << (j & 31))) !== 0;
  }

  add(i: number, j: number): void {
    this.bits[i * this.w + (j >>> 5)] |= 1 << (j & 31);
  }

  private zip(o: Rel, f: (a: number, b: number) => number): Rel {
    const r = new Rel(this.n);
    for (let k = 0; k < this.bits.length; k++) r.bits[k] = f(this.bits[k], o.bits[k]);
    return r;
  }

  union(...os: Rel[]): Rel {
    let r: Rel = this;
    for (const o of os) r = r.zip(o, (a, b) => a | b);
    return r;
  }

  inter(o: Rel): Rel {
    return this.zip(o, (a, b) => a & b);
  }

  minus(o: Rel): Rel {
    return this.zip(o, (a, b) => a & ~b);
  }

  /** this ; o */
  seq(o: Rel): Rel {
    const r = new Rel(this.n);
    const w = this.w;
    for (let i = 0; i < this.n; i++) {
      for (let x = 0; x < w; x++) {
        // each set bit j of row i: OR row j of o into row i of the result
        for (let word = this.bits[i * w + x]; word !== 0; word &= word - 1) {
          const j = (x << 5) + 31 - Math.clz32(word & -word);
          for (let k = 0; k < w; k++) r.bits[i * w + k] |= o.bits[j * w + k];
        }
      }
    }
    return r;
  }

  /** r^-1 */
  inv(): Rel {
    const r = new Rel(this.n);
    for (let i = 0; i < this.n; i++) for (let j = 0; j < this.n; j++) if (this.has(i, j)) r.add(j, i);
    return r;
  }

  /** r+ (Warshall) */
  plus(): Rel {
    const r = new Rel(this.n, this.bits.slice());
    const w = this.w;
    for (let k = 0; k < this.n; k++) {
      for (let i = 0; i < this.n; i++) {
        if (!r.has(i, k)) continue;
        for (let x = 0; x < w; x++) r.bits[i * w + x] |= r.bits[k * w + x];
      }
    }
    return r;
  }

  /** r* */
  star(): Rel {
    return this.plus().union(Rel.id(this.n));
  }

  /** r? */
  opt(): Rel {
    return this.union(Rel.id(this.n));
  }

  /** [dom] ; r ; [ran] (either may be absent) */
  restrict(dom: EvSet | null, ran: EvSet | null): Rel {
    const r = new Rel(this.n);
    const w = this.w;
    for (let i = 0; i < this.n; i++) {
      if (dom && !hasEv(dom, i)) continue;
      for (let k = 0; k < w; k++) r.bits[i * w + k] = this.bits[i * w + k] & (ran ? ran[k] : 0xffffffff);
    }
    return r;
  }

  isEmpty(): boolean {
    return this.bits.every((b) => b === 0);
  }

  irreflexive(): boolean {
    for (let i = 0; i < this.n; i++) if (this.has(i, i)) return false;
    return true;
  }

  acyclic(): boolean {
    return this.plus().irreflexive();
  }

  domain(): EvSet {
    const s = newSet(this.n);
    for (let i = 0; i < this.n; i++) for (let k = 0; k < this.w; k++) if (this.bits[i * this.w + k]) { addEv(s, i); break; }
    return s;
  }

  range(): EvSet {
    const s = newSet(this.n);
    for (let i = 0; i < this.n; i++) for (let k = 0; k < this.w; k++) s[k] |= this.bits[i * this.w + k];
    return s;
  }

  edges(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.n; i++) for (let j = 0; j < this.n; j++) if (this.has(i, j)) out.push([i, j]);
    return out;
  }

  equals(o: Rel): boolean {
    return this.bits.every((b, k) => b === o.bits[k]);
  }

  /** the shortest cycle through the relation, as its events in order, or null when acyclic */
  cycle(): number[] | null {
    let best: number[] | null = null;
    for (let s = 0; s < this.n; s++) {
      // BFS from s back to s
      const prev = new Int32Array(this.n).fill(-1);
      const queue = [s];
      let found = -1;
      for (let q = 0; q < queue.length && found < 0; q++) {
        const u = queue[q];
        for (let v = 0; v < this.n; v++) {
          if (!this.has(u, v)) continue;
          if (v === s) { found = u; break; }
          if (prev[v] < 0 && v !== s) { prev[v] = u; queue.push(v); }
        }
      }
      if (found < 0) continue;
      const path = [found];
      while (path[0] !== s) path.unshift(prev[path[0]]);
      if (!best || path.length < best.length) best = path;
    }
    return best;
  }
}

export const newSet = (n: number): EvSet => new Uint32Array((n + 31) >>> 5);
export const hasEv = (s: EvSet, i: number): boolean => (s[i >>> 5] & (1 << (i & 31))) !== 0;
export const addEv = (s: EvSet, i: number): void => { s[i >>> 5] |= 1 << (i & 31); };

export function setOf(n: number, pred: (i: number) => boolean): EvSet {
  const s = newSet(n);
  for (let i = 0; i < n; i++) if (pred(i)) addEv(s, i);
  return s;
}

export const setUnion = (...ss: EvSet[]): EvSet => ss.reduce((a, b) => a.map((x, k) => x | b[k]));
export const setMinus = (a: EvSet, b: EvSet): EvSet => a.map((x, k) => x & ~b[k]);
export const setInter = (a: EvSet, b: EvSet): EvSet => a.map((x, k) => x & b[k]);
