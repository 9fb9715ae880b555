import { describe, expect, it } from 'vitest';
import { browserBudget, clampToCeiling, furtherBudget, searchCeiling } from './budget';

describe('furtherBudget', () => {
  it('grows the budget step by step and stops at the ceiling', () => {
    const steps = [];
    let b = furtherBudget(undefined);
    while (b) {
      steps.push(b);
      b = furtherBudget(b);
    }
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0].maxStates!).toBeGreaterThan(browserBudget.maxStates);
    for (const s of steps) {
      expect(s.maxStates!).toBeLessThanOrEqual(searchCeiling.maxStates);
      expect(s.maxMillis!).toBeLessThanOrEqual(searchCeiling.maxMillis);
    }
    const { maxStates, maxTransitions, maxBytes, maxMillis } = searchCeiling;
    expect(steps.at(-1)).toMatchObject({ maxStates, maxTransitions, maxBytes, maxMillis });
  });

  it('clamps any request to the ceiling', () => {
    const huge = { maxStates: 1e12, maxTransitions: 1e12, maxBytes: 1e15, maxMillis: 1e9, maxStepsPerTransition: 1e9 };
    expect(clampToCeiling(huge)).toEqual(searchCeiling);
    expect(clampToCeiling({ maxStates: 10 }).maxStates).toBe(10);
  });
});
