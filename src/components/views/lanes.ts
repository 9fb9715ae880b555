// The trace as a picture: a lane per actor (task, store buffer, device), one line per step, a
// blocked wait drawn as a bar down its lane until the actor runs again, and at a deadlock the
// wait-for cycle drawn under the last step, an arrow from each waiting lane to the lane holding
// what it waits for. On a narrow screen the same list reads as a vertical timeline: every step on
// its own line with its actor's badge (views.css), so no step's text needs sideways scrolling.
// The table form stays in swimlane.ts ("as tables").
import type { Trace, TraceStep, WaitEdge } from '../../engine/api.js';
import { esc, formatInt } from './escape.js';
import { actorClass } from './palette.js';
import { opText, stackText } from './stack.js';
import { actorDescription, cycleSteps } from './swimlane.js';
import { resourceKey } from './wait-for-graph.js';

/** Lanes with their own grid column in views.css (.fl-lane-0 … .fl-lane-7); more share the last. */
export const MAX_LANES = 8;

const laneClass = (a: number): string => `fl-lane-${Math.min(Math.max(a, 0), MAX_LANES - 1)}`;

/** For each blocked step, the grid rows its wait lasts: until the actor's next step, or the end. */
export function blockedSpans(trace: Trace): { actor: number; from: number; to: number }[] {
  const spans: { actor: number; from: number; to: number }[] = [];
  const n = trace.steps.length;
  trace.steps.forEach((step, i) => {
    if (!step.blocked) return;
    let next = n;
    for (let j = i + 1; j < n; j++) if (trace.steps[j].actor === step.actor) { next = j; break; }
    // grid rows: the head is row 1, step i is row i + 2; the bar covers the rows after the
    // blocking step, up to (not including) the actor's next step
    if (next > i + 1) spans.push({ actor: step.actor, from: i + 3, to: next + 2 });
  });
  return spans;
}

function stepLine(trace: Trace, i: number, edge: WaitEdge | undefined, current: boolean): string {
  const step: TraceStep = trace.steps[i];
  const actor = trace.actors[step.actor];
  const who = actor?.name ?? `actor ${step.actor}`;
  const sw = step.switched && i > 0;
  const classes = ['fl-ln', sw ? 'fl-switch' : '', step.blocked ? 'fl-blocked' : '', edge ? 'fl-cycle' : '', current ? 'fl-current' : '']
    .filter(Boolean)
    .join(' ');
  let tags = '';
  if (step.blocked) tags += '<span class="fl-tag fl-tag-blocked">blocked</span>';
  if (edge) tags += `<span class="fl-tag fl-tag-cycle">holds ${esc(edge.holds || 'nothing')}, wants ${esc(edge.wants)}</span>`;
  const note = step.note ? `<span class="fl-step-note">${esc(step.note)}</span>` : '';
  return (
    `<li data-step="${i + 1}" class="${classes}" style="grid-row:${i + 2}"${current ? ' aria-current="step"' : ''}>` +
    `<span class="fl-n">${i + 1}${sw ? '<span class="fl-sr-text">, context switch</span>' : ''}</span>` +
    `<span class="fl-ln-body ${laneClass(step.actor)} ${actorClass(Math.max(step.actor, 0))}">` +
    `<span class="fl-badge">${esc(who)}</span> <code class="fl-op" title="${esc(stackText(step.stack))}">${esc(opText(step))}</code>${tags}${note}</span></li>`
  );
}

/** The cycle under the last step: per edge, an arrow from the waiting lane to the holder's lane. */
function cycleLine(trace: Trace, cycle: WaitEdge[], row: number): string {
  const lanes = Math.min(trace.actors.length, MAX_LANES);
  const laneOf = (task: string) => Math.min(trace.actors.findIndex((a) => a.name === task), MAX_LANES - 1);
  // arrows leave and reach a lane near its start, under the text of its steps
  const x = (lane: number) => `${(((lane + 0.12) / lanes) * 100).toFixed(2)}%`;
  const arrows: string[] = [];
  const words: string[] = [];
  cycle.forEach((e, k) => {
    const from = laneOf(e.task);
    const holder = cycle.find((o) => o.holds && resourceKey(o.holds) === resourceKey(e.wants));
    const to = holder ? laneOf(holder.task) : -1;
    words.push(`${e.task} waits for ${e.wants}${holder ? `, held by ${holder.task}` : ''}`);
    if (from < 0 || to < 0) return;
    const y = 10 + k * 10;
    if (from === to) {
      // a task waiting for itself: a loop out of its lane and back
      arrows.push(
        `<svg x="${x(from)}" y="0" overflow="visible"><path d="M0,2 V${y} H28 V2" fill="none"/><polygon points="28,0 23,9 33,9"/></svg>`,
      );
    } else {
      arrows.push(
        `<line x1="${x(from)}" y1="2" x2="${x(from)}" y2="${y}"/><line x1="${x(from)}" y1="${y}" x2="${x(to)}" y2="${y}"/>` +
          `<line x1="${x(to)}" y1="${y}" x2="${x(to)}" y2="4"/><svg x="${x(to)}" y="0" overflow="visible"><polygon points="0,0 -5,9 5,9"/></svg>`,
      );
    }
  });
  const height = 14 + cycle.length * 10;
  const text = `Deadlock cycle: ${words.join('; ')}.`;
  return (
    `<li class="fl-lanes-cycle" style="grid-row:${row}"><span class="fl-n" aria-hidden="true">⟲</span>` +
    `<span class="fl-cycle-draw"><svg class="fl-cycle-svg" width="100%" height="${height}" aria-hidden="true">${arrows.join('')}</svg>` +
    `<span class="fl-cycle-words">${esc(text)}</span></span></li>`
  );
}

export interface LanesOptions {
  /** the scrubber's step (1-based; 0 = the initial world): that line is highlighted */
  current?: number;
}

export function renderLanes(trace: Trace, cycle?: WaitEdge[], options: LanesOptions = {}): string {
  const n = trace.steps.length;
  const lanes = Math.max(1, Math.min(trace.actors.length, MAX_LANES));
  const marks = cycleSteps(trace, cycle);
  const cycleTasks = new Set((cycle ?? []).map((e) => e.task));
  const head = trace.actors
    .slice(0, MAX_LANES)
    .map((a, i) =>
      `<span class="fl-lane-name ${laneClass(i)} ${actorClass(i)}"><span class="fl-badge">${esc(a.name)}</span> ` +
      `<span class="fl-actor-kind">${esc(actorDescription(a))}</span>${cycleTasks.has(a.name) ? ' <span class="fl-tag fl-tag-cycle">in cycle</span>' : ''}</span>`,
    )
    .join('');
  const bars = blockedSpans(trace)
    .map((s) => `<li class="fl-bar ${laneClass(s.actor)} ${actorClass(Math.max(s.actor, 0))}" style="grid-row:${s.from} / ${s.to}" aria-hidden="true"></li>`)
    .join('');
  const lines = n
    ? trace.steps.map((_, i) => stepLine(trace, i, marks.get(i), options.current === i + 1)).join('')
    : '<li class="fl-ln" style="grid-row:2">No steps: the scenario finished before any task ran.</li>';
  const cyc = cycle && cycle.length > 0 ? cycleLine(trace, cycle, n + 2) : '';
  const switches = trace.steps.filter((s, i) => s.switched && i > 0).length;
  const label =
    `Trace, one line per step: ${formatInt(n)} step${n === 1 ? '' : 's'}, ${trace.actors.length} actor${trace.actors.length === 1 ? '' : 's'}, ` +
    `${switches} context switch${switches === 1 ? '' : 'es'}`;
  return (
    `<div class="fl-lanes-wrap not-content" role="group" aria-label="${esc(label)}" tabindex="0">` +
    `<ol class="fl-lanes fl-lanes-${lanes}" data-fl-lanes>` +
    `<li class="fl-lanes-head" style="grid-row:1" aria-hidden="true"><span class="fl-n">#</span>${head}</li>` +
    bars + lines + cyc +
    `</ol></div>`
  );
}
