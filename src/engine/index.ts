// The engine's one public entry. Everything it returns is plain serializable data (api.ts).
import type { CheckRequest, CheckResult, Diagnostic, ScenarioInfo } from './api.js';
import { check as runCheck } from './check/run.js';
import { compile } from './lang/compiler.js';
import { compileEnv } from './kernel/boot.js';
import { PRELUDE } from './kernel/prelude.js';
import { parseScenario } from './scenarios/format.js';
import { listScenarios as registered, resolveScenario, scenarioText } from './scenarios/index.js';

export * from './api.js';

/** explore every interleaving of the scenario's tasks running the strategy; bounded by budgets */
export function check(req: CheckRequest): CheckResult {
  return runCheck(req);
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
  const { diagnostics } = compile([{ source: 'prelude', text: PRELUDE }, { source: 'strategy', text: src }], env);
  return diagnostics;
}

export { parseScenario, scenarioText };
