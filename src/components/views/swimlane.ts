// The swimlane: one column per actor, one row per step, like the ASCII tables in the
// threads. A rule between rows marks a context switch; a blocked wait and the steps that
// close the deadlock cycle carry a text marker as well as a colour.
import type { Actor, Trace, TraceStep, WaitEdge } from '../../engine/api.js';
import { esc, formatInt } from './escape.js';
import { actorClass } from './palette.js';
import { opText, stackText } from './stack.js';

const KIND_WORDS: Record<Actor['kind'], string> = { task: 'task', buffer: 'store buffer', device: 'device' };

/** `task, CPU 0`; a device (a DMA engine) runs on no CPU of ours, so it is just `device`. */
export function actorDescription(a: Actor): string {
  const kind = KIND_WORDS[a.kind] ?? a.kind;
  return a.kind === 'device' || !(a.cpu >= 0) ? kind : `${kind}, CPU ${a.cpu}`;
}

/** Index of each cycle task's last step: the wait that closes the cycle. */
export function cycleSteps(trace: Trace, cycle: WaitEdge[] | undefined): Map<number, WaitEdge> {
  const marks = new Map<number, WaitEdge>();
  for (const edge of cycle ?? []) {
    const actor = trace.actors.findIndex((a) => a.name === edge.task);
    if (actor < 0) continue;
    for (let i = trace.steps.length - 1; i >= 0; i--) {
      if (trace.steps[i].actor === actor) {
        marks.set(i, edge);
        break;
      }
    }
  }
  return marks;
}

function stepCell(step: TraceStep, edge: WaitEdge | undefined): string {
  const stack = stackText(step.stack);
  const classes = ['fl-step', step.blocked ? 'fl-blocked' : '', edge ? 'fl-cycle' : ''].filter(Boolean).join(' ');
  let markers = '';
  if (step.blocked) markers += `<span class="fl-tag fl-tag-blocked">blocked</span>`;
  if (edge) markers += `<span class="fl-tag fl-tag-cycle">cycle: holds ${esc(edge.holds)}, wants ${esc(edge.wants)}</span>`;
  const note = step.note ? `<span class="fl-step-note">${esc(step.note)}</span>` : '';
  return (
    `<td class="${classes}"><code class="fl-op" title="${esc(stack)}">${esc(opText(step))}</code>` +
    `<span class="fl-sr-text">; call stack, innermost first: ${esc(stack)}</span>${markers}${note}</td>`
  );
}

function row(trace: Trace, i: number, edge: WaitEdge | undefined, current: boolean): string {
  const step = trace.steps[i];
  const cells: string[] = [];
  for (let a = 0; a < trace.actors.length; a++) {
    cells.push(a === step.actor ? stepCell(step, edge) : `<td class="fl-idle"></td>`);
  }
  // a step by an actor the trace does not list still shows, in a column of its own
  if (step.actor < 0 || step.actor >= trace.actors.length) cells.push(stepCell(step, edge));
  const sw = step.switched && i > 0;
  const head = `<th scope="row">${i + 1}${sw ? '<span class="fl-sr-text">, context switch</span>' : ''}</th>`;
  const cls = [sw ? 'fl-switch' : '', current ? 'fl-current' : ''].filter(Boolean).join(' ');
  return `<tr data-step="${i + 1}"${cls ? ` class="${cls}"` : ''}${current ? ' aria-current="step"' : ''}>${head}${cells.join('')}</tr>`;
}

function header(trace: Trace, cycleTasks: Set<string>): string {
  const cols = trace.actors
    .map((a, i) => {
      const inCycle = cycleTasks.has(a.name) ? ' <span class="fl-tag fl-tag-cycle">in cycle</span>' : '';
      return (
        `<th scope="col" class="fl-actor ${actorClass(i)}" data-actor-kind="${esc(a.kind)}">` +
        `<span class="fl-actor-name">${esc(a.name)}</span> <span class="fl-actor-kind">${esc(actorDescription(a))}</span>${inCycle}</th>`
      );
    })
    .join('');
  const stray = trace.steps.some((s) => s.actor < 0 || s.actor >= trace.actors.length);
  return `<thead><tr><th scope="col">Step</th>${cols}${stray ? '<th scope="col">unknown actor</th>' : ''}</tr></thead>`;
}

function caption(trace: Trace, cycle: WaitEdge[] | undefined): string {
  const n = trace.steps.length;
  const switches = trace.steps.filter((s, i) => s.switched && i > 0).length;
  const parts = [
    `${formatInt(n)} step${n === 1 ? '' : 's'}`,
    `${trace.actors.length} actor${trace.actors.length === 1 ? '' : 's'}`,
    `${switches} context switch${switches === 1 ? '' : 'es'} (a rule between rows)`,
  ];
  const marks = cycle && cycle.length > 0 ? '; blocked waits and the deadlock cycle are marked' : '; blocked waits are marked';
  return `<caption>Trace: ${parts.join(', ')}${marks}. Each step’s call stack is in its tooltip and in the step scrubber.</caption>`;
}

export interface SwimlaneOptions {
  /** the scrubber's step (1-based row; 0 = the initial world, no row): that row is highlighted */
  current?: number;
}

export function renderSwimlane(trace: Trace, cycle?: WaitEdge[], options: SwimlaneOptions = {}): string {
  const marks = cycleSteps(trace, cycle);
  const cycleTasks = new Set((cycle ?? []).map((e) => e.task));
  const body = trace.steps.length
    ? trace.steps.map((_, i) => row(trace, i, marks.get(i), options.current === i + 1)).join('')
    : `<tr><td colspan="${trace.actors.length + 1}">No steps: the scenario finished before any task ran.</td></tr>`;
  return (
    `<div class="fl-swimlane-wrap not-content" role="group" aria-label="Trace table" tabindex="0">` +
    `<table class="fl-swimlane" data-fl-swimlane>${caption(trace, cycle)}${header(trace, cycleTasks)}<tbody>${body}</tbody></table></div>`
  );
}
