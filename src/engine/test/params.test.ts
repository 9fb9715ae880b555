// Scenario parameters are checked where they are applied (kernel/boot.ts): a value the scenario
// does not declare, of the wrong type or out of its range is an error result, never a NaN the
// strategy silently runs with (and the CLI exits 2 on an error outcome).
import { describe, expect, it } from 'vitest';
import { check } from '../index.js';

const SCENARIO = 'id test/params\nparam n number 2 1..3 "tasks"\nparam on boolean false\nglobal x = 0\nobserve x\ntask a cpu 0 : f()\ncode:\nvoid f(void) { x = n * 10 + on; }\n';
const run = (params: Record<string, unknown>) => check({ scenario: SCENARIO, params: params as Record<string, number | boolean> });

describe('--param checked against the scenario\'s declarations', () => {
  it('declared values in range run', () => {
    const r = run({ n: 3, on: true });
    expect(r.outcome).toBe('ok');
    expect(r.finals).toEqual([{ values: { x: 31 }, count: 1 }]);
  });
  const bad: [Record<string, unknown>, string][] = [
    [{ n: Number('abc') }, "Error: scenario 2:1: parameter 'n' must be a whole number from 1 to 3, got NaN"],
    [{ n: 5 }, "Error: scenario 2:1: parameter 'n' must be from 1 to 3, got 5"],
    [{ n: 0 }, "Error: scenario 2:1: parameter 'n' must be from 1 to 3, got 0"],
    [{ n: 2.5 }, "Error: scenario 2:1: parameter 'n' must be a whole number from 1 to 3, got 2.5"],
    [{ n: true }, "Error: scenario 2:1: parameter 'n' must be a whole number from 1 to 3, got true"],
    [{ on: 1 }, "Error: scenario 3:1: parameter 'on' is a boolean (true or false), got 1"],
    [{ tasks: 2 }, "Error: scenario 1:1: unknown parameter 'tasks': test/params declares 'n', 'on'"],
  ];
  for (const [params, headline] of bad) {
    it(`${JSON.stringify(params)} is an error`, () => {
      const r = run(params);
      expect(r.outcome).toBe('error');
      expect(r.headline).toBe(headline);
      expect(r.stats.states).toBe(0);
    });
  }
  it('a scenario without parameters names that', () => {
    const r = check({ scenario: 'primer/abba', params: { n: 1 } });
    expect(r.headline).toBe("Error: scenario 1:1: unknown parameter 'n': primer/abba declares no parameters");
  });
});
