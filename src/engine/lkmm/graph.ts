// One candidate execution as a graph a reader can draw: its events (init writes as thread -1,
// fences included so a barrier's place shows) with ids, and the base relations between them. po
// and co are drawn between neighbours only (their transitive edges add nothing a reader cannot
// follow), and fr from each read to the write co-next after the one it read from (the others
// follow by co).
import type { Candidate } from './execution.js';
import { describeEvent } from './events.js';

export interface GraphEvent {
  id: number;
  /** P<n>'s n; -1 for the initial writes */
  thread: number;
  /** the event without its thread: `W[Once] x=1`, `Mb` */
  label: string;
}

export interface GraphEdge {
  from: number;
  to: number;
  rel: 'po' | 'rf' | 'co' | 'fr';
}

export interface ExecutionGraph {
  events: GraphEvent[];
  edges: GraphEdge[];
}

export function executionGraph(x: Candidate): ExecutionGraph {
  const { sk, rf, co } = x;
  const events = sk.events.map((e) => ({ id: e.id, thread: e.thread, label: describeEvent(e).replace(/^[^:]*:/, '') }));
  const edges: GraphEdge[] = [];
  const byThread = new Map<number, number[]>();
  for (const e of sk.events) if (e.thread >= 0) byThread.set(e.thread, [...(byThread.get(e.thread) ?? []), e.id]);
  for (const ids of byThread.values()) {
    // events are created in program order, so neighbours in a thread's list are po-neighbours
    for (let k = 1; k < ids.length; k++) if (sk.po.has(ids[k - 1], ids[k])) edges.push({ from: ids[k - 1], to: ids[k], rel: 'po' });
  }
  const coNext = (w: number): number | null => {
    const later = sk.events.filter((e) => co.has(w, e.id)).map((e) => e.id);
    return later.find((a) => !later.some((b) => co.has(b, a))) ?? null;
  };
  for (const [w, r] of rf.edges()) {
    edges.push({ from: w, to: r, rel: 'rf' });
    const next = coNext(w);
    if (next !== null && next !== r) edges.push({ from: r, to: next, rel: 'fr' });
  }
  for (const e of sk.events) {
    if (e.kind !== 'W') continue;
    const next = coNext(e.id);
    if (next !== null) edges.push({ from: e.id, to: next, rel: 'co' });
  }
  return { events, edges };
}
