// Small helpers for engine tests: run a strategy in an ad-hoc scenario and read results.
import type { CheckResult, MemoryModel } from '../api.js';
import { check } from '../index.js';

/** a scenario with one task per entry (`name: call`, or `name@mm: call` for a task with an mm) and extra declaration lines */
export function scenario(tasks: Record<string, string>, extra = ''): string {
  const lines = Object.entries(tasks).map(([name, call], i) => {
    const [n, mm] = name.split('@');
    return `task ${n} cpu ${i}${mm ? ` mm ${mm}` : ''} : ${call}`;
  });
  return `id test/adhoc\n${extra}\n${lines.join('\n')}\n`;
}

/** run `main()` of a strategy alone (in a scenario with `extra` declarations) and return the final value of global `r` */
export function evaluate(strategy: string, extra = '', mm = false): number {
  const r = check({ scenario: scenario({ t: 'main()' }, `observe r\n${extra}`).replace('task t cpu 0 :', mm ? 'task t cpu 0 mm m0 :' : 'task t cpu 0 :'), strategy: `int r;\n${strategy}` });
  if (r.outcome !== 'ok') throw new Error(`${r.outcome}: ${r.headline}`);
  if (r.finals?.length !== 1) throw new Error(`expected one final state, got ${JSON.stringify(r.finals)}`);
  return r.finals[0].values.r;
}

export function run(strategy: string, tasks: Record<string, string>, extra = '', model?: MemoryModel): CheckResult {
  return check({ scenario: scenario(tasks, extra), strategy, model });
}
