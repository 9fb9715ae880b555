// Decide a litmus test under LKMM, as herd7 does with linux-kernel.cfg: enumerate the candidate
// executions, keep those every axiom allows, collect their final states, and judge the
// condition over them (Always / Sometimes / Never), raising the flags (data-race…) any allowed
// execution raises. With the verdict comes its evidence: a witness execution when the condition
// can hold, else the forbidding cycle of the candidate that got furthest through the axioms.
import { LitmusError, judge, observedPlaces, compareValue, holds, parseLitmus, showCond, type FinalValues, type LitmusResult, type LitmusTest } from '../litmus/index.js';
import { DEFAULT_LIMITS, forEachCandidate, type Limits } from './candidates.js';
import type { Candidate } from './execution.js';
import { describeExecution, explainCycle, type Cycle, type ExecutionText } from './explain.js';
import { executionGraph, type ExecutionGraph } from './graph.js';
import { AXIOMS, judgeCandidate, type Axiom } from './model.js';

export interface LkmmRun {
  name: string;
  quantifier: LitmusTest['quantifier'];
  condition: string;
  filter: string | null;
  places: string[];
  /**
   * the final states of the allowed executions; `loadBuffering`: every allowed execution reaching
   * the state is forbidden once loads are ordered before their CPU's later stores (LKMM without
   * load buffering, model.ts's loadsBeforeStores); `readsOwnAdd`: in every allowed execution
   * reaching it, a thread reads the write of its own non-value-returning atomic (atomic_inc…)
   */
  finals: { values: FinalValues; satisfies: boolean; loadBuffering: boolean; readsOwnAdd: boolean }[];
  result: LitmusResult;
  /** herd flags raised by allowed executions, e.g. `data-race` */
  flags: string[];
  /** candidate executions examined, and how many the model allows */
  candidates: number;
  allowed: number;
  /** an allowed execution satisfying the condition (null when the result is Never) */
  witness: ExecutionText | null;
  /** when no allowed execution satisfies the condition: why the closest candidate is forbidden */
  cycle: Cycle | null;
  /** how many candidates each axiom rejected first */
  rejectedBy: Partial<Record<Axiom, number>>;
  /** the execution of the witness, or of the cycle (whose edges' ids name its events), to draw */
  graph: ExecutionGraph | null;
}

/** the non-value-returning atomics: the weak model buffers them, and drains one before its CPU reads the word */
const NON_RETURNING_ADDS = new Set(['atomic_inc', 'atomic_dec', 'atomic_add', 'atomic_sub']);

/** does a thread read (rf) the write of its own non-value-returning atomic in this execution? */
function readsOwnAdd(x: Candidate): boolean {
  const ev = x.sk.events;
  for (const w of ev) {
    if (w.kind !== 'W' || !NON_RETURNING_ADDS.has(w.call)) continue;
    for (const r of ev) if (r.kind === 'R' && r.thread === w.thread && x.rf.has(w.id, r.id)) return true;
  }
  return false;
}

function finalValues(test: LitmusTest, x: Candidate): FinalValues {
  const v: FinalValues = {};
  const { sk, co } = x;
  sk.runs.forEach((r) => { for (const [k, val] of Object.entries(r.regs)) v[`${r.thread}:${k}`] = val; });
  for (const l of test.locations) {
    const ws = sk.events.filter((e) => e.kind === 'W' && e.loc === l.name);
    const last = ws.find((w) => !ws.some((o) => co.has(w.id, o.id)));
    v[l.name] = last ? last.value : l.init;
  }
  return v;
}

export function checkLitmus(test: LitmusTest, limits: Limits = DEFAULT_LIMITS): LkmmRun {
  for (const l of test.locks) {
    if (test.locations.some((x) => x.name === l)) throw new LitmusError('unsupported', `'${l}' is both a spin lock and an int location (lock.cat's mixed-lock-accesses)`);
  }
  const byKey = new Map<string, { values: FinalValues; loadBuffering: boolean; readsOwnAdd: boolean }>();
  const flags = new Set<string>();
  let allowed = 0;
  let witness: Candidate | null = null;
  let closest: { x: Candidate; depth: number } | null = null;
  const rejectedBy: Partial<Record<Axiom, number>> = {};
  const passes = (v: FinalValues) => !test.filter || holds(test.filter, v);
  const { count } = forEachCandidate(test, limits, (x) => {
    const j = judgeCandidate(x);
    const values = finalValues(test, x);
    const wanted = passes(values) && holds(test.condition, values);
    if (j.failed) {
      rejectedBy[j.failed] = (rejectedBy[j.failed] ?? 0) + 1;
      const depth = AXIOMS.indexOf(j.failed);
      if (wanted && (!closest || depth > closest.depth)) closest = { x, depth };
      return true;
    }
    const fault = x.sk.runs.find((r) => r.fault !== null);
    // an allowed execution that dereferences a non-pointer has no meaning here: refuse, never guess
    if (fault) throw new LitmusError('unsupported', `P${fault.thread}: ${fault.fault}`);
    allowed++;
    j.flags.forEach((f) => flags.add(f));
    const key = JSON.stringify(values);
    const seen = byKey.get(key);
    // judged again without load buffering only while every execution of the state so far needed it
    if (!seen) byKey.set(key, { values, loadBuffering: judgeCandidate(x, { loadsBeforeStores: true }).failed !== null, readsOwnAdd: readsOwnAdd(x) });
    else {
      if (seen.loadBuffering) seen.loadBuffering = judgeCandidate(x, { loadsBeforeStores: true }).failed !== null;
      if (seen.readsOwnAdd) seen.readsOwnAdd = readsOwnAdd(x);
    }
    if (wanted && !witness) witness = x;
    return true;
  });
  const places = observedPlaces(test);
  const states = [...byKey.values()].sort((a, b) => {
    for (const p of places) if (a.values[p] !== b.values[p]) return compareValue(a.values[p], b.values[p]);
    return 0;
  });
  const finals = states.map((f) => f.values);
  const { result, witnesses } = judge(test, finals);
  const sat = new Set(witnesses);
  const w = witness as Candidate | null;
  const c = closest as { x: Candidate; depth: number } | null;
  const cycle = !w && c ? explainCycle(c.x, judgeCandidate(c.x)) : null;
  return {
    name: test.name, quantifier: test.quantifier, condition: showCond(test.condition), filter: test.filter ? showCond(test.filter) : null,
    places, finals: states.map((f, i) => ({ values: f.values, satisfies: sat.has(i), loadBuffering: f.loadBuffering, readsOwnAdd: f.readsOwnAdd })), result,
    flags: [...flags].sort(), candidates: count, allowed,
    witness: w ? describeExecution(w) : null,
    cycle,
    rejectedBy,
    graph: w ? executionGraph(w) : cycle && c ? executionGraph(c.x) : null,
  };
}

/** parse and decide a litmus text under LKMM */
export function runLkmm(text: string, limits?: Limits): LkmmRun {
  return checkLitmus(parseLitmus(text), limits);
}
