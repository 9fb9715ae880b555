// "Search further": after a search stopped at its budget, the offer to rerun it with a larger one
// (budget.ts says how much larger, and where it stops).
import type { Budget, CheckResult } from '../../engine/api';
import { furtherBudget } from './budget';
import { dismiss, notify } from './notices';

/** Show, replace or withdraw the cell's offer; `rerun` runs the same source with the budget given. */
export function offerFurther(notices: HTMLElement, result: CheckResult, current: Budget | undefined, rerun: (next: Budget) => void): void {
  // A search stopped by states or time is not an answer: a larger budget may give one. A step budget (a loop) is.
  const stopped = result.outcome === 'budget' && (result.stats.stoppedBy === 'states' || result.stats.stoppedBy === 'time');
  if (!stopped) return dismiss(notices, 'budget');
  const next = furtherBudget(current);
  if (!next) {
    notify(notices, 'budget', 'The search stopped at the largest budget this page allows; a smaller scenario (fewer tasks or pages) may finish.');
    return;
  }
  const n = new Intl.NumberFormat('en');
  notify(notices, 'budget', `The search stopped at its budget before trying every interleaving. Search further: up to ${n.format(next.maxStates!)} states and ${n.format(next.maxMillis! / 1000)} s.`, {
    actions: [{ label: 'Search further', run: () => rerun(next) }],
  });
}
