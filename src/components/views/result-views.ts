// Every view of one CheckResult, composed for reading: the badge (its search figures and costs
// folded away), the reachable final values (litmus-style scenarios), then, when there is a trace,
// the trace as a picture (lanes, with the deadlock cycle drawn) beside the world at the scrubbed
// step as a diagram. The wait-for graph and the tables are one click away.
import type { CheckResult } from '../../engine/api.js';
import { renderFinals } from './finals.js';
import { renderLanes } from './lanes.js';
import { renderScrubber } from './scrubber.js';
import { attachScrubber, type ScrubberHandle } from './scrubber-client.js';
import { renderVerdictBadge } from './verdict-badge.js';
import { renderWaitForGraph } from './wait-for-graph.js';

export function renderResultViews(result: CheckResult): string {
  const trace = result.trace;
  const parts = [renderVerdictBadge(result)];
  const finals = renderFinals(result.finals);
  if (finals) parts.push(finals);
  if (trace) {
    // both start at the last step: for a deadlock or a corruption, the world where it shows
    const last = trace.steps.length;
    parts.push(
      `<div class="fl-trace" data-fl-trace><div class="fl-trace-picture">${renderLanes(trace, result.cycle, { current: last })}</div>${renderScrubber(trace, last)}</div>`,
    );
  }
  if (result.cycle && result.cycle.length > 0) {
    parts.push(`<details class="fl-more fl-wfg-more"><summary>The wait-for graph</summary>${renderWaitForGraph(result.cycle)}</details>`);
  }
  return `<div class="fl-views not-content" data-fl-views data-outcome="${result.outcome}">${parts.join('')}</div>`;
}

/** Wire the interactive parts of `renderResultViews(result)` output found inside `root`. */
export function attachResultViews(root: HTMLElement, result: Pick<CheckResult, 'trace' | 'cycle'>): { destroy(): void; scrubber: ScrubberHandle | null } {
  const scrubber = result.trace ? attachScrubber(root, result.trace, result.cycle) : null;
  return {
    scrubber,
    destroy() {
      scrubber?.destroy();
    },
  };
}
