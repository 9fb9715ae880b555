// The engine's one public entry. Everything it returns is plain serializable data (api.ts).
import type { CheckOptions, CheckRequest, CheckResult, Diagnostic, ScenarioInfo } from './api.js';
import { check as runCheck } from './check/run.js';
import { compile } from './lang/compiler.js';
import { compileEnv } from './kernel/boot.js';
import { kernelText } from './kernel/kernels.js';
import { parseScenario } from './scenarios/format.js';
import { listScenarios as registered, resolveScenario, scenarioInfo, scenarioText } from './scenarios/index.js';

export * from './api.js';
/** the budgets check() uses by default, and the largest a reader should be offered ("search further") */

/** explore every interleaving of the scenario's tasks running the strategy; bounded by budgets */
export function check(req: CheckRequest, options: CheckOptions = {}): CheckResult {
  try {
    return runCheck(req, options);
  } catch (e) {
    // an engine bug must not take the page (or the Worker) down with it: report it as an error
    const message = `internal engine error: ${e instanceof Error ? e.message : String(e)}`;
    return {
      outcome: 'error', verdict: null, headline: `Error: ${message}`,
      diagnostics: [{ line: 1, column: 1, message, severity: 'error', source: 'scenario' }],
      stats: { states: 0, transitions: 0, millis: 0, exhaustive: false, stoppedBy: null }, costs: null, trace: null,
    };
  }
}

export function listScenarios(): ScenarioInfo[] {
  return registered();
}

/**
 * Diagnostics for a strategy on its own (against the prelude and the names of `scenario`, when
 * given). An empty list means it compiles.
 */
export function compileStrategy(src: string, scenario?: string): Diagnostic[] {
  const resolved = scenario ? resolveScenario(scenario) : null;
  const spec = resolved?.spec ?? parseScenario('id none\ntask none : 0\n').spec!;
  const env = compileEnv(spec);
  const { diagnostics } = compile([{ source: 'prelude', text: kernelText(spec.kernel) }, { source: 'strategy', text: src }], env);
  return diagnostics;
}

export { parseScenario, scenarioInfo, scenarioText };

// The Linux-kernel memory model as an axiomatic checker of litmus tests (lkmm/), for litmus-shaped
// cells and figures; pure TypeScript, so it runs in the Worker too.
export { runLkmm, formatCycle, formatExecution, type LkmmRun, type Cycle, type ExecutionGraph, type GraphEdge, type GraphEvent } from './lkmm/index.js';
// The same tests on the strategy engine under sc, tso or weak (litmus-shaped cells run both).
export { runLitmus, type LitmusRun } from './litmus/run.js';
export { LitmusError, type LitmusResult } from './litmus/index.js';
