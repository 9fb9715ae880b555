// Conformance: every litmus test of the kernel (tools/memory-model/litmus-tests, GPL-2.0, kept
// out of this repository) run through the engine under `weak`, against RESULTS.tsv. The folder is
// FAULTLINES_LITMUS_DIR, or ../shared/lkmm-litmus next to the repository. kernel-scope.ts says,
// for each test, whether the model must agree, and why not when it need not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLitmus } from '../run.js';
import { parseLitmus } from '../parse.js';
import { judge } from '../condition.js';
import { kernelScope } from './kernel-scope.js';
import { oracleFinals } from './oracle.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const dir = process.env.FAULTLINES_LITMUS_DIR ?? resolve(repoRoot, '../shared/lkmm-litmus');
const present = existsSync(resolve(dir, 'RESULTS.tsv'));

if (!present) {
  // said plainly, not silently: the kernel's tests are not part of this repository
  console.warn(`SKIPPED kernel litmus conformance: no RESULTS.tsv in ${dir} (set FAULTLINES_LITMUS_DIR)`);
}

const expected = present
  ? new Map(readFileSync(resolve(dir, 'RESULTS.tsv'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]))
  : new Map<string, string>();
const files = present ? readdirSync(dir).filter((f) => f.endsWith('.litmus')).sort() : [];

describe.skipIf(!present)(`kernel litmus tests under weak (${dir})`, () => {
  it('every test has an expected result and a scope entry', () => {
    for (const f of files) {
      expect(expected.has(f), `${f} in RESULTS.tsv`).toBe(true);
      expect(kernelScope[f], `${f} in kernel-scope.ts`).toBeDefined();
    }
  });

  for (const f of files) {
    const scope = kernelScope[f];
    if (!scope) continue;
    const text = () => readFileSync(resolve(dir, f), 'utf8');
    if (scope.scope === 'unsupported') {
      it(`${f}: refused (${scope.why})`, () => {
        expect(() => runLitmus(text(), { model: 'weak' })).toThrow(scope.error);
      });
      continue;
    }
    const want = expected.get(f);
    it(`${f}: agrees with LKMM: ${want}`, () => {
      const r = runLitmus(text(), { model: 'weak' });
      expect(r.result).toBe(want);
      expect(r.stats.exhaustive).toBe(true);
      // a satisfiable condition comes with a witness that ends in a satisfying state
      expect(r.witness === null).toBe(r.result === 'Never');
    });
  }

  it('the engine and the naive oracle find the same final states (straight-line tests, all models)', () => {
    let compared = 0;
    for (const f of files) {
      if (kernelScope[f]?.scope === 'unsupported') continue;
      const test = parseLitmus(readFileSync(resolve(dir, f), 'utf8'));
      for (const model of ['sc', 'tso', 'weak'] as const) {
        const oracle = oracleFinals(test, model);
        if (!oracle) continue;
        const r = runLitmus(readFileSync(resolve(dir, f), 'utf8'), { model });
        const key = (v: Record<string, number | string>) => JSON.stringify(Object.keys(v).sort().map((k) => [k, v[k]]));
        expect(r.finals.map((x) => key(x.values)).sort(), `${f} under ${model}`).toEqual([...new Set(oracle.map(key))].sort());
        expect(r.result).toBe(judge(test, oracle).result);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
