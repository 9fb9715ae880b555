// Per-CPU invalidate queues of the weak model, laid out flat: for CPU c, 1 + 2 * K words at
// `queueAt(layout, c)` (relative to the model's base): [count, addr0, stale0, addr1, stale1, …],
// kept sorted by address (the queue is processed in any order, so it is a set, and a canonical
// order makes equal sets hash equally; unused slots stay zero). count -1 marks a retired CPU:
// its tasks are done, no load can observe its queue, so it holds nothing.
//
// K = min(words, QUEUE_SLOTS). A queue sized by the number of words would cost every CPU two words
// per shared word in every state (pages alone bring dozens). Bounded, a queue behaves as in
// hardware: a store cannot reach memory while some CPU's full queue cannot take its invalidation
// (weak.ts offers the drain only once that CPU has processed an entry), and a step that must
// write at once (an atomic, a barrier's drain) first makes that CPU process its lowest entry,
// which it could have done just before. Every behaviour is one of the unbounded model's; lost are
// only those where one CPU must hold more than K unread stale values at once.
import type { MemoryLayout } from './model.js';
import { bufferRemove, bufferWords } from './buffer.js';

export const QUEUE_SLOTS = 8;

export const queueSlots = (layout: MemoryLayout): number => Math.min(layout.words, QUEUE_SLOTS);
export const queueWords = (layout: MemoryLayout): number => 1 + 2 * queueSlots(layout);

/** offset of CPU `cpu`'s queue relative to the model's base: after memory and the store buffers */
export const queueAt = (layout: MemoryLayout, cpu: number): number =>
  layout.words + layout.cpus * bufferWords(layout) + cpu * queueWords(layout);

export const queueCount = (w: Int32Array, q: number): number => Math.max(0, w[q]);
export const queueRetired = (w: Int32Array, q: number): boolean => w[q] < 0;
export const queueAddr = (w: Int32Array, q: number, i: number): number => w[q + 1 + 2 * i];
export const queueStale = (w: Int32Array, q: number, i: number): number => w[q + 2 + 2 * i];

/** the slot holding an invalidation of addr, or -1 */
export function queueFind(w: Int32Array, q: number, addr: number): number {
  const n = w[q];
  for (let i = 0; i < n; i++) if (w[q + 1 + 2 * i] === addr) return i;
  return -1;
}

export function queueFull(w: Int32Array, q: number, layout: MemoryLayout): boolean {
  return w[q] >= queueSlots(layout);
}

/** queue an invalidation of addr keeping `stale` readable; the caller made room */
export function queueInsert(w: Int32Array, q: number, addr: number, stale: number): void {
  const n = w[q];
  let i = n;
  while (i > 0 && w[q + 1 + 2 * (i - 1)] > addr) i--;
  w.copyWithin(q + 3 + 2 * i, q + 1 + 2 * i, q + 1 + 2 * n);
  w[q + 1 + 2 * i] = addr;
  w[q + 2 + 2 * i] = stale;
  w[q] = n + 1;
}

/** process entry i: the CPU drops its stale copy (the [count, pairs…] layout of a store buffer) */
export const queueRemove = bufferRemove;

/** process every entry (smp_rmb, acquire, smp_mb) */
export function queueClear(w: Int32Array, q: number, layout: MemoryLayout): void {
  if (w[q] <= 0) return;
  w.fill(0, q, q + queueWords(layout));
}

export function queueRetire(w: Int32Array, q: number, layout: MemoryLayout): void {
  w.fill(0, q, q + queueWords(layout));
  w[q] = -1;
}
