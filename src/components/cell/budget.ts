// Budgets for cell runs. The browser budget keeps a reader's runaway strategy from spinning a core
// for long; the build budget is larger because the static page must show the exhaustive answer.
import type { Budget } from '../../engine/api';

export const browserBudget: Required<Budget> = {
  maxStates: 1_000_000,
  maxTransitions: 10_000_000,
  maxBytes: 256 * 1024 * 1024,
  maxMillis: 4_000,
  maxStepsPerTransition: 100_000,
};

export const buildBudget: Required<Budget> = {
  maxStates: 5_000_000,
  maxTransitions: 50_000_000,
  maxBytes: 1024 * 1024 * 1024,
  maxMillis: 60_000,
  maxStepsPerTransition: 100_000,
};

/** If the worker has not answered this long after its own time budget, it is stuck: terminate it. */
export const watchdogGraceMillis = 2_500;
