import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../engine/api';
import { figuresText, statusText } from './present';

const base: CheckResult = {
  outcome: 'deadlock',
  verdict: 'deadlock',
  headline: 'Deadlock: A holds page0 and waits for page1',
  diagnostics: [],
  stats: { states: 1234, transitions: 2000, millis: 12.4, exhaustive: true, stoppedBy: null },
  costs: null,
  trace: null,
};

describe('statusText', () => {
  it('is the headline when it begins with the verdict word', () => {
    expect(statusText(base)).toBe('Deadlock: A holds page0 and waits for page1');
  });

  it('prefixes the verdict word when the headline lacks it', () => {
    expect(statusText({ ...base, outcome: 'ok', verdict: 'ok', headline: 'no interleaving fails' })).toBe('OK: no interleaving fails');
  });

  it("names the strategy's first error even when the headline leads with a scenario error", () => {
    const result: CheckResult = {
      ...base,
      outcome: 'error',
      verdict: null,
      headline: "Error: scenario 11:28: unknown function 'task_a'",
      diagnostics: [
        { line: 11, column: 28, message: "unknown function 'task_a'", severity: 'error', source: 'scenario' },
        { line: 6, column: 2, message: "expected ';'", severity: 'error', source: 'strategy' },
      ],
    };
    expect(statusText(result)).toBe("Error: 6:2: expected ';' (and 1 more)");
  });
});

describe('figuresText', () => {
  it('says whether the search was exhaustive or which budget stopped it', () => {
    expect(figuresText(base.stats)).toBe('1,234 states, 2,000 transitions, 12 ms; every interleaving explored');
    expect(figuresText({ ...base.stats, exhaustive: false, stoppedBy: 'time' })).toContain('stopped at the time budget');
  });
});
