// The weak model's answers checked against LKMM (lkmm/, an independent axiomatic checker of the
// same test). Used by run.ts for every litmus test run under weak.
import { LitmusError, type LitmusTest } from './ast.js';
import type { FinalValues, LitmusResult } from './condition.js';
import { DEFAULT_LIMITS, checkLitmus, compareFinals, describeUnreached, showValues, type Limits, type LkmmRun } from '../lkmm/index.js';

/** the cross-check stays a small part of a weak run: past this many candidates it says it stopped */
const CROSS_CHECK_LIMITS: Limits = { ...DEFAULT_LIMITS, candidates: 50_000 };

/**
 * Under weak, the answer is checked against LKMM (lkmm/, an independent axiomatic checker): a
 * verdict LKMM gives differently is refused with the reason, never printed; a state the model
 * reaches that LKMM forbids is an engine error; an answer LKMM cannot check in its budget is
 * refused too. Returns notes for the answer that stands.
 */
export function crossCheckWeak(test: LitmusTest, finals: FinalValues[], result: LitmusResult): string[] {
  let lk: LkmmRun;
  try {
    lk = checkLitmus(test, CROSS_CHECK_LIMITS);
  } catch (e) {
    // an answer that cannot be checked is not given: it might be one LKMM gives differently
    if (e instanceof LitmusError) throw new LitmusError('unsupported', `the answer cannot be cross-checked against LKMM (${e.message})`, 0, 'weak');
    throw e;
  }
  const cmp = compareFinals(lk, finals);
  // the weak model reaching a state LKMM forbids would make its answers unsound: never printed
  if (cmp.forbiddenReached.length > 0) throw new LitmusError('engine', `the weak model reaches ${showValues(cmp.forbiddenReached[0])}, which LKMM forbids`);
  if (lk.result !== result) {
    const decisive = cmp.unreached.find((u) => u.satisfies !== (result === 'Always')) ?? cmp.unreached[0];
    // LKMM answers otherwise, because of a state this model cannot reach: refused, with the reason
    throw new LitmusError('unsupported', `${describeUnreached(decisive)} (LKMM: ${lk.result}; \`--model lkmm\` decides this test)`, 0, 'weak');
  }
  if (cmp.unreached.length === 0) return ['cross-checked: LKMM allows exactly these final states'];
  const whys = [...new Set(cmp.unreached.map((u) => u.why))].join(', ');
  return [`cross-checked: LKMM gives the same answer and also allows ${cmp.unreached.length} final state${cmp.unreached.length === 1 ? '' : 's'} this model cannot reach (${whys})`];
}
