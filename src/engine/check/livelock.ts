// Livelock: a reachable state from which no end state (all tasks done, a deadlock, a bug) can
// be reached: whatever the scheduler does, the tasks go round forever without finishing.
// Found by walking the stored edges backwards from the end states.
import type { SearchGraph } from '../explore/index.js';

/** states that cannot reach an end state; empty when none (or when the search was not exhaustive) */
export function stuckStates(g: SearchGraph): Uint8Array | null {
  if (!g.exhaustive) return null;
  const n = g.store.count;
  const canEnd = new Uint8Array(n);
  // reverse adjacency (CSR)
  const indeg = new Int32Array(n + 1);
  for (let s = 0; s < g.expanded; s++) {
    for (let e = g.edgeStart.get(s); e < g.edgeStart.get(s + 1); e++) {
      const to = g.edgeTo.get(e);
      if (to >= 0) indeg[to + 1]++;
      else canEnd[s] = 1; // a bad transition is an end
    }
  }
  for (let i = 0; i < n; i++) indeg[i + 1] += indeg[i];
  const fill = indeg.slice();
  const rev = new Int32Array(indeg[n]);
  for (let s = 0; s < g.expanded; s++) {
    for (let e = g.edgeStart.get(s); e < g.edgeStart.get(s + 1); e++) {
      const to = g.edgeTo.get(e);
      if (to >= 0) rev[fill[to]++] = s;
    }
  }
  const queue: number[] = [];
  for (const s of g.finals) canEnd[s] = 1;
  for (const s of g.deadlocks) canEnd[s] = 1;
  for (let s = 0; s < n; s++) if (canEnd[s]) queue.push(s);
  while (queue.length) {
    const s = queue.pop()!;
    for (let k = indeg[s]; k < indeg[s + 1]; k++) {
      const p = rev[k];
      if (!canEnd[p]) { canEnd[p] = 1; queue.push(p); }
    }
  }
  let any = false;
  const stuck = new Uint8Array(n);
  for (let s = 0; s < n; s++) if (!canEnd[s]) { stuck[s] = 1; any = true; }
  return any ? stuck : null;
}

/** from a stuck state, follow stuck successors until a state repeats: the loop's choices */
export function loopFrom(g: SearchGraph, stuck: Uint8Array, start: number): { choices: number[] } {
  const seen = new Map<number, number>();
  const choices: number[] = [];
  let s = start;
  while (!seen.has(s)) {
    seen.set(s, choices.length);
    let next = -1;
    for (let e = g.edgeStart.get(s); e < g.edgeStart.get(s + 1); e++) {
      const to = g.edgeTo.get(e);
      if (to >= 0 && stuck[to]) { next = e; break; }
    }
    if (next < 0) break;
    choices.push(g.edgeChoice.get(next));
    s = g.edgeTo.get(next);
  }
  return { choices };
}
