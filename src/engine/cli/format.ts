// Text renderings of results for terminals: the verdict, the figures, and the trace as columns
// (one per task, like the ASCII tables of the mailing-list threads) or in the threads' compact
// numbered form (thread.ts).
import type { CheckResult, Costs, Trace, TraceStep } from '../api.js';
import { noPaint, paintHeadline, paintPadded, type Paint } from './colour.js';
import { formatThread, stepText, threadTrace } from './thread.js';

export type TraceForm = 'columns' | 'thread' | 'none';
export const TRACE_FORMS: readonly TraceForm[] = ['columns', 'thread', 'none'];

/** a column's width: the table fits about 120 characters, but a column gets at least 40 */
const maxColumn = (columns: number) => Math.max(40, Math.floor(120 / columns) - 3);

function cellText(step: TraceStep): string {
  const top = step.stack[0];
  const where = top ? `${top.fn}:${top.line} ` : '';
  return `${where}${stepText(step)}${step.blocked ? '  SLEEPS' : ''}`;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`;
}

/** the trace as a table: one column per actor, one row per step, notes beneath; blocked steps painted */
export function formatTrace(trace: Trace, paint: Paint = noPaint): string {
  const actors = trace.actors.filter((_, i) => trace.steps.some((s) => s.actor === i));
  const index = new Map(actors.map((a, i) => [trace.actors.indexOf(a), i]));
  const texts = trace.steps.map(cellText);
  const widths = actors.map((a, i) => {
    let w = a.name.length;
    trace.steps.forEach((s, k) => { if (index.get(s.actor) === i) w = Math.max(w, texts[k].length); });
    return Math.min(maxColumn(actors.length), w);
  });
  const row = (cells: string[], painted = -1) =>
    ` ${cells.map((c, i) => (i === painted ? paintPadded(paint.blocked, clip(c, widths[i])) : clip(c, widths[i]))).join(' | ')}`.trimEnd();
  const lines = [row(actors.map((a) => a.name)), `-${widths.map((w) => '-'.repeat(w)).join('-+-')}-`];
  trace.steps.forEach((s, k) => {
    const cells = actors.map(() => '');
    const at = index.get(s.actor)!;
    cells[at] = texts[k];
    lines.push(row(cells, s.blocked ? at : -1));
    const note = s.note === undefined ? '' : s.blocked ? `  ${s.note.replace(/^sleeps: /, '')}` : `  ^ ${s.note}`;
    if (note) lines.push(row(actors.map((_, i) => (i === at ? note : '')), s.blocked ? at : -1));
  });
  return lines.join('\n');
}

export function formatCosts(c: Costs): string {
  const names: Record<string, string> = {
    mmap_sem: 'mmap_sem', pageTableWalks: 'page-table walks', pageLocks: 'page locks', pagesAllocated: 'pages allocated',
    bytesCopied: 'bytes copied', faults: 'faults',
  };
  return Object.entries(c).map(([k, v]) => `${names[k] ?? k} ${v}`).join(', ');
}

export interface FormatOptions {
  trace?: TraceForm;
  paint?: Paint;
  /** print the engine's diagnostics under the headline (off when the caller prints them as a compiler would) */
  diagnostics?: boolean;
}

export function formatResult(r: CheckResult, title?: string, o: FormatOptions = {}): string {
  const paint = o.paint ?? noPaint;
  const out: string[] = [];
  if (title) out.push(title);
  out.push(paintHeadline(paint, r.outcome, r.headline));
  if (o.diagnostics !== false) {
    for (const d of r.diagnostics) if (r.outcome === 'error' || d.severity === 'warning') out.push(`  ${d.source} ${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  }
  for (const e of r.cycle ?? []) out.push(`  cycle: ${e.task} holds ${e.holds}, wants ${e.wants}`);
  if (r.outcome !== 'error') {
    const s = r.stats;
    out.push(`search: ${s.states} states, ${s.transitions} transitions, ${s.millis} ms, ${s.exhaustive ? 'exhaustive' : `not exhaustive (stopped by ${s.stoppedBy ?? 'a budget'})`}`);
  }
  if (r.costs) out.push(`costs (uncontended serial run): ${formatCosts(r.costs)}`);
  if (r.finals) {
    out.push('final states:');
    for (const f of r.finals) out.push(`  ${Object.entries(f.values).map(([k, v]) => `${k}=${v}`).join(' ')}  (${f.count} state${f.count === 1 ? '' : 's'})`);
  }
  const form = o.trace ?? 'columns';
  if (form !== 'none' && r.trace && r.trace.steps.length) {
    const table = form === 'thread' ? formatThread(threadTrace(r.trace, r.cycle), r.trace.actors, paint) : formatTrace(r.trace, paint);
    out.push('', r.verdict === 'ok' ? 'one serial run:' : 'trace:', table);
  }
  return out.join('\n') + '\n';
}
