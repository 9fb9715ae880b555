// The functions a reader may not redefine in an exercise: every function of the prelude and of
// the goal's scenarios, except the ones the exercise hands over (`mayDefine`). Without this, a
// "fix" could rewrite the scenario's reader to read nothing and pass every oracle. Node and the
// build only (it reads the engine's prelude and scenarios); the page gets the resulting list.
import { parse } from '../lang/parser.js';
import { PRELUDE } from '../kernel/prelude.js';
import { parseScenario, scenarioText } from '../index.js';
import type { Exercise, ExerciseMeta } from './exercise.js';

function functionsOf(code: string): string[] {
  return parse(code).unit.functions.map((f) => f.name);
}

/** Sorted names; empty when the exercise sets no `mayDefine` (or is a scenario exercise). */
export function forbiddenFunctions(meta: ExerciseMeta, scenarioCode: Record<string, string>): string[] {
  if (!meta.mayDefine || meta.kind !== 'strategy') return [];
  const names = new Set(functionsOf(PRELUDE));
  for (const ref of [...meta.runs, ...meta.costs].map((r) => r.scenario)) {
    if (!ref) continue;
    const text = scenarioCode[ref] ?? scenarioText(ref);
    const spec = text ? parseScenario(text).spec : null;
    if (spec) for (const n of functionsOf(spec.code)) names.add(n);
  }
  for (const n of meta.mayDefine) names.delete(n);
  return [...names].sort();
}

/** The exercise with its forbidden list filled in. */
export function withForbidden(ex: Exercise): Exercise {
  return { ...ex, forbidden: forbiddenFunctions(ex, ex.scenarioCode) };
}
