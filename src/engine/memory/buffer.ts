// Per-CPU store buffers laid out flat in the world vector, shared by `tso` and `weak`.
//
// For CPU c the buffer occupies 1 + 2 * slots words at `at(layout, c)` (relative to the model's
// base): [count, tag0, value0, tag1, value1, …], oldest entry first. A tag is
// `addr << 2 | delta << 1 | barrier`: the barrier bit (weak only) says "an smp_wmb() or a release
// follows this entry": no later entry may drain before it; the delta bit (weak only) marks a
// non-value-returning atomic add (atomic_add/sub/inc/dec) whose value is the amount added to the
// word when it drains (adds commute, so whatever other CPUs did to the word meanwhile, the final
// value is right). Unused slots are kept zero, so equal buffers hash equally.
import type { MemoryLayout } from './model.js';
import { takeTouchedOtherCpus, touchOtherCpus } from './touch.js';

export const bufferWords = (layout: MemoryLayout): number => 1 + 2 * layout.bufferSlots;

/** offset of CPU `cpu`'s buffer, relative to the model's base; buffers follow the memory words */
export const bufferAt = (layout: MemoryLayout, cpu: number): number => layout.words + cpu * bufferWords(layout);

export function bufferCount(w: Int32Array, b: number): number {
  return w[b];
}

export function entryAddr(w: Int32Array, b: number, i: number): number {
  return w[b + 1 + 2 * i] >>> 2;
}

/** is entry i an atomic add (its value a delta) rather than a store? */
export function entryDelta(w: Int32Array, b: number, i: number): boolean {
  return (w[b + 1 + 2 * i] & 2) !== 0;
}

export function entryBarrier(w: Int32Array, b: number, i: number): boolean {
  return (w[b + 1 + 2 * i] & 1) !== 0;
}

export function entryValue(w: Int32Array, b: number, i: number): number {
  return w[b + 2 + 2 * i];
}

/** append a store (or, with delta, an atomic add of value); false when the buffer is full */
export function bufferPush(w: Int32Array, b: number, layout: MemoryLayout, addr: number, value: number, delta = false): boolean {
  const n = w[b];
  if (n >= layout.bufferSlots) return false;
  w[b + 1 + 2 * n] = (addr << 2) | (delta ? 2 : 0);
  w[b + 2 + 2 * n] = value;
  w[b] = n + 1;
  return true;
}

/** remove entry i, shifting later entries down; the last slot is zeroed */
export function bufferRemove(w: Int32Array, b: number, i: number): void {
  const n = w[b];
  w.copyWithin(b + 1 + 2 * i, b + 3 + 2 * i, b + 1 + 2 * n);
  w[b + 2 * n - 1] = 0;
  w[b + 2 * n] = 0;
  w[b] = n - 1;
}

/**
 * Store forwarding: the value of addr after the buffer's entries to it, applied oldest first over
 * `under` (a store replaces the value, an add adds to it); undefined when no entry is for addr.
 */
export function bufferForward(w: Int32Array, b: number, addr: number, under = 0): number | undefined {
  let v: number | undefined;
  for (let i = 0, n = w[b]; i < n; i++) {
    const tag = w[b + 1 + 2 * i];
    if (tag >>> 2 !== addr) continue;
    v = tag & 2 ? ((v ?? under) + w[b + 2 + 2 * i]) | 0 : w[b + 2 + 2 * i];
  }
  return v;
}

/** does the buffer hold an entry (store or add) for addr? */
export function bufferHas(w: Int32Array, b: number, addr: number): boolean {
  for (let i = 0, n = w[b]; i < n; i++) if (w[b + 1 + 2 * i] >>> 2 === addr) return true;
  return false;
}

/** does the buffer hold an atomic add (a delta entry) for addr? */
export function bufferHasAdd(w: Int32Array, b: number, addr: number): boolean {
  for (let i = 0, n = w[b]; i < n; i++) if (w[b + 1 + 2 * i] >>> 2 === addr && (w[b + 1 + 2 * i] & 2)) return true;
  return false;
}

/** entry i as people read it: `x=1` */
export function describeEntry(w: Int32Array, b: number, i: number, names: readonly string[]): string {
  const a = entryAddr(w, b, i);
  const v = entryValue(w, b, i);
  return `${names[a] ?? `#${a}`}${entryDelta(w, b, i) ? (v < 0 ? `-=${-v}` : `+=${v}`) : `=${v}`}`;
}

export function describeEntries(w: Int32Array, b: number, names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < w[b]; i++) {
    out.push(describeEntry(w, b, i, names));
    if (entryBarrier(w, b, i)) out.push('wmb');
  }
  return out;
}

/**
 * what an RMW by cpu would read: memory (base + addr) after its own buffered entries to addr (its
 * newest store, plus any adds after it)
 */
export function latestValue(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number): number {
  const m = w[base + addr];
  return bufferForward(w, base + bufferAt(layout, cpu), addr, m) ?? m;
}

/**
 * The value once every buffer has drained, CPU 0's first, then CPU 1's… Exact with one writer per
 * location (or only adds); with several it is one of the possible outcomes (the others are
 * explored as states).
 */
export function settledValue(w: Int32Array, base: number, layout: MemoryLayout, addr: number): number {
  touchOtherCpus();
  let v = w[base + addr];
  for (let c = 0; c < layout.cpus; c++) v = bufferForward(w, base + bufferAt(layout, c), addr, v) ?? v;
  return v;
}

/** what the buffered models (tso, weak) read alike: an RMW's value, the settled value, and whether either looked at another CPU */
export const bufferedReads = { latest: latestValue, settled: settledValue, touchedOtherCpus: takeTouchedOtherCpus } as const;
