// The views of one result for cells and exercises: views/' composition (badge, trace picture,
// world diagram and scrubber, wait-for graph and tables on demand), under the names the cell code uses.
import type { CheckResult } from '../../engine/api';
import { attachResultViews, renderResultViews, renderStaticViews } from '../views/result-views';
import type { ScrubberHandle } from '../views/scrubber-client';

export function renderViews(result: CheckResult): string {
  return renderResultViews(result);
}

/** For a page's HTML: the trace as text; attachViews swaps in the picture. */
export function renderPageViews(result: CheckResult): string {
  return renderStaticViews(result);
}

/** Wire the interactive parts (the scrubber) of views rendered by renderViews; only the trace is needed. */
export function attachViews(root: HTMLElement, result: Pick<CheckResult, 'trace' | 'cycle'>): ScrubberHandle | null {
  return attachResultViews(root, result).scrubber;
}
