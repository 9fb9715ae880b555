// LKMM against an operational model's final states: which states the operational model reaches
// that LKMM forbids (the operational model would be unsound), and which LKMM allows that it never
// reaches, each with the reason: load buffering (LKMM allows the state only through executions
// that ordering each load before its CPU's later stores forbids) or, failing that, stores reaching
// CPUs in different orders (LKMM is not multicopy atomic; a model whose stores reach one memory in
// one step cannot show them).
import { showValues } from './show.js';
import type { FinalValues } from '../litmus/index.js';
import type { LkmmRun } from './check.js';

export type Beyond = 'load buffering' | 'not multicopy atomic';

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
      .map((f) => ({ values: f.values, satisfies: f.satisfies, why: f.loadBuffering ? 'load buffering' as const : 'not multicopy atomic' as const })),
  };
}

export function describeUnreached(u: Comparison['unreached'][number]): string {
  return `${u.why}: LKMM allows ${showValues(u.values)}, which the model cannot reach`;
}
