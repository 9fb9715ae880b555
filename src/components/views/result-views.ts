// Every view of one CheckResult, composed: the badge, the reachable final values (litmus-style
// scenarios), the wait-for graph at a deadlock, then (when there is a trace) the swimlane and
// the scrubber sharing one current step.
import type { CheckResult } from '../../engine/api.js';
import { renderFinals } from './finals.js';
import { renderScrubber } from './scrubber.js';
import { attachScrubber, type ScrubberHandle } from './scrubber-client.js';
import { renderSwimlane } from './swimlane.js';
import { renderVerdictBadge } from './verdict-badge.js';
import { renderWaitForGraph } from './wait-for-graph.js';

export function renderResultViews(result: CheckResult): string {
  const trace = result.trace;
  const parts = [renderVerdictBadge(result)];
  const finals = renderFinals(result.finals);
  if (finals) parts.push(finals);
  if (result.cycle && result.cycle.length > 0) parts.push(renderWaitForGraph(result.cycle));
  if (trace) {
    // both start at the last step: for a deadlock or a corruption, the world where it shows
    const last = trace.steps.length;
    parts.push(
      `<div class="fl-trace" data-fl-trace>${renderSwimlane(trace, result.cycle, { current: last })}${renderScrubber(trace, last)}</div>`,
    );
  }
  return `<div class="fl-views not-content" data-fl-views data-outcome="${result.outcome}">${parts.join('')}</div>`;
}

/** Wire the interactive parts of `renderResultViews(result)` output found inside `root`. */
export function attachResultViews(root: HTMLElement, result: CheckResult): { destroy(): void; scrubber: ScrubberHandle | null } {
  const scrubber = result.trace ? attachScrubber(root, result.trace) : null;
  return {
    scrubber,
    destroy() {
      scrubber?.destroy();
    },
  };
}
