// Conformance: every litmus test of the kernel (tools/memory-model/litmus-tests, GPL-2.0, kept
// out of this repository) decided by the LKMM checker, against RESULTS.tsv (the tests' own
// `Result:` headers, which herd7 produced). The folder is FAULTLINES_LITMUS_DIR, or
// ../shared/lkmm-litmus next to the repository. None may be refused.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLkmm } from '../index.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const dir = process.env.FAULTLINES_LITMUS_DIR ?? resolve(repoRoot, '../shared/lkmm-litmus');
const present = existsSync(resolve(dir, 'RESULTS.tsv'));
if (!present) console.warn(`SKIPPED kernel litmus conformance under lkmm: no RESULTS.tsv in ${dir} (set FAULTLINES_LITMUS_DIR)`);

const expected = present
  ? new Map(readFileSync(resolve(dir, 'RESULTS.tsv'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]))
  : new Map<string, string>();
const files = present ? readdirSync(dir).filter((f) => f.endsWith('.litmus')).sort() : [];

describe.skipIf(!present)(`kernel litmus tests under lkmm (${dir})`, () => {
  for (const f of files) {
    it(`${f}: ${expected.get(f)}`, () => {
      const r = runLkmm(readFileSync(resolve(dir, f), 'utf8'));
      expect(r.result).toBe(expected.get(f));
      // the evidence matches the verdict: a witness for a satisfiable condition, else a cycle
      if (r.result === 'Never') expect(r.witness).toBeNull();
      else expect(r.witness).not.toBeNull();
    });
  }

  it('every test is in RESULTS.tsv and all of them agree', () => {
    let agree = 0;
    for (const f of files) if (runLkmm(readFileSync(resolve(dir, f), 'utf8')).result === expected.get(f)) agree++;
    expect(files.every((f) => expected.has(f))).toBe(true);
    expect(agree).toBe(files.length);
  });
});
