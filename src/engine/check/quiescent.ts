// Final states as a reader means them: every task has returned AND the memory is quiescent (no
// internal step pending: store buffers drained, invalidate queues processed). Under tso/weak the
// explorer also reaches "all tasks done, a store still buffered"; those states settle into one of
// the quiescent ones, so counting them would count the same outcome several times. Shared by
// check() (CheckResult.finals) and the litmus runner.
import type { SearchGraph } from '../explore/index.js';
import type { Machine } from '../kernel/machine.js';
import type { InternalStep } from '../memory/model.js';

/** calls fn(state, words) for each final state of the search with no internal step pending; `words` is reused */
export function forEachQuiescentFinal(m: Machine, g: SearchGraph, fn: (state: number, w: Int32Array) => void): void {
  const w = new Int32Array(g.store.size);
  const steps: InternalStep[] = [];
  const L = m.layout;
  for (const s of g.finals) {
    g.store.load(s, w);
    steps.length = 0;
    m.memory.internalSteps(w, L.memBase, L.mem, steps);
    if (steps.length === 0) fn(s, w);
  }
}
