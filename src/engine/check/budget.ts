// The budgets a check runs under. Searches are bounded by counts (states, transitions, bytes of
// search memory), so a verdict never depends on the machine's speed; the wall clock is a guard
// sized to fire only on a machine far slower than the counts assume, and it yields `budget`.
import type { Budget } from '../api.js';

const MB = 1024 * 1024;

/** each budget: [its default, its ceiling] (see below) */
const LIMITS: Record<keyof Budget, [number, number]> = {
  maxStates: [200_000, 2_000_000],
  maxTransitions: [2_000_000, 20_000_000],
  maxBytes: [256 * MB, 512 * MB],
  maxMillis: [30_000, 120_000],
  maxStepsPerTransition: [100_000, 1_000_000],
};

const column = (k: 0 | 1) => Object.fromEntries(Object.entries(LIMITS).map(([name, pair]) => [name, pair[k]])) as Required<Budget>;

/**
 * Defaults of check(): every built-in scenario decides exhaustively far inside them (the largest,
 * under weak memory, needs under 30 000 states; `npm run bench` prints each one's states); the
 * byte budget keeps a search within what a browser tab can hold.
 */
export const DEFAULT_BUDGET: Required<Budget> = column(0);

/**
 * The largest budgets a reader should be offered ("search further"): ten times the defaults'
 * counts, and twice the bytes (about 100 bytes per state at the state ceiling). Not enforced by
 * check(): the CLI and the build may ask for more.
 */
export const BUDGET_CEILING: Required<Budget> = column(1);
