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

/**
 * The most a reader's "Search further" may ask of a search in this tab: the one constant to swap
 * for the engine's own ceiling (with a byte budget) once it exports one. The worker clamps every
 * request to it (engine.worker.ts), so no page code can ask for more. States are what bounds
 * memory: docs/decisions/reader-versions.md has the measured bytes per state.
 */
export const searchCeiling: Pick<Required<Budget>, 'maxStates' | 'maxMillis'> = {
  maxStates: 4_000_000,
  maxMillis: 32_000,
};

/** Each "Search further" multiplies the budget by this. */
export const furtherFactor = 4;

/** Clamp a requested budget to the ceiling (the worker-side guard). */
export function clampToCeiling(budget: Budget | undefined): Budget {
  const b = { ...browserBudget, ...budget };
  return { ...b, maxStates: Math.min(b.maxStates, searchCeiling.maxStates), maxMillis: Math.min(b.maxMillis, searchCeiling.maxMillis) };
}

/** The next, larger budget for a search that stopped at `current`; null once at the ceiling. */
export function furtherBudget(current: Budget | undefined): Budget | null {
  const b = clampToCeiling(current);
  if (b.maxStates! >= searchCeiling.maxStates && b.maxMillis! >= searchCeiling.maxMillis) return null;
  return clampToCeiling({ ...b, maxStates: b.maxStates! * furtherFactor, maxMillis: b.maxMillis! * furtherFactor });
}
