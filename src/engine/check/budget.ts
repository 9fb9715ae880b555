// The budgets a check runs under. Searches are bounded by counts (states, transitions, bytes of
// search memory), so a verdict never depends on the machine's speed; the wall clock is a guard
// sized to fire only on a machine far slower than the counts assume, and it yields `budget`.
import type { Budget } from '../api.js';

/**
 * Defaults of check(): every built-in scenario decides exhaustively far inside them (the largest,
 * under weak memory, needs under 30 000 states; `npm run bench` prints each one's states); the
 * byte budget keeps a search within what a browser tab can hold.
 */
export const DEFAULT_BUDGET: Required<Budget> = {
  maxStates: 200_000,
  maxTransitions: 2_000_000,
  maxBytes: 256 * 1024 * 1024,
  maxMillis: 30_000,
  maxStepsPerTransition: 100_000,
};

/**
 * The largest budgets a reader should be offered ("search further"): ten times the defaults'
 * counts, and twice the bytes (about 100 bytes per state at the state ceiling). Not enforced by
 * check(): the CLI and the build may ask for more.
 */
export const BUDGET_CEILING: Required<Budget> = {
  maxStates: 2_000_000,
  maxTransitions: 20_000_000,
  maxBytes: 512 * 1024 * 1024,
  maxMillis: 120_000,
  maxStepsPerTransition: 1_000_000,
};
