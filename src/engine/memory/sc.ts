// Sequential consistency: one memory, every access immediate, fences free.
import type { MemorySystem } from './model.js';
import { rmwResult } from './rmw.js';

export const sc: MemorySystem = {
  model: 'sc',
  size: (layout) => layout.words,
  parts: () => [{ at: 0, cpu: -1 }],
  init(w, base, layout, initial) {
    for (let a = 0; a < layout.words; a++) w[base + a] = initial[a] ?? 0;
  },
  load: (w, base, _layout, _cpu, addr) => w[base + addr],
  store(w, base, _layout, _cpu, addr, value) {
    w[base + addr] = value;
    return true;
  },
  fence: () => true,
  rmw(w, base, _layout, _cpu, addr, op, a, b) {
    const old = w[base + addr];
    w[base + addr] = rmwResult(op, old, a, b);
    return old;
  },
  add(w, base, _layout, _cpu, addr, delta) {
    w[base + addr] = (w[base + addr] + delta) | 0;
    return true;
  },
  commit() {},
  latest: (w, base, _layout, _cpu, addr) => w[base + addr],
  settled: (w, base, _layout, addr) => w[base + addr],
  touchedOtherCpus: () => false, // one memory, no CPU has a part of its own
  internalSteps() {},
  internalStepsOf() {},
  applyInternal() {},
  describeBuffers: () => [],
  describeInternal: () => [],
};
