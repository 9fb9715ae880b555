// check(): scenario + strategy → verdict, trace, search figures and costs.
import type { Budget, CheckOptions, CheckRequest, CheckResult, Diagnostic, FinalState, SearchStats, Trace } from '../api.js';
import { verdictWord } from '../api.js';
import { boot } from '../kernel/boot.js';
import { Status, type Machine } from '../kernel/machine.js';
import type { ScenarioSpec } from '../kernel/spec.js';
import { explore, releaseGraph, type SearchGraph } from '../explore/index.js';
import { costSteps, costSwitches, parentPath, pathTo, shortestPaths } from '../explore/shortest.js';
import { appendSleeps, replay, stackOf } from '../explore/trace.js';
import { resolveScenario } from '../scenarios/index.js';
import { DEFAULT_BUDGET } from '../api.js';
import { serialRun } from './costs.js';
import { describeCycle, describeSleepers, waitForCycle } from './deadlock.js';
import { invariantsFor } from './invariants.js';
import { loopFrom } from './livelock.js';
import { forEachQuiescentFinal } from './quiescent.js';
import { findTargets, RANK, type Target } from './targets.js';

/** beyond this many states the counterexample is the fewest-steps one (BFS parents) */
const DIJKSTRA_LIMIT = 300000;

const noStats = (): SearchStats => ({ states: 0, transitions: 0, millis: 0, exhaustive: false, stoppedBy: null });

function errorResult(diagnostics: Diagnostic[]): CheckResult {
  const d = diagnostics.find((x) => x.severity === 'error') ?? diagnostics[0];
  const where = d.source === 'strategy' ? '' : `${d.source} `;
  return {
    outcome: 'error', verdict: null, headline: `Error: ${where}${d.line}:${d.column}: ${d.message}`, diagnostics, stats: noStats(), costs: null, trace: null,
  };
}

export function checkScenario(spec: ScenarioSpec, req: CheckRequest, options: CheckOptions = {}): CheckResult {
  const t0 = Date.now();
  const budget: Required<Budget> = { ...DEFAULT_BUDGET, ...spec.budget, ...req.budget };
  const specB = { ...spec, budget };
  const b = boot(specB, req.strategy ?? '', req.model ?? spec.model, req.params);
  if (!b.machine || !b.initial) return errorResult(b.diagnostics);
  const m = b.machine;
  const initial = b.initial;
  const { costs } = serialRun(m, initial);
  if (b.startFault) {
    const st = b.startFault;
    const verdict = st.status === Status.BUG ? 'bug' : st.status === Status.CORRUPT ? 'corruption' : null;
    const trace = replay(m, initial, []).trace;
    return {
      outcome: verdict ?? 'budget', verdict, headline: `${verdictWord(verdict ?? 'budget')}: ${st.message} (in ${m.taskNames[st.task]})`,
      diagnostics: b.diagnostics, stats: { ...noStats(), states: 1, millis: Date.now() - t0, stoppedBy: verdict ? null : 'steps' }, costs, trace,
    };
  }
  const g = explore(m, initial, {
    maxStates: budget.maxStates, maxTransitions: budget.maxTransitions, maxBytes: budget.maxBytes, maxMillis: budget.maxMillis, onProgress: options.onProgress,
  }, invariantsFor(m));
  const stats: SearchStats = { states: g.store.count, transitions: g.transitions, millis: 0, exhaustive: g.exhaustive, stoppedBy: g.stoppedBy };
  // When the wall clock stopped the search, what it had found by then depends on the machine's
  // speed: a bug seen before the clock fired on a fast machine may not be reached on a slow one.
  // So the outcome is `budget` whatever was seen; the counted budgets (states, transitions, bytes,
  // steps) stop every machine at the same state, and what was found before them is reported.
  const { targets, stuck } = g.stoppedBy === 'time' ? { targets: [], stuck: null } : findTargets(m, initial, g);
  const result = targets.length ? counterexample(m, initial, g, targets, stuck, stats, costs) : okResult(m, initial, g, stats, costs);
  result.diagnostics = b.diagnostics;
  const finals = finalStates(m, g);
  if (finals) result.finals = finals;
  releaseGraph(g); // the next check reuses its memory
  result.stats.millis = Date.now() - t0;
  return result;
}

function okResult(m: Machine, initial: Int32Array, g: SearchGraph, stats: SearchStats, costs: CheckResult['costs']): CheckResult {
  const trace = replay(m, initial, serialRun(m, initial).choices).trace;
  if (!g.exhaustive) return { outcome: 'budget', verdict: null, headline: budgetHeadline(g), diagnostics: [], stats, costs, trace };
  return {
    outcome: 'ok', verdict: 'ok', headline: `OK: no deadlock, corruption or bug in any of ${g.store.count} reachable states (exhaustive)`,
    diagnostics: [], stats, costs, trace,
  };
}

/** why a search stopped before it was exhaustive, for the headline */
function budgetHeadline(g: SearchGraph): string {
  const advice = '(not exhaustive; raise the budget or shrink the scenario)';
  switch (g.stoppedBy) {
    case 'time': return `Budget: stopped by the time guard after ${g.millis} ms, at ${g.store.count} states; no verdict, since what a search finds in a given time depends on the machine ${advice}`;
    case 'bytes': return `Budget: stopped at the memory budget (${Math.round(g.bytes / (1024 * 1024))} MB of search memory, at ${g.store.count} states) with no bug found so far ${advice}`;
    case 'transitions': return `Budget: stopped at ${g.transitions} transitions (${g.store.count} states) with no bug found so far ${advice}`;
    default: return `Budget: stopped at ${g.store.count} states with no bug found so far ${advice}`;
  }
}

function counterexample(m: Machine, initial: Int32Array, g: SearchGraph, targets: Target[], stuck: Uint8Array | null, stats: SearchStats, costs: CheckResult['costs']): CheckResult {
  const nTasks = m.layout.nTasks;
  let best: { target: Target; choices: number[]; key: number[] } | null = null;
  if (g.store.count <= DIJKSTRA_LIMIT) {
    const sp = shortestPaths(g, nTasks);
    const A = nTasks + 1;
    for (const target of targets) {
      let cost = Infinity, node = -1;
      if (target.node < 0) {
        const bi = -target.node - 1;
        cost = sp.badCost[bi]; node = sp.badNode[bi];
        if (node < 0 && g.bad[bi].from === 0) { cost = 1; }
      } else {
        for (let last = 0; last < A; last++) {
          const c = sp.cost[target.node * A + last];
          if (c < cost || (c === cost && c < Infinity && lexLess(pathTo(sp.prevNode, sp.prevChoice, target.node * A + last), pathTo(sp.prevNode, sp.prevChoice, node)))) {
            cost = c; node = target.node * A + last;
          }
        }
      }
      if (cost === Infinity) continue;
      const key = [costSwitches(cost), costSteps(cost), RANK[target.verdict]];
      if (best && lexLess(best.key, key)) continue;
      const choices = node >= 0 ? pathTo(sp.prevNode, sp.prevChoice, node) : [];
      if (target.node < 0) choices.push(g.bad[-target.node - 1].choice);
      // among equally short counterexamples, the one whose schedule reads first (task_a before task_b)
      if (!best || lexLess(key, best.key) || lexLess(choices, best.choices)) best = { target, choices, key };
    }
  }
  if (!best) {
    const target = [...targets].sort((a, b) => RANK[a.verdict] - RANK[b.verdict])[0];
    const choices = target.node < 0 ? [...parentPath(g, g.bad[-target.node - 1].from), g.bad[-target.node - 1].choice] : parentPath(g, target.node);
    best = { target, choices, key: [] };
  }
  const { target } = best;
  let choices = best.choices;
  let loopNote = '';
  if (target.verdict === 'livelock' && stuck) {
    const loop = loopFrom(g, stuck, target.node).choices;
    choices = [...choices, ...loop];
    loopNote = ` (the last ${loop.length} steps can repeat forever)`;
  }
  const r = replay(m, initial, choices);
  const trace: Trace = r.trace;
  const result: CheckResult = { outcome: target.verdict, verdict: target.verdict === 'budget' ? null : target.verdict, headline: '', diagnostics: [], stats, costs, trace };
  switch (target.verdict) {
    case 'deadlock': {
      const cycle = waitForCycle(m, r.final);
      appendSleeps(m, r);
      if (cycle) result.cycle = cycle;
      result.headline = `Deadlock: ${cycle ? describeCycle(cycle) : describeSleepers(m, r.final)}`;
      break;
    }
    case 'bug': case 'corruption': case 'budget': {
      const message = target.message ?? r.message;
      const last = trace.steps[trace.steps.length - 1];
      if (last && target.message && !last.note) last.note = target.message;
      const where = r.faultTask >= 0 ? where_(m, r) : '';
      result.headline = `${verdictWord(target.verdict)}: ${message}${where}`;
      break;
    }
    case 'livelock':
      result.headline = `Livelock: the tasks can run forever without finishing${loopNote}`;
      break;
  }
  if (target.verdict === 'budget') result.stats.stoppedBy = 'steps';
  return result;
}

/** where a fault happened: the innermost frame, and the reader's own frame if that is another */
function where_(m: Machine, r: ReturnType<typeof replay>): string {
  const step = r.trace.steps[r.trace.steps.length - 1];
  const stack = step?.stack ?? [];
  const top = stack[0];
  const task = m.taskNames[r.faultTask];
  if (!top) return ` (${task})`;
  const at = (f: { fn: string; line: number; source: string }) => `${f.fn}:${f.line}${f.source === 'strategy' ? '' : ` (${f.source})`}`;
  const own = stack.find((f) => f.source === 'strategy');
  return ` (${task}, at ${at(top)}${own && own !== top ? `, called from ${at(own)}` : ''})`;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
  return a.length < b.length;
}

/** the observed values of the quiescent final states, with how many distinct states give each */
function finalStates(m: Machine, g: SearchGraph): FinalState[] | null {
  if (!m.spec.observe.length) return null;
  const counts = new Map<string, FinalState>();
  const L = m.layout;
  forEachQuiescentFinal(m, g, (_s, w) => {
    const values: Record<string, number> = {};
    for (const name of m.spec.observe) {
      const gl = m.program.globals.find((x) => x.name === name);
      if (gl) values[name] = m.memory.settled(w, L.memBase, L.mem, gl.addr);
    }
    const key = JSON.stringify(values);
    const f = counts.get(key);
    if (f) f.count++; else counts.set(key, { values, count: 1 });
  });
  return [...counts.values()].sort((a, b) => (JSON.stringify(a.values) < JSON.stringify(b.values) ? -1 : 1));
}

export function check(req: CheckRequest, options: CheckOptions = {}): CheckResult {
  const { spec, diagnostics } = resolveScenario(req.scenario);
  if (!spec) return errorResult(diagnostics);
  return checkScenario(spec, req, options);
}

export { stackOf };
