// Budgets for cell runs. The browser budget keeps a reader's runaway strategy from spinning a core
// for long; the build budget is larger because the static page must show the exhaustive answer.
import { BUDGET_CEILING, type Budget } from '../../engine/api';

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

/**
 * The most a reader's "Search further" may ask of a search in this tab: the engine's own ceiling
 * (BUDGET_CEILING: states, transitions, bytes of search memory, and the wall-clock guard). The
 * worker clamps every request to it (engine.worker.ts), so no page code can ask for more.
 */
export const searchCeiling: Required<Budget> = BUDGET_CEILING;

/** Each "Search further" multiplies the budget's counts and its time guard by this. */
export const furtherFactor = 4;

const FIELDS = Object.keys(searchCeiling) as (keyof Budget)[];

/** Clamp a requested budget to the ceiling (the worker-side guard). */
export function clampToCeiling(budget: Budget | undefined): Required<Budget> {
  const b: Required<Budget> = { ...browserBudget, ...budget };
  for (const k of FIELDS) b[k] = Math.min(b[k], searchCeiling[k]);
  return b;
}

/** The next, larger budget for a search that stopped at `current`; null once at the ceiling. */
export function furtherBudget(current: Budget | undefined): Budget | null {
  const b = clampToCeiling(current);
  const grown = ['maxStates', 'maxTransitions', 'maxBytes', 'maxMillis'] as const;
  if (grown.every((k) => b[k] >= searchCeiling[k])) return null;
  const next = { ...b };
  for (const k of grown) next[k] = b[k] * furtherFactor;
  return clampToCeiling(next);
}
