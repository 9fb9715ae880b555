// The trace as plain text, one line per step (`↷ 3 writer  lock_page(pageA) [blocked]`), like the
// step lists in the threads: what a page carries in its HTML, so a cell's trace reads with
// JavaScript off at the cost of one <pre>. With JavaScript the picture (lanes.ts) takes its place.
import type { Trace, WaitEdge } from '../../engine/api.js';
import { esc } from './escape.js';
import { opText } from './stack.js';
import { describeCycle } from './wait-for-graph.js';

export function traceText(trace: Trace, cycle?: WaitEdge[]): string {
  const n = trace.steps.length;
  const names = trace.steps.map((s) => trace.actors[s.actor]?.name ?? `actor ${s.actor}`);
  const who = Math.max(0, ...names.map((w) => w.length));
  const num = String(n).length;
  const out = trace.steps.map((s, k) => {
    const mark = s.switched && k > 0 ? '↷' : ' ';
    const text = `${opText(s)}${s.blocked ? ' [blocked]' : ''}${s.note ? ` (${s.note})` : ''}`;
    return `${mark}${String(k + 1).padStart(num)} ${names[k].padEnd(who)}  ${text}`;
  });
  if (n === 0) out.push('No steps: the scenario finished before any task ran.');
  if (cycle && cycle.length) out.push(`Deadlock cycle: ${describeCycle(cycle)}`);
  out.push('(↷ marks a context switch)');
  return out.join('\n');
}

export function renderTraceText(trace: Trace, cycle?: WaitEdge[]): string {
  return (
    `<div class="fl-trace-text not-content" data-fl-trace-text role="group" aria-label="Trace, one line per step" tabindex="0">` +
    `<pre>${esc(traceText(trace, cycle))}</pre></div>`
  );
}
