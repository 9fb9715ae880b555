// Text renderings of results for terminals: the trace as columns, one per task, like the
// ASCII tables of the mailing-list threads, and the figures.
import type { CheckResult, Costs, Trace, TraceStep } from '../api.js';

/** a column's width: the table fits about 120 characters, but a column gets at least 40 */
const maxColumn = (columns: number) => Math.max(40, Math.floor(120 / columns) - 3);

function cellText(step: TraceStep): string {
  const top = step.stack[0];
  const where = top ? `${top.fn}:${top.line} ` : '';
  let s = `${where}${step.op}(${step.args.join(', ')})`;
  if (step.result !== undefined && step.result !== '0' || (step.result === '0' && !/^(lock|unlock|down|up|mutex)/.test(step.op))) {
    if (step.result !== undefined) s += ` = ${step.result}`;
  }
  if (step.blocked) s += '  SLEEPS';
  return s;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`;
}

/** the trace as a table: one column per actor, one row per step, notes beneath */
export function formatTrace(trace: Trace): string {
  const actors = trace.actors.filter((_, i) => trace.steps.some((s) => s.actor === i));
  const index = new Map(actors.map((a, i) => [trace.actors.indexOf(a), i]));
  const texts = trace.steps.map(cellText);
  const widths = actors.map((a, i) => {
    let w = a.name.length;
    trace.steps.forEach((s, k) => { if (index.get(s.actor) === i) w = Math.max(w, texts[k].length); });
    return Math.min(maxColumn(actors.length), w);
  });
  const row = (cells: string[]) => ` ${cells.map((c, i) => clip(c, widths[i])).join(' | ')}`.trimEnd();
  const lines = [row(actors.map((a) => a.name)), `-${widths.map((w) => '-'.repeat(w)).join('-+-')}-`];
  trace.steps.forEach((s, k) => {
    const cells = actors.map(() => '');
    cells[index.get(s.actor)!] = texts[k];
    lines.push(row(cells));
    const note = s.note === undefined ? '' : s.blocked ? `  ${s.note.replace(/^sleeps: /, '')}` : `  ^ ${s.note}`;
    if (note) lines.push(row(actors.map((_, i) => (i === index.get(s.actor) ? note : ''))));
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

export function formatResult(r: CheckResult, title?: string): string {
  const out: string[] = [];
  if (title) out.push(title);
  out.push(r.headline);
  for (const d of r.diagnostics) if (r.outcome === 'error' || d.severity === 'warning') out.push(`  ${d.source} ${d.line}:${d.column}: ${d.severity}: ${d.message}`);
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
  if (r.trace && r.trace.steps.length) {
    out.push('', r.verdict === 'ok' ? 'one serial run:' : 'trace:', formatTrace(r.trace));
  }
  return out.join('\n') + '\n';
}
