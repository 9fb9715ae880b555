import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, compileStrategy, listScenarios } from '../index.js';

const abba = readFileSync(new URL('../../content/cells/2007-pagecache-write-deadlocks/abba.c', import.meta.url), 'utf8');
const fixed = abba.replace('lock_page(page1);\n\tlock_page(page0);', 'lock_page(page0);\n\tlock_page(page1);');

describe('check(primer/abba)', () => {
  it('finds the ABBA deadlock and names the cycle', () => {
    const r = check({ scenario: 'primer/abba', strategy: abba });
    expect(r.outcome).toBe('deadlock');
    expect(r.headline).toMatch(/^Deadlock: /);
    expect(r.cycle).toEqual([
      { task: 'task_a', holds: 'lock of page0', wants: 'lock of page1' },
      { task: 'task_b', holds: 'lock of page1', wants: 'lock of page0' },
    ]);
    expect(r.stats.exhaustive).toBe(true);
    expect(r.trace!.schedule).toEqual([0, 1]);
  });

  it('is OK, exhaustively, once task_b takes the locks in the same order', () => {
    expect(fixed).not.toBe(abba);
    const r = check({ scenario: 'primer/abba', strategy: fixed });
    expect(r.outcome).toBe('ok');
    expect(r.headline).toMatch(/^OK: /);
    expect(r.stats.exhaustive).toBe(true);
    expect(r.costs!.pageLocks).toBe(4);
  });

  it('stops an endless loop without a scheduling point at the step budget', () => {
    const r = check({ scenario: 'primer/abba', strategy: 'void task_a(void) { while (1) { } }\nvoid task_b(void) { }' });
    expect(r.outcome).toBe('budget');
    expect(r.headline).toMatch(/^Budget: /);
  });

  it('stops a large search at the state budget and says it is not exhaustive', () => {
    const loop = 'int x;\nvoid task_a(void) { int i; for (i = 0; i < 1000; i++) x = i; }\nvoid task_b(void) { int i; for (i = 0; i < 1000; i++) x = -i; }';
    const r = check({ scenario: 'primer/abba', strategy: loop, budget: { maxStates: 500 } });
    expect(r.outcome).toBe('budget');
    expect(r.stats.exhaustive).toBe(false);
    expect(r.stats.stoppedBy).toBe('states');
  });

  it('reports compile errors with line and column', () => {
    expect(compileStrategy('void f(void)\n{\n\tlock_pgae(page0);\n}', 'primer/abba')[0]).toMatchObject({
      line: 3, column: 2, message: "unknown function 'lock_pgae' (did you mean 'lock_page'?)",
    });
    const r = check({ scenario: 'primer/abba', strategy: 'void task_a(void) { lock_page(page0, 1); }\nvoid task_b(void) {}' });
    expect(r.outcome).toBe('error');
    expect(r.headline).toBe("Error: 1:21: 'lock_page' takes 1 argument but was given 2");
  });

  it('lists the scenario', () => {
    expect(listScenarios().map((s) => s.id)).toContain('primer/abba');
  });
});
