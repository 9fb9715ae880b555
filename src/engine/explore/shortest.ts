// The counterexample with the fewest context switches, then the fewest steps: a Dijkstra
// search over (state, last task to run) on the stored graph. A context switch is counted when
// a task runs after a different task ran; memory-system steps are not switches.
import type { SearchGraph } from './bfs.js';

/** a target of the search: a state, or a bad pseudo-state (-(index + 1)) */
export interface Path { choices: number[]; switches: number; steps: number }

const SWITCH = 1 << 20;

export function shortestPaths(g: SearchGraph, nTasks: number): { cost: Float64Array; prevNode: Int32Array; prevChoice: Int32Array; badCost: Float64Array; badNode: Int32Array } {
  const A = nTasks + 1; // last task, or "none yet"
  const n = g.store.count;
  const N = n * A;
  const cost = new Float64Array(N).fill(Infinity);
  const prevNode = new Int32Array(N).fill(-1);
  const prevChoice = new Int32Array(N).fill(-1);
  const badCost = new Float64Array(g.bad.length).fill(Infinity);
  const badNode = new Int32Array(g.bad.length).fill(-1);
  const heap = new MinHeap();
  const start = 0 * A + nTasks;
  cost[start] = 0;
  heap.push(0, start);
  while (heap.size > 0) {
    const c = heap.topKey();
    const node = heap.pop();
    if (c > cost[node]) continue;
    const s = (node / A) | 0;
    const last = node % A;
    if (s >= g.expanded) continue;
    const e0 = g.edgeStart.get(s), e1 = g.edgeStart.get(s + 1);
    for (let e = e0; e < e1; e++) {
      const ch = g.edgeChoice.get(e);
      const task = ch < nTasks ? ch : -1;
      const nextLast = task >= 0 ? task : last;
      const nc = c + 1 + (task >= 0 && last !== nTasks && last !== task ? SWITCH : 0);
      const to = g.edgeTo.get(e);
      if (to < 0) {
        const b = -to - 1;
        if (nc < badCost[b]) { badCost[b] = nc; badNode[b] = node; }
        continue;
      }
      const tn = to * A + nextLast;
      if (nc < cost[tn]) {
        cost[tn] = nc;
        prevNode[tn] = node;
        prevChoice[tn] = ch;
        heap.push(nc, tn);
      }
    }
  }
  return { cost, prevNode, prevChoice, badCost, badNode };
}

/** the choices leading to node (state * A + last) */
export function pathTo(prevNode: Int32Array, prevChoice: Int32Array, node: number): number[] {
  const out: number[] = [];
  for (let k = node; prevNode[k] >= 0; k = prevNode[k]) out.push(prevChoice[k]);
  return out.reverse();
}

export const costSwitches = (c: number) => Math.floor(c / SWITCH);
export const costSteps = (c: number) => c % SWITCH;

/** the fewest-steps path by BFS parent links (used when the graph is too large for Dijkstra) */
export function parentPath(g: SearchGraph, state: number): number[] {
  const out: number[] = [];
  for (let s = state; g.parent.get(s) >= 0; s = g.parent.get(s)) out.push(g.choice.get(s));
  return out.reverse();
}

class MinHeap {
  keys: number[] = [];
  vals: number[] = [];
  get size() { return this.keys.length; }
  topKey() { return this.keys[0]; }
  push(k: number, v: number) {
    const ks = this.keys, vs = this.vals;
    let i = ks.length;
    ks.push(k); vs.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ks[p] < k || (ks[p] === k && vs[p] <= v)) break;
      ks[i] = ks[p]; vs[i] = vs[p];
      i = p;
    }
    ks[i] = k; vs[i] = v;
  }
  pop(): number {
    const ks = this.keys, vs = this.vals;
    const top = vs[0];
    const k = ks.pop()!, v = vs.pop()!;
    if (ks.length > 0) {
      let i = 0;
      const n = ks.length;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let s = i;
        let sk = k, sv = v;
        if (l < n && (ks[l] < sk || (ks[l] === sk && vs[l] < sv))) { s = l; sk = ks[l]; sv = vs[l]; }
        if (r < n && (ks[r] < sk || (ks[r] === sk && vs[r] < sv))) { s = r; }
        if (s === i) break;
        ks[i] = ks[s]; vs[i] = vs[s];
        i = s;
      }
      ks[i] = k; vs[i] = v;
    }
    return top;
  }
}
