// Small helpers for engine tests: run a strategy in an ad-hoc scenario and read results.
import type { CheckResult, MemoryModel } from '../api.js';
import { check } from '../index.js';

/** a scenario with one task per entry (`name: call`) and the given extra declaration lines */
export function scenario(tasks: Record<string, string>, extra = ''): string {
  const lines = Object.entries(tasks).map(([name, call], i) => `task ${name} cpu ${i} : ${call}`);
  return `id test/adhoc\n${extra}\n${lines.join('\n')}\n`;
}

/** run `main()` of a strategy alone and return the final value of global `r` */
export function evaluate(strategy: string): number {
  const r = check({ scenario: scenario({ t: 'main()' }, 'observe r'), strategy: `int r;\n${strategy}` });
  if (r.outcome !== 'ok') throw new Error(`${r.outcome}: ${r.headline}`);
  if (r.finals?.length !== 1) throw new Error(`expected one final state, got ${JSON.stringify(r.finals)}`);
  return r.finals[0].values.r;
}

export function run(strategy: string, tasks: Record<string, string>, extra = '', model?: MemoryModel): CheckResult {
  return check({ scenario: scenario(tasks, extra), strategy, model });
}
