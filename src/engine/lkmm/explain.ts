// Explanations a reader can check by hand: the cycle that forbids an outcome (each edge spelled
// out through the steps of the relation that contains it, with the base relations po, rf, co, fr
// that hold between its ends) and the events, rf and co of an execution that allows one.
import { describeEvent } from './events.js';
import type { Candidate } from './execution.js';
import type { Judgement, Step } from './model.js';
import type { Rel } from './rel.js';

export interface CycleEdge {
  from: string;
  to: string;
  /** the relation of the axiom this edge belongs to, e.g. `ppo` or `pb` */
  rel: string;
  /** the hops through that relation's steps: `prop`, `strong-fence`…, with base relations */
  via: { step: string; from: string; to: string; base: string[]; ids: [number, number] }[];
  /** the event ids of from and to in the execution (graph.ts draws them) */
  ids: [number, number];
}

export interface Cycle {
  axiom: string;
  edges: CycleEdge[];
}

export interface ExecutionText {
  /** events of each thread in program order, init writes first */
  threads: { thread: number; events: string[] }[];
  rf: [string, string][];
  co: string[][];
}

/** base relations between two events, for labelling */
function baseRelations(x: Candidate, i: number, j: number): string[] {
  const { sk, rf, co } = x;
  const out: string[] = [];
  const same = sk.events[i].thread === sk.events[j].thread && sk.events[i].thread >= 0;
  const sfx = same ? 'i' : 'e';
  if (rf.has(i, j)) out.push(`rf${sfx}`);
  if (co.has(i, j)) out.push(`co${sfx}`);
  if (rf.inv().seq(co).has(i, j)) out.push(`fr${sfx}`);
  if (sk.po.has(i, j)) out.push('po');
  if (sk.addr.has(i, j)) out.push('addr');
  if (sk.data.has(i, j)) out.push('data');
  if (sk.ctrl.has(i, j)) out.push('ctrl');
  return out;
}

/** a path from a to b through steps[0] ; steps[1] ; …, as the events after a */
function through(steps: Step[], a: number, b: number): number[] | null {
  const n = steps[0].rel.n;
  let layer = new Map<number, number[]>([[a, []]]);
  for (const s of steps) {
    const next = new Map<number, number[]>();
    for (const [i, path] of layer) for (let j = 0; j < n; j++) if (s.rel.has(i, j) && !next.has(j)) next.set(j, [...path, j]);
    layer = next;
  }
  return layer.get(b) ?? null;
}

export function explainCycle(x: Candidate, j: Judgement): Cycle | null {
  if (!j.failed || !j.culprit) return null;
  const rel: Rel = j.culprit.rel;
  const events = x.sk.events;
  // an empty-axiom failure is a set of edges; an acyclicity failure is a cycle
  const cyc = rel.cycle();
  const pairs: [number, number][] = cyc ? cyc.map((e, k) => [e, cyc[(k + 1) % cyc.length]]) : rel.edges().slice(0, 1);
  const edges: CycleEdge[] = pairs.map(([a, b]) => {
    for (const part of j.culprit!.parts) {
      const path = through(part.steps, a, b);
      if (!path) continue;
      const via: CycleEdge['via'] = [];
      let at = a;
      path.forEach((to, k) => {
        if (to !== at) via.push({ step: part.steps[k].name, from: describeEvent(events[at]), to: describeEvent(events[to]), base: baseRelations(x, at, to), ids: [at, to] });
        at = to;
      });
      return { from: describeEvent(events[a]), to: describeEvent(events[b]), rel: part.name, via, ids: [a, b] };
    }
    return { from: describeEvent(events[a]), to: describeEvent(events[b]), rel: j.failed!, via: [], ids: [a, b] };
  });
  return { axiom: j.failed, edges };
}

export function describeExecution(x: Candidate): ExecutionText {
  const { sk, rf, co } = x;
  const byThread = new Map<number, string[]>();
  for (const e of sk.events) {
    const l = byThread.get(e.thread) ?? [];
    l.push(describeEvent(e));
    byThread.set(e.thread, l);
  }
  const coChains = [...sk.initOf.values()].map((init) => {
    const loc = sk.events[init].loc;
    const ws = sk.events.filter((e) => e.kind === 'W' && e.loc === loc);
    ws.sort((p, q) => (co.has(p.id, q.id) ? -1 : co.has(q.id, p.id) ? 1 : 0));
    return ws.map(describeEvent);
  }).filter((c) => c.length > 1);
  return {
    threads: [...byThread].map(([thread, events]) => ({ thread, events })),
    rf: rf.edges().map(([w, r]) => [describeEvent(sk.events[w]), describeEvent(sk.events[r])]),
    co: coChains,
  };
}

export function formatCycle(c: Cycle): string[] {
  const out = [`Forbidden by ${c.axiom}: a cycle of ${c.edges.length} edge${c.edges.length === 1 ? '' : 's'}`];
  for (const e of c.edges) {
    out.push(`  ${e.from}  --${e.rel}-->  ${e.to}`);
    if (e.via.length > 1 || (e.via.length === 1 && e.via[0].step !== e.rel)) {
      for (const v of e.via) out.push(`      ${v.step}${v.base.length ? ` [${v.base.join(', ')}]` : ''}: ${v.from} -> ${v.to}`);
    } else if (e.via.length === 1 && e.via[0].base.length) {
      out[out.length - 1] += `   [${e.via[0].base.join(', ')}]`;
    }
  }
  return out;
}

export function formatExecution(x: ExecutionText): string[] {
  const out: string[] = [];
  for (const t of x.threads) out.push(`  ${t.events.join('; ')}`);
  for (const [w, r] of x.rf) out.push(`  rf: ${w} -> ${r}`);
  for (const c of x.co) out.push(`  co: ${c.join(' -> ')}`);
  return out;
}
