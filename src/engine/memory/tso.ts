// Total store order (x86-TSO): each CPU's stores enter a FIFO store buffer and reach memory, oldest
// first, when the explorer schedules a drain. A load reads the CPU's own newest buffered store to
// that location, else memory; so a load may pass an earlier store to another location (store
// buffering, SB), and nothing else is reordered. smp_mb() and every atomic RMW (atomic_add and
// friends included) empty the buffer (x86's mfence and lock prefix); smp_wmb, smp_rmb, acquire and
// release cost nothing.
import type { MemorySystem } from './model.js';
import { rmwResult } from './rmw.js';
import {
  bufferAt, bufferCount, bufferForward, bufferHas, bufferPush, bufferRemove, bufferWords, describeEntries, describeEntry, entryAddr, entryValue,
  bufferedReads,
} from './buffer.js';

/** drain every entry of the buffer at b, oldest first */
function flush(w: Int32Array, base: number, b: number): void {
  const n = bufferCount(w, b);
  for (let i = 0; i < n; i++) w[base + entryAddr(w, b, i)] = entryValue(w, b, i);
  w.fill(0, b, b + 1 + 2 * n);
}

export const tso: MemorySystem = {
  model: 'tso',
  size: (layout) => layout.words + layout.cpus * bufferWords(layout),
  parts: (layout) => [{ at: 0, cpu: -1 }, ...Array.from({ length: layout.cpus }, (_, c) => ({ at: bufferAt(layout, c), cpu: c }))],
  init(w, base, layout, initial) {
    for (let a = 0; a < layout.words; a++) w[base + a] = initial[a] ?? 0;
    w.fill(0, base + layout.words, base + tso.size(layout));
  },
  load(w, base, layout, cpu, addr) {
    return bufferForward(w, base + bufferAt(layout, cpu), addr) ?? w[base + addr];
  },
  store: (w, base, layout, cpu, addr, value) => bufferPush(w, base + bufferAt(layout, cpu), layout, addr, value),
  fence(w, base, layout, cpu, fence) {
    // x86's mutex, rwsem and page-lock operations are locked instructions: full barriers
    if (fence === 'mb' || fence === 'lock' || fence === 'unlock') flush(w, base, base + bufferAt(layout, cpu));
    return true;
  },
  rmw(w, base, layout, cpu, addr, op, a, b) {
    flush(w, base, base + bufferAt(layout, cpu));
    const old = w[base + addr];
    w[base + addr] = rmwResult(op, old, a, b);
    return old;
  },
  // x86 has only locked (fully ordered) read-modify-writes
  add(w, base, layout, cpu, addr, delta) {
    tso.rmw(w, base, layout, cpu, addr, 'add', delta, 0, 'relaxed');
    return true;
  },
  commit(w, base, layout, cpu, addr) {
    // FIFO: the entries to addr reach memory with every older entry
    const b = base + bufferAt(layout, cpu);
    while (bufferHas(w, b, addr)) tso.applyInternal(w, base, layout, { cpu, kind: 'drain', slot: 0 });
  },
  ...bufferedReads,
  internalSteps(w, base, layout, out) {
    for (let c = 0; c < layout.cpus; c++) tso.internalStepsOf(w, base, layout, c, out);
  },
  internalStepsOf(w, base, layout, c, out) {
    if (bufferCount(w, base + bufferAt(layout, c)) > 0) out.push({ cpu: c, kind: 'drain', slot: 0 });
  },
  applyInternal(w, base, layout, step) {
    const b = base + bufferAt(layout, step.cpu);
    w[base + entryAddr(w, b, 0)] = entryValue(w, b, 0);
    bufferRemove(w, b, 0);
  },
  describeInternal: (w, base, layout, step, names) => [describeEntry(w, base + bufferAt(layout, step.cpu), 0, names)],
  describeBuffers(w, base, layout, names) {
    const out: { cpu: number; entries: string[] }[] = [];
    for (let c = 0; c < layout.cpus; c++) out.push({ cpu: c, entries: describeEntries(w, base + bufferAt(layout, c), names) });
    return out;
  },
};
