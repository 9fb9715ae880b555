// A trace in the compact form the mailing-list threads used (Nick Piggin's "2,6;b,f"):
// the code each task ran is listed as a numbered call tree (the first code path 1, 2, 3…, the
// second a, b, c…, the third A, B, C…; tasks running the same entry share a numbering), the
// interleaving is a `CPU0 | CPU1` table of those numbers, and the schedule is one line of them,
// a `;` at each context switch. A deadlock adds, per task of the cycle, where it took what it
// holds and where it sleeps: "7,14;b,o". Everything here is read off the engine's trace.
import type { Actor, Trace, TraceStep, WaitEdge, WorldSnapshot } from '../api.js';
import { paintPadded } from './colour.js';

export interface ThreadLine { label: string; depth: number; text: string }
export interface ThreadPath { tasks: string[]; lines: ThreadLine[] }
export interface ThreadRow { actor: number; label: string; text: string; blocked: boolean; note?: string }

export interface ThreadTrace {
  /** one numbered call tree per code path, in order of first appearance */
  paths: ThreadPath[];
  /** one row per step, in the order the steps ran */
  rows: ThreadRow[];
  /** the step labels, runs of one actor joined by `,`, context switches by `;` */
  schedule: string;
  /** for a deadlock, per task of the cycle: where it took what it holds, and where it sleeps */
  deadlock?: string;
}

/** labels of the k-th code path: 1, 2, 3… then a, b, c… then A, B, C… then p4.1, p4.2… */
function labeller(path: number): (i: number) => string {
  const letters = (i: number, base: number) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(base + ((n - 1) % 26)) + s;
    return s;
  };
  if (path === 0) return (i) => String(i + 1);
  if (path === 1) return (i) => letters(i, 97);
  if (path === 2) return (i) => letters(i, 65);
  return (i) => `p${path + 1}.${i + 1}`;
}

/** the call tree a step sits in: function frames outermost first, then the step itself */
function chain(step: TraceStep): { key: string; text: string }[] {
  const frames = [...step.stack].reverse();
  const out: { key: string; text: string }[] = [];
  let key = '';
  frames.forEach((f, i) => {
    key += i === 0 ? f.fn : `>${frames[i - 1].line}:${f.fn}`;
    out.push({ key, text: f.fn });
  });
  const at = frames.length ? `@${frames[frames.length - 1].line}:` : '@';
  out.push({ key: `${key}${at}${step.op}`, text: step.op });
  return out;
}

/** what an actor holds in a world: page locks it owns, sleeping locks it holds */
function holdings(w: WorldSnapshot, name: string): Set<string> {
  const s = new Set<string>();
  for (const p of w.pages) if (p.lockOwner === name) s.add(`page ${p.name}`);
  for (const l of w.locks) if (l.holders.includes(name)) s.add(`lock ${l.name}`);
  return s;
}

/** what an actor sleeps on in a world */
function waitsOn(w: WorldSnapshot, name: string): Set<string> {
  const s = new Set<string>();
  for (const p of w.pages) if (p.waiters.includes(name)) s.add(`page ${p.name}`);
  for (const l of w.locks) if (l.waiters.includes(name)) s.add(`lock ${l.name}`);
  return s;
}

/** consecutive labels of one path as ranges: 6,7,8 -> 6-8 */
function runText(indices: number[], label: (i: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length; i++) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    parts.push(j > i + 1 ? `${label(indices[i])}-${label(indices[j])}` : j === i + 1 ? `${label(indices[i])},${label(indices[j])}` : label(indices[i]));
    i = j;
  }
  return parts.join(',');
}

export function threadTrace(trace: Trace, cycle?: WaitEdge[]): ThreadTrace {
  // code paths: one per entry function; their nodes numbered in order of first appearance
  const pathOf = new Map<number, number>();
  const entries: string[] = [];
  const nodes: { key: string; depth: number; text: string }[][] = [];
  const index: Map<string, number>[] = [];
  const stepNode: number[] = [];
  trace.steps.forEach((s, k) => {
    if (!s.stack.length) { stepNode[k] = -1; return; }
    let p = pathOf.get(s.actor);
    if (p === undefined) {
      const entry = s.stack[s.stack.length - 1].fn;
      p = entries.indexOf(entry);
      if (p < 0) { p = entries.push(entry) - 1; nodes.push([]); index.push(new Map()); }
      pathOf.set(s.actor, p);
    }
    chain(s).forEach((n, depth) => {
      if (!index[p!].has(n.key)) { index[p!].set(n.key, nodes[p!].length); nodes[p!].push({ key: n.key, depth, text: n.text }); }
    });
    stepNode[k] = index[p].get(chain(s).pop()!.key)!;
  });
  const labels = nodes.map((_, p) => labeller(p));
  const labelOf = (k: number) => {
    const p = pathOf.get(trace.steps[k].actor);
    return p === undefined || stepNode[k] < 0 ? '' : labels[p](stepNode[k]);
  };

  const paths: ThreadPath[] = nodes.map((ns, p) => ({
    tasks: trace.actors.filter((_, a) => pathOf.get(a) === p).map((a) => a.name),
    lines: ns.map((n, i) => ({ label: labels[p](i), depth: n.depth, text: n.text })),
  }));
  const rows: ThreadRow[] = trace.steps.map((s, k) => ({
    actor: s.actor, label: labelOf(k), text: stepText(s), blocked: s.blocked === true,
    ...(s.note !== undefined ? { note: s.note.replace(/^sleeps: /, '') } : {}),
  }));

  // the schedule: runs of one actor
  const runs: string[] = [];
  for (let k = 0; k < trace.steps.length;) {
    const a = trace.steps[k].actor;
    const idx: number[] = [];
    const loose: string[] = [];
    for (; k < trace.steps.length && trace.steps[k].actor === a; k++) {
      if (stepNode[k] >= 0) idx.push(stepNode[k]);
      else loose.push(trace.steps[k].op);
    }
    const p = pathOf.get(a);
    runs.push(p === undefined ? `${trace.actors[a].name}: ${loose.join(',')}` : runText(idx, labels[p]));
  }
  const out: ThreadTrace = { paths, rows, schedule: runs.join(';') };
  if (cycle?.length) out.deadlock = deadlockNotation(trace, cycle, labelOf);
  return out;
}

/**
 * Per task of the cycle: the step after which it first held (for the last time) something another
 * task of the cycle, or itself, sleeps on at the end; then its last step, where it sleeps.
 */
function deadlockNotation(trace: Trace, cycle: WaitEdge[], labelOf: (k: number) => string): string {
  const last = trace.steps.length ? trace.steps[trace.steps.length - 1].world : trace.initial;
  const inCycle = cycle.map((e) => e.task);
  const wanted = new Set(inCycle.flatMap((t) => [...waitsOn(last, t)]));
  return cycle.map((e) => {
    const a = trace.actors.findIndex((x: Actor) => x.name === e.task);
    const mine = trace.steps.map((s, k) => (s.actor === a ? k : -1)).filter((k) => k >= 0);
    const sleeps = mine[mine.length - 1];
    const held = [...holdings(last, e.task)].filter((h) => wanted.has(h));
    let took = -1;
    for (const k of mine) {
      const before = k === 0 ? trace.initial : trace.steps[k - 1].world;
      const gained = holdings(trace.steps[k].world, e.task);
      const had = holdings(before, e.task);
      if (held.some((h) => gained.has(h) && !had.has(h))) took = k;
    }
    return [took, sleeps].filter((k) => k !== undefined && k >= 0).map(labelOf).join(',');
  }).join(';');
}

/** a step as it reads in a cell: op(args) and its result when it says something */
export function stepText(step: TraceStep): string {
  let s = `${step.op}(${step.args.join(', ')})`;
  // a lock that returns 0 only says it succeeded: leave the result off
  const silent = step.result === '0' && /^(lock|unlock|down|up|mutex)/.test(step.op);
  if (step.result !== undefined && !silent) s += ` = ${step.result}`;
  return s;
}

/** how a column is headed: `CPU0 writer`, `device dma`, `CPU1 store buffer` */
function header(a: Actor): string {
  if (a.kind === 'device') return `device ${a.name}`;
  if (a.kind === 'buffer') return `CPU${a.cpu} store buffer`;
  return `CPU${a.cpu} ${a.name}`;
}

/** the thread form as text: the numbered code, the CPU table, the schedule and the deadlock */
export function formatThread(t: ThreadTrace, actors: Actor[], paint: { blocked: (s: string) => string } = { blocked: (s) => s }): string {
  const out: string[] = [];
  for (const p of t.paths) {
    const w = Math.max(...p.lines.map((l) => l.label.length));
    out.push(`${p.tasks.join(', ')}:`);
    for (const l of p.lines) out.push(`  ${l.label.padStart(w)}  ${'  '.repeat(l.depth)}${l.text}`);
  }
  const used = actors.map((_, a) => a).filter((a) => t.rows.some((r) => r.actor === a));
  const col = new Map(used.map((a, i) => [a, i]));
  const labelWidth = new Map<number, number>();
  t.rows.forEach((r) => labelWidth.set(r.actor, Math.max(labelWidth.get(r.actor) ?? 0, r.label.length)));
  const cells = t.rows.map((r) => `${r.label ? `${r.label.padEnd(labelWidth.get(r.actor)!)} ` : ''}${r.text}${r.blocked ? '  SLEEPS' : ''}`);
  const limit = Math.max(28, Math.floor(120 / Math.max(1, used.length)) - 3);
  const widths = used.map((a) => Math.min(limit, Math.max(header(actors[a]).length,
    ...t.rows.map((r, k) => (r.actor === a ? Math.max(cells[k].length, r.note ? r.note.length + 2 : 0) : 0)))));
  const fit = (s: string, n: number) => (s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`);
  const line = (texts: string[], painted: (i: number, s: string) => string = (_, s) => s) =>
    texts.map((s, i) => painted(i, fit(s, widths[i]))).join(' | ').trimEnd();
  out.push('', line(used.map((a) => header(actors[a]))), line(used.map(() => '')));
  t.rows.forEach((r, k) => {
    const row = used.map((a) => (a === r.actor ? cells[k] : ''));
    const mark = (i: number, s: string) => (r.blocked && i === col.get(r.actor) ? paintPadded(paint.blocked, s) : s);
    out.push(line(row, mark));
    if (r.note) out.push(line(used.map((a) => (a === r.actor ? `  ${r.note}` : '')), mark));
  });
  out.push('', `schedule: ${t.schedule}`);
  if (t.deadlock) out.push(`deadlock: ${t.deadlock}`);
  return out.join('\n');
}
