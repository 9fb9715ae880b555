// Golden tests: program + scenario → verdict and trace text, compared with files beside this test
// (test/golden/*.txt), reviewed by eye when they change. Regenerate deliberately with
// UPDATE_GOLDEN=1 npx vitest run src/engine/test/golden.test.ts — never in CI.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../index.js';
import { formatResult } from '../cli/format.js';

const cells = new URL('../../content/cells/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, cells), 'utf8');
const abba = read('2007-pagecache-write-deadlocks/abba.c');

const CASES: { name: string; scenario: string; strategy: () => string }[] = [
  { name: 'primer-abba', scenario: 'primer/abba', strategy: () => abba },
  { name: 'primer-abba-fixed', scenario: 'primer/abba', strategy: () => abba.replace('lock_page(page1);\n\tlock_page(page0);', 'lock_page(page0);\n\tlock_page(page1);') },
  { name: 'primer-flag-race', scenario: 'primer/flag-race', strategy: () => read('primer/flag-race.c') },
  { name: '2007-same-page', scenario: '2007/same-page', strategy: () => read('2007-pagecache-write-deadlocks/original-same-page.c') },
  { name: '2007-two-writers', scenario: '2007/two-writers', strategy: () => read('2007-pagecache-write-deadlocks/original-two-writers.c') },
  { name: '2007-mlock', scenario: '2007/mlock', strategy: () => read('2007-pagecache-write-deadlocks/original-mlock.c') },
];

/** the CLI's text, without the wall-clock figure */
function render(scenario: string, strategy: string): string {
  const r = check({ scenario, strategy });
  return formatResult(r, scenario).replace(/, \d+ ms, /, ', ');
}

describe('golden traces', () => {
  for (const c of CASES) {
    it(`${c.scenario} (${c.name})`, () => {
      const file = new URL(`golden/${c.name}.txt`, import.meta.url);
      const text = render(c.scenario, c.strategy());
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
      expect(existsSync(file), `missing golden file ${file.pathname}: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
