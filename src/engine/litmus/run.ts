// Run a litmus test on the engine: parse, translate, boot the scenario under the chosen memory
// model, explore every interleaving (the engine's BFS), then read the final states: those where
// every thread has returned and the memory is quiescent (buffers drained, queues processed). The
// witness is the engine's fewest-context-switch path to a final state satisfying the condition,
// replayed into an ordinary trace.
import type { Budget, MemoryModel, SearchStats, Trace } from '../api.js';
import { forEachQuiescentFinal } from '../check/quiescent.js';
import { explore } from '../explore/bfs.js';
import { costSwitches, pathTo, shortestPaths } from '../explore/shortest.js';
import { replay } from '../explore/trace.js';
import { boot } from '../kernel/boot.js';
import type { Machine } from '../kernel/machine.js';
import { QUEUE_SLOTS } from '../memory/queue.js';
import { parseScenario } from '../scenarios/format.js';
import { LitmusError, type LitmusTest } from './ast.js';
import { compareValue, holds, judge, observedPlaces, showCond, type FinalValues, type LitmusResult } from './condition.js';
import { parseLitmus } from './parse.js';
import { scenarioFor, translate, type LitmusProgram } from './translate.js';
import { crossCheckWeak } from './crosscheck.js';

export const LITMUS_BUDGET: Required<Budget> = { maxStates: 2_000_000, maxTransitions: 50_000_000, maxBytes: 1024 * 1024 * 1024, maxMillis: 60_000, maxStepsPerTransition: 100_000 };

export interface LitmusRun {
  name: string;
  model: MemoryModel;
  quantifier: LitmusTest['quantifier'];
  condition: string;
  filter: string | null;
  /** column order: registers (`0:r0`), then locations */
  places: string[];
  finals: { values: FinalValues; satisfies: boolean }[];
  result: LitmusResult;
  /** a run reaching a final state that satisfies the condition (null when none does) */
  witness: Trace | null;
  witnessSwitches: number | null;
  stats: SearchStats;
  /** states where the threads can go no further without finishing (a lock never released) */
  deadlocks: number;
  notes: string[];
  /** the scenario the test was translated into, for people who want to read it */
  scenario: string;
}

export interface LitmusOptions { model?: MemoryModel; budget?: Budget }

/**
 * Run a litmus text on the engine. Under weak the answer is cross-checked against LKMM
 * (crosscheck.ts): one LKMM gives differently is refused with its reason, never printed.
 */
export function runLitmus(text: string, opts: LitmusOptions = {}): LitmusRun {
  const test = parseLitmus(text);
  const run = exploreLitmus(test, opts);
  if (run.model !== 'weak') return run;
  return { ...run, notes: [...run.notes, ...crossCheckWeak(test, run.finals.map((f) => f.values), run.result)] };
}

/** the engine's own answer, every final state it reaches, with no cross-check */
export function exploreLitmus(test: LitmusTest, opts: LitmusOptions = {}): LitmusRun {
  const model = opts.model ?? 'weak';
  const prog = translate(test);
  const scenario = scenarioFor(test, prog, model);
  const { spec, diagnostics } = parseScenario(scenario);
  if (!spec) throw new LitmusError('engine', `the translated scenario does not parse: ${diagnostics[0]?.message}`);
  const budget = { ...LITMUS_BUDGET, ...opts.budget };
  const b = boot({ ...spec, budget }, '', model);
  const bad = b.diagnostics.find((d) => d.severity === 'error');
  if (!b.machine || !b.initial || bad || b.startFault) {
    throw new LitmusError('engine', `the translated test does not compile: ${bad ? `${bad.line}:${bad.column}: ${bad.message}` : b.startFault?.message}`);
  }
  const m = b.machine;
  m.maxSteps = budget.maxStepsPerTransition;
  const g = explore(m, b.initial, { maxStates: budget.maxStates, maxMillis: budget.maxMillis }, []);
  const stats: SearchStats = { states: g.store.count, transitions: g.transitions, millis: g.millis, exhaustive: g.exhaustive, stoppedBy: g.stoppedBy };
  if (g.bad.length > 0) throw new LitmusError('engine', `a thread failed: ${describeBad(m)}`);
  if (!g.exhaustive) throw new LitmusError('budget', `the search stopped at ${g.store.count} states (${g.stoppedBy}) before visiting every state`);

  // quiescent final states, grouped by their values
  const byKey = new Map<string, { values: FinalValues; state: number[] }>();
  forEachQuiescentFinal(m, g, (s, w) => {
    const values = valuesOf(m, w, prog);
    const key = JSON.stringify(values);
    const f = byKey.get(key);
    if (f) f.state.push(s); else byKey.set(key, { values, state: [s] });
  });
  const groups = [...byKey.values()].sort((a, b) => compareValues(a.values, b.values, observedPlaces(test)));
  const finals = groups.map((f) => f.values);
  const { result, witnesses } = judge(test, finals);
  const satisfying = new Set(witnesses);
  const witness = witnesses.length > 0 ? witnessTrace(m, b.initial, g, witnesses.flatMap((i) => groups[i].state)) : null;
  return {
    name: test.name, model, quantifier: test.quantifier, condition: showCond(test.condition), filter: test.filter ? showCond(test.filter) : null,
    places: observedPlaces(test),
    finals: finals.map((values, i) => ({ values, satisfies: satisfying.has(i) })),
    result, witness: witness?.trace ?? null, witnessSwitches: witness?.switches ?? null,
    stats, deadlocks: g.deadlocks.length, notes: notes(test, model, m.layout.mem.words), scenario,
  };
}

function valuesOf(m: Machine, w: Int32Array, prog: LitmusProgram): FinalValues {
  const values: FinalValues = {};
  for (const c of prog.constants) values[c.key] = c.value;
  for (const o of prog.observe) {
    const gl = m.program.globals.find((x) => x.name === o.global)!;
    values[o.key] = m.memory.settled(w, m.layout.memBase, m.layout.mem, gl.addr);
  }
  return values;
}

function compareValues(a: FinalValues, b: FinalValues, places: string[]): number {
  for (const p of places) if (a[p] !== b[p]) return compareValue(a[p], b[p]);
  return 0;
}

/** the fewest-context-switch run to any of `targets`, replayed */
function witnessTrace(m: Machine, initial: Int32Array, g: ReturnType<typeof explore>, targets: number[]): { trace: Trace; switches: number } {
  const nTasks = m.layout.nTasks;
  const A = nTasks + 1;
  const sp = shortestPaths(g, nTasks);
  let best = -1;
  for (const s of targets) for (let last = 0; last < A; last++) if (best < 0 || sp.cost[s * A + last] < sp.cost[best]) best = s * A + last;
  const choices = pathTo(sp.prevNode, sp.prevChoice, best);
  return { trace: replay(m, initial, choices).trace, switches: costSwitches(sp.cost[best]) };
}

function describeBad(m: Machine): string {
  return m.message || 'a bug in a thread';
}

/** what the reader should know about this answer */
function notes(test: LitmusTest, model: MemoryModel, words: number): string[] {
  const out: string[] = [];
  if (model === 'weak' && words > QUEUE_SLOTS) {
    out.push(`${words} shared words but ${QUEUE_SLOTS} invalidate-queue slots per CPU: outcomes that need one CPU to hold more than ${QUEUE_SLOTS} unread stale values at once are not explored`);
  }
  if (model === 'weak' && test.threads.some(loadThenStore)) {
    out.push('the weak model never lets a store become visible before an earlier load of the same CPU (no load buffering); LKMM may allow outcomes that need it');
  }
  return out;
}

/** does some load come before some store in program order (an LB-shaped pair)? */
function loadThenStore(t: LitmusTest['threads'][number]): boolean {
  let loaded = false;
  let found = false;
  const isLoad = (name: string) => /READ_ONCE|load_acquire|atomic_read/.test(name);
  const visit = (body: LitmusTest['threads'][number]['body']) => {
    for (const s of body) {
      if (s.k === 'assign' && s.e.k === 'prim') {
        if (isLoad(s.e.name)) loaded = true;
        else { if (loaded) found = true; loaded = true; } // an RMW loads and stores
      } else if (s.k === 'prim' && !/^smp_(mb|rmb|wmb)|^smp_mb__/.test(s.name)) {
        if (loaded) found = true;
      } else if (s.k === 'if') { loaded = true; visit(s.then); visit(s.else); }
    }
  };
  visit(t.body);
  return found;
}

export { holds };
