// The counterexample with the fewest context switches, then the fewest steps: a shortest-path
// search over (state, last task to run) on the stored graph. A context switch is counted when
// a task runs after a different task ran; memory-system steps are not switches.
import type { SearchGraph } from './graph.js';

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
  // Costs are (switches, steps) in lexicographic order and every edge adds one step and zero or
  // one switch, so a bucket queue replaces a heap: one layer per switch count, one bucket per
  // step count within it (a node is final the first time it is popped).
  let layer: number[][] = [[0 * A + nTasks]];
  cost[nTasks] = 0;
  for (let sw = 0; layer.length; sw++) {
    const next: number[][] = [];
    for (let steps = 0; steps < layer.length; steps++) {
      const bucket = layer[steps];
      if (!bucket) continue;
      for (let q = 0; q < bucket.length; q++) {
        const node = bucket[q];
        const c = sw * SWITCH + steps;
        if (cost[node] !== c) continue; // reached more cheaply since
        const s = (node / A) | 0;
        const last = node % A;
        if (s >= g.expanded) continue;
        const e0 = g.edgeStart.get(s), e1 = g.edgeStart.get(s + 1);
        for (let e = e0; e < e1; e++) {
          const ch = g.edgeChoice.get(e);
          const task = ch < nTasks ? ch : -1;
          const switched = task >= 0 && last !== nTasks && last !== task;
          const nc = c + 1 + (switched ? SWITCH : 0);
          const to = g.edgeTo.get(e);
          if (to < 0) {
            const b = -to - 1;
            if (nc < badCost[b]) { badCost[b] = nc; badNode[b] = node; }
            continue;
          }
          const tn = to * A + (task >= 0 ? task : last);
          if (nc < cost[tn]) {
            cost[tn] = nc;
            prevNode[tn] = node;
            prevChoice[tn] = ch;
            const target = switched ? next : layer;
            (target[steps + 1] ??= []).push(tn);
          }
        }
      }
    }
    layer = next;
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
