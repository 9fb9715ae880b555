// Every view of one CheckResult, composed for reading: the badge (its search figures and costs
// folded away), the reachable final values (litmus-style scenarios), then, when there is a trace,
// the trace as a picture (lanes, with the deadlock cycle drawn) beside the world at the scrubbed
// step as a diagram. The wait-for graph and the tables are one click away.
//
// A page's HTML carries the light form (renderStaticViews: the trace as text lines); the client
// swaps in the picture from the embedded trace (attachResultViews), so a chapter's HTML stays small.
import type { CheckResult, Trace, WaitEdge } from '../../engine/api.js';
import { renderFinals } from './finals.js';
import { renderLanes } from './lanes.js';
import { renderScrubber } from './scrubber.js';
import { attachScrubber, type ScrubberHandle } from './scrubber-client.js';
import { renderTraceText } from './trace-text.js';
import { renderVerdictBadge } from './verdict-badge.js';
import { renderWaitForGraph } from './wait-for-graph.js';

/** The picture of a trace: lanes beside the scrubbed world, then the folded wait-for graph. */
export function renderTraceViews(trace: Trace, cycle?: WaitEdge[]): string {
  // both start at the last step: for a deadlock or a corruption, the world where it shows
  const last = trace.steps.length;
  const wfg = cycle && cycle.length > 0
    ? `<details class="fl-more fl-wfg-more"><summary>The wait-for graph</summary>${renderWaitForGraph(cycle)}</details>`
    : '';
  return `<div class="fl-trace-picture">${renderLanes(trace, cycle, { current: last })}</div>${renderScrubber(trace, last)}${wfg}`;
}

function compose(result: CheckResult, trace: string, line = true): string {
  const parts = [renderVerdictBadge(result, { line }), renderFinals(result.finals), trace].filter(Boolean);
  return `<div class="fl-views not-content" data-fl-views data-outcome="${result.outcome}">${parts.join('')}</div>`;
}

export function renderResultViews(result: CheckResult): string {
  const t = result.trace;
  return compose(result, t ? `<div class="fl-trace" data-fl-trace>${renderTraceViews(t, result.cycle)}</div>` : '');
}

/**
 * The same views for a cell in a page's HTML: the trace as text (attachResultViews draws the
 * picture), and no verdict line in the badge (the cell's status line says it).
 */
export function renderStaticViews(result: CheckResult): string {
  const t = result.trace;
  return compose(result, t ? `<div class="fl-trace" data-fl-trace data-fl-trace-static>${renderTraceText(t, result.cycle)}</div>` : '', false);
}

/** Wire the interactive parts of `renderResultViews(result)` output found inside `root`. */
export function attachResultViews(root: HTMLElement, result: Pick<CheckResult, 'trace' | 'cycle'>): { destroy(): void; scrubber: ScrubberHandle | null } {
  const slot = root.querySelector<HTMLElement>('[data-fl-trace-static]');
  if (slot && result.trace) {
    // static views: the text columns give way to the picture
    slot.innerHTML = renderTraceViews(result.trace, result.cycle);
    slot.removeAttribute('data-fl-trace-static');
  }
  const scrubber = result.trace ? attachScrubber(root, result.trace, result.cycle) : null;
  return {
    scrubber,
    destroy() {
      scrubber?.destroy();
    },
  };
}
