// LKMM against an operational model's final states: which states the operational model reaches
// that LKMM forbids (the operational model would be unsound), and which LKMM allows that it never
// reaches, each with the reason: load buffering (LKMM allows the state only through executions
// that ordering each load before its CPU's later stores forbids), a thread reading its own
// non-value-returning atomic's write (every execution of the state does; the weak model drains
// such an add before its CPU loads the word) or, failing both, stores reaching CPUs in different orders (LKMM is not multicopy atomic; a model whose stores reach one memory in
// one step cannot show them).
import { showValues } from './show.js';
import type { FinalValues } from '../litmus/index.js';
import type { LkmmRun } from './check.js';

export type Beyond = 'load buffering' | 'reads its own atomic add' | 'not multicopy atomic';

export interface Comparison {
  /** states the operational model reaches and LKMM forbids */
  forbiddenReached: FinalValues[];
  /** states LKMM allows and the operational model never reaches */
  unreached: { values: FinalValues; satisfies: boolean; why: Beyond }[];
}

const key = (v: FinalValues): string => JSON.stringify(Object.keys(v).sort().map((k) => [k, v[k]]));

export function compareFinals(lkmm: LkmmRun, operational: FinalValues[]): Comparison {
  const mine = new Set(lkmm.finals.map((f) => key(f.values)));
  const theirs = new Set(operational.map(key));
  return {
    forbiddenReached: operational.filter((v) => !mine.has(key(v))),
    unreached: lkmm.finals.filter((f) => !theirs.has(key(f.values)))
      .map((f) => ({ values: f.values, satisfies: f.satisfies, why: whyBeyond(f) })),
  };
}

/** why the weak model cannot reach an LKMM-allowed state, tested in this order (a state needing load buffering may read its own add too) */
function whyBeyond(f: LkmmRun['finals'][number]): Beyond {
  if (f.loadBuffering) return 'load buffering';
  // the weak model drains a CPU's buffered add before that CPU loads the word (memory/weak.ts)
  if (f.readsOwnAdd) return 'reads its own atomic add';
  return 'not multicopy atomic';
}

export function describeUnreached(u: Comparison['unreached'][number]): string {
  return `${u.why}: LKMM allows ${showValues(u.values)}, which the model cannot reach`;
}
