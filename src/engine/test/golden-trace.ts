// Helpers shared by the scenario groups' golden tests: a trace rendered one line per step, pinned
// as text beside the test (reviewed by eye when it changes; regenerate with UPDATE_GOLDEN=1,
// never in CI), and a finder for the step where something happens.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CheckResult, Trace } from '../api.js';

/** one line per step: actor (padded to `width`), innermost function, call, result */
export function traceText(t: Trace, width: number): string {
  return t.steps.map((s) => {
    const who = t.actors[s.actor].name.padEnd(width);
    const fn = s.stack[0]?.fn ?? '';
    const res = s.result === undefined ? '' : ` = ${s.result}`;
    return `${who} ${fn}: ${s.op}(${s.args.join(', ')})${res}${s.note ? `   # ${s.note}` : ''}`;
  }).join('\n');
}

/** compare the headline and trace of `r` with `<dir>/golden/<name>.txt` */
export function expectGolden(dir: string, name: string, r: CheckResult, width: number): void {
  const text = `${r.headline}\n\n${traceText(r.trace!, width)}\n`;
  const file = join(dir, 'golden', `${name}.txt`);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    if (!process.env.UPDATE_GOLDEN) throw new Error(`golden file ${file} is missing (run with UPDATE_GOLDEN=1 and review it)`);
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** index of the first step of `actor` doing `op` (from `fn`, if given) */
export function stepOf(t: Trace, actor: string, op: string, fn?: string): number {
  return t.steps.findIndex((s) => t.actors[s.actor].name === actor && s.op === op && (!fn || s.stack[0]?.fn === fn));
}
