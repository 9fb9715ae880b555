// The textbook weak model: store buffers plus invalidate queues, after Paul McKenney's
// "Memory Barriers: a Hardware View for Software Hackers".
//
// Memory itself is one coherent copy per location (the caches agree through MESI). Reordering comes
// from two queues in front of it:
// - a store buffer per CPU: stores enter it and drain to memory one at a time, in any order, except
//   that an entry never passes an older entry to the same location (coherence) nor an older entry
//   marked by smp_wmb() or a release (the barrier bit of buffer.ts). The non-value-returning atomics
//   (atomic_add/sub/inc/dec) enter it too, as a delta added to the word's memory value when it
//   drains (adds commute, so the final value is right whatever other CPUs' RMWs did meanwhile):
//   as in LKMM, a later load may be satisfied before the atomic is visible to other CPUs, and only
//   a full barrier (smp_mb, smp_mb__after_atomic, a value-returning atomic) orders it before one.
//   A CPU's own load of a word it has an add buffered for first drains that add (with every entry
//   that must reach memory before it) and then reads memory: reading memory plus the pending delta
//   would return a value no coherence order holds once another CPU's RMW lands between the load
//   and the drain (docs/decisions/weak-own-add-load.md). Its loads of a word with only stores
//   buffered see its newest one;
// - an invalidate queue per CPU: when a store reaches memory, every other CPU is sent an
//   invalidation it acknowledges at once but may act on later; until it does, that CPU keeps reading
//   the value its cache held (a stale value). Queue entries are processed one at a time in any order
//   (the explorer's `invalidate` steps), all at once by smp_rmb(), an acquire, or smp_mb().
// A CPU's own store reaching memory makes its copy fresh (it took the line exclusive), so it never
// reads a value older than its own write. smp_mb() drains the buffer and processes the queue.
//
// State, relative to base: memory words, the store buffers (buffer.ts), then the invalidate queues
// (queue.ts: bounded, sorted sets of (location, stale value); a retired CPU's queue is dropped).
import type { MemoryLayout, MemorySystem } from './model.js';
import {
  queueAddr, queueAt, queueClear, queueCount, queueFind, queueFull, queueInsert, queueRemove, queueRetire, queueRetired,
  queueStale, queueWords,
} from './queue.js';
import { rmwResult } from './rmw.js';
import { touchOtherCpus } from './touch.js';
import {
  bufferAt, bufferCount, bufferForward, bufferHas, bufferHasAdd, bufferPush, bufferRemove, bufferWords, describeEntries, describeEntry,
  bufferedReads, entryAddr, entryBarrier, entryDelta, entryValue,
} from './buffer.js';

function processInvalidation(w: Int32Array, q: number, addr: number): void {
  const i = queueFind(w, q, addr);
  if (i >= 0) queueRemove(w, q, i);
}

/** would writing value to addr need room in a CPU's full invalidate queue? */
function queuesBlock(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number, value: number): boolean {
  touchOtherCpus();
  if (w[base + addr] === value) return false;
  for (let d = 0; d < layout.cpus; d++) {
    if (d !== cpu && needsInvalidation(w, base, layout, d, addr) && queueFull(w, base + queueAt(layout, d), layout)) return true;
  }
  return false;
}

/**
 * A store of `cpu` reaches memory: every other CPU is sent an invalidation and keeps reading the
 * old value until it processes it. A CPU that already has one queued keeps its older stale value
 * (still coherent); a retired CPU never reads again. A full queue first processes its lowest
 * entry (see queue.ts; drains never get here with a full queue, weak.internalSteps waits).
 */
function writeMemory(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number, value: number): void {
  touchOtherCpus();
  const old = w[base + addr];
  if (old !== value) {
    for (let d = 0; d < layout.cpus; d++) {
      const q = base + queueAt(layout, d);
      if (d === cpu || !needsInvalidation(w, base, layout, d, addr)) {
        // a stale copy equal to the new value reads as a fresh one: drop it (equal states merge)
        const i = queueFind(w, q, addr);
        if (i >= 0 && queueStale(w, q, i) === value) queueRemove(w, q, i);
        continue;
      }
      if (queueFull(w, q, layout)) queueRemove(w, q, 0);
      queueInsert(w, q, addr, old);
    }
  }
  w[base + addr] = value;
  processInvalidation(w, base + queueAt(layout, cpu), addr);
}

/**
 * Must a write to addr queue an invalidation at CPU d? Not if d is retired, already holds a stale
 * copy (it keeps the older one), or has its own store to addr buffered: d reads that store until it
 * drains, and its drain refreshes d's copy, so a queued entry could never be read.
 */
function needsInvalidation(w: Int32Array, base: number, layout: MemoryLayout, d: number, addr: number): boolean {
  const q = base + queueAt(layout, d);
  return !queueRetired(w, q) && queueFind(w, q, addr) < 0 && !bufferHas(w, base + bufferAt(layout, d), addr);
}

/** the value entry i of the buffer at b writes to memory when it drains now */
function drainValue(w: Int32Array, base: number, b: number, i: number): number {
  return entryDelta(w, b, i) ? (w[base + entryAddr(w, b, i)] + entryValue(w, b, i)) | 0 : entryValue(w, b, i);
}

/** may entry i of the buffer at b reach memory now? */
function drainable(w: Int32Array, b: number, i: number): boolean {
  const addr = entryAddr(w, b, i);
  for (let j = 0; j < i; j++) if (entryBarrier(w, b, j) || entryAddr(w, b, j) === addr) return false;
  return true;
}

function drainEntry(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, i: number): void {
  const b = base + bufferAt(layout, cpu);
  writeMemory(w, base, layout, cpu, entryAddr(w, b, i), drainValue(w, base, b, i));
  // a drained entry's barrier still separates the older entries from the younger ones
  if (entryBarrier(w, b, i) && i > 0) w[b + 1 + 2 * (i - 1)] |= 1;
  bufferRemove(w, b, i);
}

/** drain, oldest first, every buffered store that must reach memory before a store to addr
 * (addr < 0: every store) */
function drainBefore(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number): void {
  const b = base + bufferAt(layout, cpu);
  let last = -1; // the youngest entry carrying a barrier
  for (let i = 0; i < bufferCount(w, b); i++) if (entryBarrier(w, b, i)) last = i;
  for (let i = 0, k = 0; i < bufferCount(w, b); k++) {
    if (addr < 0 || k <= last || entryAddr(w, b, i) === addr) drainEntry(w, base, layout, cpu, i);
    else i++;
  }
}

export const weak: MemorySystem = {
  model: 'weak',
  size: (layout) => layout.words + layout.cpus * (bufferWords(layout) + queueWords(layout)),
  parts: (layout) => [
    { at: 0, cpu: -1 },
    ...Array.from({ length: layout.cpus }, (_, c) => ({ at: bufferAt(layout, c), cpu: c })),
    ...Array.from({ length: layout.cpus }, (_, c) => ({ at: queueAt(layout, c), cpu: c })),
  ],
  init(w, base, layout, initial) {
    for (let a = 0; a < layout.words; a++) w[base + a] = initial[a] ?? 0;
    w.fill(0, base + layout.words, base + weak.size(layout));
  },
  load(w, base, layout, cpu, addr) {
    // read-own-write of an atomic add: its delta reaches memory before the load reads (weak ⊆ LKMM)
    if (bufferHasAdd(w, base + bufferAt(layout, cpu), addr)) drainBefore(w, base, layout, cpu, addr);
    // a CPU with an entry for addr buffered has no queued invalidation of it: memory is its view
    const forwarded = bufferForward(w, base + bufferAt(layout, cpu), addr, w[base + addr]);
    if (forwarded !== undefined) return forwarded;
    const q = base + queueAt(layout, cpu);
    const i = queueFind(w, q, addr);
    return i >= 0 ? queueStale(w, q, i) : w[base + addr];
  },
  store(w, base, layout, cpu, addr, value) {
    if (!bufferPush(w, base + bufferAt(layout, cpu), layout, addr, value)) return false;
    // from now on the CPU reads its own store, and its drain refreshes the copy: the entry is dead
    processInvalidation(w, base + queueAt(layout, cpu), addr);
    return true;
  },
  add(w, base, layout, cpu, addr, delta) {
    if (!bufferPush(w, base + bufferAt(layout, cpu), layout, addr, delta, true)) return false;
    // as for a store: the CPU now reads memory plus its pending adds, and the drain refreshes it
    processInvalidation(w, base + queueAt(layout, cpu), addr);
    return true;
  },
  fence(w, base, layout, cpu, fence) {
    const b = base + bufferAt(layout, cpu);
    const n = bufferCount(w, b);
    if (fence === 'mb') {
      drainBefore(w, base, layout, cpu, -1);
      queueClear(w, base + queueAt(layout, cpu), layout);
    } else if (fence === 'wmb' || fence === 'release') {
      if (n > 0) w[b + 1 + 2 * (n - 1)] |= 1;
    } else if (fence === 'unlock') {
      // a release whose store (the lock word) goes straight to memory: every buffered store of
      // this CPU reaches memory first; later loads may still read stale values (not a full barrier)
      drainBefore(w, base, layout, cpu, -1);
    } else {
      // rmb, acquire, lock: later loads see at least what memory held when the queue was processed
      queueClear(w, base + queueAt(layout, cpu), layout);
    }
    return true;
  },
  rmw(w, base, layout, cpu, addr, op, a, b, order) {
    drainBefore(w, base, layout, cpu, order === 'full' || order === 'release' ? -1 : addr);
    if (order === 'full') queueClear(w, base + queueAt(layout, cpu), layout);
    const old = w[base + addr]; // the line is taken exclusive: never a stale value
    writeMemory(w, base, layout, cpu, addr, rmwResult(op, old, a, b));
    if (order === 'acquire') queueClear(w, base + queueAt(layout, cpu), layout);
    return old;
  },
  ...bufferedReads,
  internalSteps(w, base, layout, out) {
    for (let c = 0; c < layout.cpus; c++) weak.internalStepsOf(w, base, layout, c, out);
  },
  internalStepsOf(w, base, layout, c, out) {
    const b = base + bufferAt(layout, c);
    for (let i = 0; i < bufferCount(w, b); i++) {
      if (drainable(w, b, i) && !queuesBlock(w, base, layout, c, entryAddr(w, b, i), drainValue(w, base, b, i))) out.push({ cpu: c, kind: 'drain', slot: i });
    }
    const q = base + queueAt(layout, c);
    for (let i = 0; i < queueCount(w, q); i++) out.push({ cpu: c, kind: 'invalidate', slot: queueAddr(w, q, i) });
  },
  commit(w, base, layout, cpu, addr) {
    drainBefore(w, base, layout, cpu, addr);
  },
  retire: (w, base, layout, cpu) => queueRetire(w, base + queueAt(layout, cpu), layout),
  applyInternal(w, base, layout, step) {
    if (step.kind === 'drain') drainEntry(w, base, layout, step.cpu, step.slot);
    else processInvalidation(w, base + queueAt(layout, step.cpu), step.slot);
  },
  describeInternal(w, base, layout, step, names) {
    if (step.kind === 'drain') return [describeEntry(w, base + bufferAt(layout, step.cpu), step.slot, names)];
    return [names[step.slot] ?? `#${step.slot}`];
  },
  describeBuffers(w, base, layout, names) {
    const out: { cpu: number; entries: string[] }[] = [];
    for (let c = 0; c < layout.cpus; c++) {
      const entries = describeEntries(w, base + bufferAt(layout, c), names);
      const q = base + queueAt(layout, c);
      for (let i = 0; i < queueCount(w, q); i++) {
        const a = queueAddr(w, q, i);
        entries.push(`invalidate ${names[a] ?? `#${a}`} (stale ${queueStale(w, q, i)})`);
      }
      out.push({ cpu: c, entries });
    }
    return out;
  },
};
