// The step scrubber: a labelled slider, Previous/Next buttons and the world after the chosen
// step. Step 0 is the initial world; step k is the world after the k-th row of the swimlane.
// This file only renders strings (build time and client alike); scrubber-client.ts wires it.
// The controls are rendered disabled and enabled by attachScrubber: without JavaScript the
// page shows the last step's world and no control that pretends to work.
import type { Trace, WorldSnapshot } from '../../engine/api.js';
import { esc } from './escape.js';
import { opText, stackText } from './stack.js';
import { renderWorld } from './world.js';
import { renderWorldDiagram } from './world-diagram.js';

export function clampStep(trace: Trace, k: number): number {
  const n = trace.steps.length;
  return Number.isFinite(k) ? Math.min(n, Math.max(0, Math.trunc(k))) : n;
}

export function worldAt(trace: Trace, k: number): WorldSnapshot {
  return k <= 0 ? trace.initial : trace.steps[k - 1].world;
}

/** What the live region announces: `Step 3 of 12: B lock_page(page 0), blocked`. */
export function stepSummary(trace: Trace, k: number): string {
  const n = trace.steps.length;
  if (k <= 0) return `Step 0 of ${n}: the initial world, before any step`;
  const step = trace.steps[k - 1];
  const who = trace.actors[step.actor]?.name ?? `actor ${step.actor}`;
  const flags = [step.switched && k > 1 ? 'context switch' : '', step.blocked ? 'blocked' : ''].filter(Boolean);
  const note = step.note ? ` (${step.note})` : '';
  return `Step ${k} of ${n}: ${who} ${opText(step)}${flags.length ? `, ${flags.join(', ')}` : ''}${note}`;
}

export function stepStack(trace: Trace, k: number): string {
  return k <= 0 ? '' : `Call stack, innermost first: ${stackText(trace.steps[k - 1].stack)}`;
}

export function renderStepWorld(trace: Trace, k: number): string {
  return renderWorld(worldAt(trace, k), { actors: trace.actors, previous: k > 0 ? worldAt(trace, k - 1) : null });
}

/** The world after step k as a diagram (the scrubber's picture; renderStepWorld gives the tables). */
export function renderStepDiagram(trace: Trace, k: number): string {
  return renderWorldDiagram(worldAt(trace, k), { actors: trace.actors, previous: k > 0 ? worldAt(trace, k - 1) : null });
}

export function renderScrubber(trace: Trace, step = trace.steps.length): string {
  const n = trace.steps.length;
  const k = clampStep(trace, step);
  return (
    `<div class="fl-scrubber not-content" data-fl-scrubber role="group" aria-label="Step through the trace">` +
    `<div class="fl-scrub-controls">` +
    `<button type="button" class="fl-scrub-prev" data-fl-prev disabled${k <= 0 ? ' aria-disabled="true"' : ''}>Previous step</button>` +
    `<label class="fl-scrub-label">Step <input type="range" data-fl-range disabled min="0" max="${n}" step="1" value="${k}" aria-valuetext="${esc(`step ${k} of ${n}`)}"></label>` +
    `<button type="button" class="fl-scrub-next" data-fl-next disabled${k >= n ? ' aria-disabled="true"' : ''}>Next step</button>` +
    `</div>` +
    `<p class="fl-scrub-status" aria-live="polite" data-fl-step-status>${esc(stepSummary(trace, k))}</p>` +
    `<p class="fl-scrub-stack" data-fl-stack>${esc(stepStack(trace, k))}</p>` +
    `<div class="fl-scrub-world" data-fl-world role="group" aria-label="The world at this step" tabindex="0">${renderStepDiagram(trace, k)}</div>` +
    // the same trace and world as tables, drawn by attachScrubber when opened (kept out of the page's HTML)
    `<details class="fl-as-tables" data-fl-as-tables><summary>The trace and this step's world as tables</summary><div data-fl-tables-body></div></details>` +
    `</div>`
  );
}
