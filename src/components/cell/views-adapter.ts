// The views of one result for cells and exercises: views/' composition (badge with search figures
// and costs, wait-for graph, swimlane, scrubber), under the names the cell code uses.
import type { CheckResult } from '../../engine/api';
import { attachResultViews, renderResultViews } from '../views/result-views';
import type { ScrubberHandle } from '../views/scrubber-client';

export function renderViews(result: CheckResult): string {
  return renderResultViews(result);
}

/** Wire the interactive parts (the scrubber) of views rendered by renderViews; only the trace is needed. */
export function attachViews(root: HTMLElement, result: Pick<CheckResult, 'trace'>): ScrubberHandle | null {
  return attachResultViews(root, result as CheckResult).scrubber;
}
