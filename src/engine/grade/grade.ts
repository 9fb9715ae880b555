// The grader: the reader's code against every run of an exercise's goal, then the cost ceilings.
// It is split in two pure halves so the browser can put the engine runs in its Worker and keep
// the judging on the page: `plan` lists the CheckRequests, `judge` reads their CheckResults.
// `grade` joins them for Node (CLI, tests, content checks). No verdict is ever decided here:
// every pass or fail is read from an engine result.
import type { CheckRequest, CheckResult, Diagnostic, MemoryModel, Outcome, SearchStats, Trace, Verdict, WaitEdge } from '../api.js';
import { definedFunctions } from './defines.js';
import { costBound, type CostCeiling, type Exercise, type GoalRun } from './exercise.js';

export type CheckFn = (req: CheckRequest) => CheckResult;

/** One engine run, shared by every goal run and cost ceiling that needs the same request. */
interface Target {
  scenario?: string;
  strategy?: string;
  model: MemoryModel;
  params?: Record<string, number | boolean>;
  maxStates?: number;
}

export interface GradePlan {
  requests: CheckRequest[];
  /** one per goal run and model, in the goal's order */
  goals: { run: GoalRun; model: MemoryModel; request: number }[];
  costs: { ceiling: CostCeiling; request: number }[];
  /** functions the code defines that the exercise does not hand over (see protect.ts) */
  redefined: string[];
}

export interface RunReport {
  /** stable name used by tests and the CLI: `2007/same-page@sc`, or `zero-tail@sc` in a scenario exercise */
  id: string;
  /** the scenario id, or the reference strategy's name */
  target: string;
  model: MemoryModel;
  label: string;
  expect: Verdict[];
  passed: boolean;
  outcome: Outcome;
  verdict: Verdict | null;
  headline: string;
  /** why it did not pass, in words; absent when it passed */
  reason?: string;
  stats: SearchStats;
  cycle?: WaitEdge[];
  /** the engine's trace when the run failed (the lesson), null when it passed */
  trace: Trace | null;
}

export interface CostReport {
  id: string; // `cost:<counter>`
  counter: string;
  label: string;
  max?: number;
  min?: number;
  /** "at most 4", "at least 2" */
  bound: string;
  actual: number | null;
  passed: boolean;
  /** the run the costs were read from */
  on: string;
  reason?: string;
}

/** A rule about the code itself, checked before any run: only the handed-over functions change. */
export interface RuleReport {
  id: 'rule:defines';
  label: string;
  passed: boolean;
  reason?: string;
}

export interface GradeReport {
  exercise: string;
  /** `error`: the reader's code did not compile (diagnostics say where) */
  status: 'passed' | 'failed' | 'error';
  passed: boolean;
  summary: string;
  runs: RunReport[];
  costs: CostReport[];
  rules: RuleReport[];
  diagnostics: Diagnostic[];
  /** the engine's verdict for the bet's run, so the page can answer "place your bet" */
  betAnswer: Outcome | null;
}

function targetKey(t: Target): string {
  return JSON.stringify([t.scenario ?? null, t.strategy ?? null, t.model, t.params ?? null, t.maxStates ?? null]);
}

/**
 * The budget of every grading run, in Node and in the browser alike (the Worker bridge lets a
 * request's budget override its own), so the CLI and the page reach the same verdicts.
 */
export const GRADE_BUDGET = { maxStates: 1_000_000, maxMillis: 10_000 } as const;

function request(ex: Exercise, code: string, t: Target): CheckRequest {
  const req: CheckRequest =
    ex.kind === 'scenario'
      ? { scenario: code, strategy: ex.referenceCode[t.strategy ?? ''] ?? '', model: t.model }
      : { scenario: ex.scenarioCode[t.scenario ?? ''] ?? t.scenario ?? '', strategy: code, model: t.model };
  if (t.params) req.params = t.params;
  req.budget = { ...GRADE_BUDGET, ...(t.maxStates ? { maxStates: t.maxStates } : {}) };
  return req;
}

/** The engine runs a grade needs, each distinct request once. */
export function plan(ex: Exercise, code: string): GradePlan {
  const keys = new Map<string, number>();
  const requests: CheckRequest[] = [];
  const need = (t: Target): number => {
    const key = targetKey(t);
    let i = keys.get(key);
    if (i === undefined) {
      i = requests.push(request(ex, code, t)) - 1;
      keys.set(key, i);
    }
    return i;
  };
  const goals = ex.runs.flatMap((run) =>
    run.models.map((model) => ({ run, model, request: need({ ...run, model }) })),
  );
  const first = ex.runs[0];
  const costs = ex.costs.map((ceiling) => {
    const own = ceiling.scenario !== undefined || ceiling.strategy !== undefined;
    const base: GoalRun = own ? { ...first, scenario: ceiling.scenario, strategy: ceiling.strategy, params: ceiling.params } : first;
    const t: Target = { ...base, model: ceiling.model ?? base.models[0] };
    if (!own) t.params = ceiling.params ?? base.params;
    return { ceiling, request: need(t) };
  });
  const forbidden = new Set(ex.forbidden);
  const redefined = ex.kind === 'strategy' ? [...new Set(definedFunctions(code).filter((n) => forbidden.has(n)))] : [];
  return { requests, goals, costs, redefined };
}

function runName(run: { scenario?: string; strategy?: string }): string {
  return run.scenario ?? run.strategy ?? '?';
}

function judgeRun(run: GoalRun, model: MemoryModel, r: CheckResult): RunReport {
  const target = runName(run);
  const report: RunReport = {
    id: `${target}@${model}`,
    target,
    model,
    label: run.label ?? target,
    expect: run.expect,
    passed: false,
    outcome: r.outcome,
    verdict: r.verdict,
    headline: r.headline,
    stats: r.stats,
    trace: null,
  };
  if (r.cycle) report.cycle = r.cycle;
  const wanted = run.expect.map((v) => (v === 'ok' ? 'OK' : v)).join(' or ');
  if (r.outcome === 'error') report.reason = 'the code did not compile or crashed the scenario';
  else if (r.outcome === 'budget') report.reason = 'the search stopped at its budget before reaching a verdict: nothing is proven';
  else if (r.verdict === null || !run.expect.includes(r.verdict)) report.reason = `expected ${wanted}`;
  else if (r.verdict === 'ok' && !r.stats.exhaustive)
    report.reason = 'OK on every schedule searched, but the search was not exhaustive: nothing is proven';
  else report.passed = true;
  if (!report.passed) report.trace = r.trace;
  return report;
}

function judgeCost(c: CostCeiling, on: string, r: CheckResult): CostReport {
  const actual = r.costs ? (r.costs[c.counter] ?? null) : null;
  const bound = costBound(c);
  const report: CostReport = { id: `cost:${c.counter}`, counter: c.counter, label: c.label, bound, actual, passed: false, on };
  if (c.max !== undefined) report.max = c.max;
  if (c.min !== undefined) report.min = c.min;
  const counted = actual ?? 0; // a counter the run never touched is zero
  if (r.costs === null) report.reason = 'not measured: the code did not compile';
  else if ((c.max !== undefined && counted > c.max) || (c.min !== undefined && counted < c.min))
    report.reason = `${counted} counted, ${bound} allowed`;
  else report.passed = true;
  report.actual = r.costs === null ? null : counted;
  return report;
}

function uniqueDiagnostics(results: CheckResult[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of results.flatMap((r) => r.diagnostics)) {
    const key = `${d.source}:${d.line}:${d.column}:${d.message}`;
    if (!seen.has(key)) seen.add(key), out.push(d);
  }
  return out;
}

/** Reads the engine's results for a plan (results[i] answers plan.requests[i]). */
export function judge(ex: Exercise, p: GradePlan, results: CheckResult[]): GradeReport {
  if (results.length !== p.requests.length) throw new Error(`judge: ${results.length} results for ${p.requests.length} requests`);
  const runs = p.goals.map((g) => judgeRun(g.run, g.model, results[g.request]));
  const costs = p.costs.map((c) => {
    const g = p.goals.find((x) => x.request === c.request);
    const req = p.requests[c.request];
    const on = g ? `${runName(g.run)}@${g.model}` : `${runName(c.ceiling)}@${req.model ?? 'sc'}`;
    return judgeCost(c.ceiling, on, results[c.request]);
  });
  const rules: RuleReport[] = [];
  if (ex.forbidden.length) {
    const handed = (ex.mayDefine ?? []).map((n) => `${n}()`).join(', ');
    const rule: RuleReport = { id: 'rule:defines', label: `changes only ${handed || 'new functions'} (and adds helpers)`, passed: p.redefined.length === 0 };
    if (!rule.passed) rule.reason = `redefines ${p.redefined.map((n) => `${n}()`).join(', ')}, which the kernel or the scenario owns`;
    rules.push(rule);
  }
  const errored = results.some((r) => r.outcome === 'error');
  const passed = !errored && runs.every((r) => r.passed) && costs.every((c) => c.passed) && rules.every((r) => r.passed);
  const failedRuns = runs.filter((r) => !r.passed);
  const failedCosts = [...rules, ...costs].filter((c) => !c.passed);
  let summary: string;
  if (errored) summary = results.find((r) => r.outcome === 'error')?.headline ?? 'Error';
  else if (passed) summary = `Passed: ${runs.length} of ${runs.length} runs as required${costs.length ? ', every cost within its bound' : ''}.`;
  else {
    const first = failedRuns[0];
    summary = first
      ? `Failed: ${first.label} (${first.model}) — ${first.headline}`
      : `Failed: ${failedCosts[0].label} — ${failedCosts[0].reason}`;
    const more = failedRuns.length + failedCosts.length - 1;
    if (more > 0) summary += ` (and ${more} more)`;
  }
  const bet = ex.bet;
  const betGoal = bet ? p.goals.find((g) => g.run === ex.runs[bet.run] && (!bet.model || g.model === bet.model)) : undefined;
  return {
    exercise: ex.id,
    status: errored ? 'error' : passed ? 'passed' : 'failed',
    passed,
    summary,
    runs,
    costs,
    rules,
    diagnostics: uniqueDiagnostics(results),
    betAnswer: betGoal ? results[betGoal.request].outcome : null,
  };
}

/** Grades synchronously (Node: CLI, tests, content checks). */
export function grade(ex: Exercise, code: string, check: CheckFn): GradeReport {
  const p = plan(ex, code);
  return judge(ex, p, p.requests.map(check));
}

/**
 * Grades with an asynchronous engine (the page's Worker bridge): `check` gets each request with its
 * index, and up to `parallel` run at once (one Worker per core). Results are judged in plan order,
 * so the report is the same whatever finishes first.
 */
export async function gradeAsync(ex: Exercise, code: string, check: (req: CheckRequest, index: number) => Promise<CheckResult>, parallel = 1): Promise<GradeReport> {
  const p = plan(ex, code);
  const results: CheckResult[] = new Array(p.requests.length);
  let next = 0;
  const lane = async () => {
    while (next < p.requests.length) {
      const i = next++;
      results[i] = await check(p.requests[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, p.requests.length)) }, lane));
  return judge(ex, p, results);
}

/** Every check a report failed, by id (`2007/two-writers@sc`, `cost:bytesCopied`). */
export function failedIds(report: GradeReport): string[] {
  return [...report.rules, ...report.runs, ...report.costs].filter((r) => !r.passed).map((r) => r.id);
}

/** Whether a report failed the check a wrong answer names (`2007/two-writers`, `x@weak`, `cost:mmap_sem`). */
export function failsAs(report: GradeReport, fails: string): boolean {
  return failedIds(report).some((id) => id === fails || (!fails.includes('@') && id.startsWith(`${fails}@`)));
}
