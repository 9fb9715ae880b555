// Budgets count, so a verdict never depends on the machine's speed: states, transitions and the
// search's memory stop every machine at the same state, and what was found before them is
// reported; the wall clock is a guard whose firing is always `budget`.
import { describe, expect, it } from 'vitest';
import type { Budget } from '../api.js';
import { BUDGET_CEILING, check, DEFAULT_BUDGET } from '../index.js';

// four counting tasks (thousands of states) and one task whose first step is a bug
const WIDE = 'id test/budgets\nglobal c = 0\n' + [0, 1, 2].map((i) => `task t${i} cpu ${i} : count()`).join('\n') + '\ntask oops cpu 4 : oops()\n';
const CODE = 'void count(void) { int i; for (i = 0; i < 2; i++) c = c + 1; }\nvoid oops(void) { BUG_ON(c == 0); }';
const QUIET = 'void count(void) { int i; for (i = 0; i < 2; i++) c = c + 1; }\nvoid oops(void) { BUG_ON(c == 100); }';
const run = (strategy: string, budget?: Budget) => check({ scenario: WIDE, strategy, budget });

describe('budgets', () => {
  it('the bug is there under the default budget (so the tests below can fail)', () => {
    const r = run(CODE);
    expect(r.outcome).toBe('bug');
    expect(r.stats.exhaustive).toBe(true);
  });
  it('the wall-clock guard yields budget even when a bug was seen before it fired', () => {
    const r = run(CODE, { maxMillis: 0 });
    expect(r.outcome).toBe('budget');
    expect(r.verdict).toBeNull();
    expect(r.stats.stoppedBy).toBe('time');
    expect(r.headline).toMatch(/^Budget: stopped by the time guard after \d+ ms, at \d+ states; no verdict/);
  });
  it('a counted budget reports the bug it found before it stopped the search, the same every time', () => {
    const a = run(CODE, { maxTransitions: 3000 });
    const b = run(CODE, { maxTransitions: 3000 });
    expect(a.outcome).toBe('bug');
    expect(a.stats.stoppedBy).toBe('transitions');
    expect([b.outcome, b.stats.states, b.stats.transitions, b.headline]).toEqual([a.outcome, a.stats.states, a.stats.transitions, a.headline]);
  });
  it('the transition budget stops the search and says so', () => {
    const r = run(QUIET, { maxTransitions: 3000 });
    expect(r.outcome).toBe('budget');
    expect(r.stats.stoppedBy).toBe('transitions');
    expect(r.stats.transitions).toBeGreaterThan(3000);
    expect(r.headline).toMatch(/^Budget: stopped at \d+ transitions \(\d+ states\) with no bug found so far/);
  });
  it('the byte budget stops the search at the same state every time and says so in the headline', () => {
    const a = run(QUIET, { maxBytes: 50_000 });
    const b = run(QUIET, { maxBytes: 50_000 });
    expect(a.outcome).toBe('budget');
    expect(a.stats.stoppedBy).toBe('bytes');
    expect(a.headline).toMatch(/^Budget: stopped at the memory budget \(0 MB of search memory, at \d+ states\)/);
    expect([b.stats.states, b.stats.transitions]).toEqual([a.stats.states, a.stats.transitions]);
  });
  it('the state budget still stops where it did', () => {
    const r = run(QUIET, { maxStates: 500 });
    expect(r.stats.stoppedBy).toBe('states');
    expect(r.stats.states).toBe(501);
  });
  it('the default budget and the ceiling a reader can be offered are exported, the ceiling above the default', () => {
    for (const k of Object.keys(DEFAULT_BUDGET) as (keyof Budget)[]) expect(BUDGET_CEILING[k], k).toBeGreaterThanOrEqual(DEFAULT_BUDGET[k]!);
    expect(DEFAULT_BUDGET.maxBytes).toBeLessThanOrEqual(512 * 1024 * 1024); // fits a browser tab
  });
  it('a scenario file can set the counted budgets', () => {
    const r = check({ scenario: WIDE.replace('global c = 0', 'global c = 0\nbudget transitions 3000'), strategy: QUIET });
    expect(r.stats.stoppedBy).toBe('transitions');
  });
});
