// The textbook weak model: store buffers plus invalidate queues, after Paul McKenney's
// "Memory Barriers: a Hardware View for Software Hackers".
//
// Memory itself is one coherent copy per location (the caches agree through MESI). Reordering comes
// from two queues in front of it:
// - a store buffer per CPU: stores enter it and drain to memory one at a time, in any order, except
//   that an entry never passes an older entry to the same location (coherence) nor an older entry
//   marked by smp_wmb() or a release (the barrier bit of buffer.ts);
// - an invalidate queue per CPU: when a store reaches memory, every other CPU is sent an
//   invalidation it acknowledges at once but may act on later; until it does, that CPU keeps reading
//   the value its cache held (a stale value). Queue entries are processed one at a time in any order
//   (the explorer's `invalidate` steps), all at once by smp_rmb(), an acquire, or smp_mb().
// A CPU's own store reaching memory makes its copy fresh (it took the line exclusive), so it never
// reads a value older than its own write. smp_mb() drains the buffer and processes the queue.
//
// State, relative to base: memory words, the store buffers (buffer.ts), then per CPU a bitmask of
// locations with a pending invalidation followed by the stale value of each location (zero when none
// is pending, so equal states hash equally). The mask's bit `words` marks a retired CPU: its tasks
// are done, its queue could only affect its own loads, so it is dropped rather than explored.
import type { MemoryLayout, MemorySystem } from './model.js';
import { rmwResult } from './rmw.js';
import {
  bufferAt, bufferCount, bufferForward, bufferPush, bufferRemove, bufferWords, describeEntries, describeEntry,
  entryAddr, entryBarrier, entryValue,
} from './buffer.js';

// one bit per location, plus bit `words`: the CPU has retired (runs no more loads)
const maskWords = (layout: MemoryLayout): number => (layout.words + 32) >> 5;
const queueWords = (layout: MemoryLayout): number => maskWords(layout) + layout.words;
/** offset of CPU `cpu`'s invalidate queue (mask, then stale values), relative to base */
const queueAt = (layout: MemoryLayout, cpu: number): number =>
  layout.words + layout.cpus * bufferWords(layout) + cpu * queueWords(layout);

function pending(w: Int32Array, q: number, addr: number): boolean {
  return (w[q + (addr >> 5)] & (1 << (addr & 31))) !== 0;
}

function processInvalidation(w: Int32Array, q: number, layout: MemoryLayout, addr: number): void {
  w[q + (addr >> 5)] &= ~(1 << (addr & 31));
  w[q + maskWords(layout) + addr] = 0;
}

function processQueue(w: Int32Array, q: number, layout: MemoryLayout): void {
  const retired = pending(w, q, layout.words);
  w.fill(0, q, q + queueWords(layout));
  if (retired) w[q + (layout.words >> 5)] |= 1 << (layout.words & 31);
}

/** a store of `cpu` reaches memory: other CPUs holding the old value are sent an invalidation */
function writeMemory(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number, value: number): void {
  const old = w[base + addr];
  if (old !== value) {
    for (let d = 0; d < layout.cpus; d++) {
      const q = base + queueAt(layout, d);
      // an older stale value stays (still coherent); a retired CPU never reads again
      if (d === cpu || pending(w, q, addr) || pending(w, q, layout.words)) continue;
      w[q + (addr >> 5)] |= 1 << (addr & 31);
      w[q + maskWords(layout) + addr] = old;
    }
  }
  w[base + addr] = value;
  processInvalidation(w, base + queueAt(layout, cpu), layout, addr);
}

/** may entry i of the buffer at b reach memory now? */
function drainable(w: Int32Array, b: number, i: number): boolean {
  const addr = entryAddr(w, b, i);
  for (let j = 0; j < i; j++) if (entryBarrier(w, b, j) || entryAddr(w, b, j) === addr) return false;
  return true;
}

function drainEntry(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, i: number): void {
  const b = base + bufferAt(layout, cpu);
  writeMemory(w, base, layout, cpu, entryAddr(w, b, i), entryValue(w, b, i));
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
  init(w, base, layout, initial) {
    for (let a = 0; a < layout.words; a++) w[base + a] = initial[a] ?? 0;
    w.fill(0, base + layout.words, base + weak.size(layout));
  },
  load(w, base, layout, cpu, addr) {
    const forwarded = bufferForward(w, base + bufferAt(layout, cpu), addr);
    if (forwarded !== undefined) return forwarded;
    const q = base + queueAt(layout, cpu);
    return pending(w, q, addr) ? w[q + maskWords(layout) + addr] : w[base + addr];
  },
  store: (w, base, layout, cpu, addr, value) => bufferPush(w, base + bufferAt(layout, cpu), layout, addr, value),
  fence(w, base, layout, cpu, fence) {
    const b = base + bufferAt(layout, cpu);
    const n = bufferCount(w, b);
    if (fence === 'mb') {
      drainBefore(w, base, layout, cpu, -1);
      processQueue(w, base + queueAt(layout, cpu), layout);
    } else if (fence === 'wmb' || fence === 'release') {
      if (n > 0) w[b + 1 + 2 * (n - 1)] |= 1;
    } else {
      processQueue(w, base + queueAt(layout, cpu), layout);
    }
    return true;
  },
  rmw(w, base, layout, cpu, addr, op, a, b, order) {
    drainBefore(w, base, layout, cpu, order === 'full' || order === 'release' ? -1 : addr);
    if (order === 'full') processQueue(w, base + queueAt(layout, cpu), layout);
    const old = w[base + addr]; // the line is taken exclusive: never a stale value
    writeMemory(w, base, layout, cpu, addr, rmwResult(op, old, a, b));
    if (order === 'acquire') processQueue(w, base + queueAt(layout, cpu), layout);
    return old;
  },
  latest: (w, base, layout, cpu, addr) => bufferForward(w, base + bufferAt(layout, cpu), addr) ?? w[base + addr],
  settled(w, base, layout, addr) {
    // exact with one writer per location; with several, one of the possible outcomes
    let v = w[base + addr];
    for (let c = 0; c < layout.cpus; c++) v = bufferForward(w, base + bufferAt(layout, c), addr) ?? v;
    return v;
  },
  internalSteps(w, base, layout, out) {
    for (let c = 0; c < layout.cpus; c++) {
      const b = base + bufferAt(layout, c);
      for (let i = 0; i < bufferCount(w, b); i++) if (drainable(w, b, i)) out.push({ cpu: c, kind: 'drain', slot: i });
      const q = base + queueAt(layout, c);
      for (let a = 0; a < layout.words; a++) if (pending(w, q, a)) out.push({ cpu: c, kind: 'invalidate', slot: a });
    }
  },
  retire(w, base, layout, cpu) {
    const q = base + queueAt(layout, cpu);
    w.fill(0, q, q + queueWords(layout));
    w[q + (layout.words >> 5)] = 1 << (layout.words & 31);
  },
  applyInternal(w, base, layout, step) {
    if (step.kind === 'drain') drainEntry(w, base, layout, step.cpu, step.slot);
    else processInvalidation(w, base + queueAt(layout, step.cpu), layout, step.slot);
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
      for (let a = 0; a < layout.words; a++) {
        if (pending(w, q, a)) entries.push(`invalidate ${names[a] ?? `#${a}`} (stale ${w[q + maskWords(layout) + a]})`);
      }
      out.push({ cpu: c, entries });
    }
    return out;
  },
};
