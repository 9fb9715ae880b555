// The search as its specification: breadth-first over whole state vectors, one state at a time,
// a Map from a state's words to its number. explore() in bfs.ts finds the same states in the same
// order with the same edges, finals and deadlocks, only faster (batches, blocks, step tables);
// reference.test.ts holds it to that on every registered scenario under every memory model.
import { Status, type Machine } from '../kernel/machine.js';
import { T_STATUS, TASK_DONE } from '../kernel/layout.js';
import { runTask } from '../kernel/vm.js';
import type { InternalStep } from '../memory/model.js';
import type { Invariant } from './graph.js';

/** an edge: from a state, by a choice (a task, or nTasks + k for the k-th memory step), to a state or to a bad end */
export interface ReferenceEdge { from: number; choice: number; to: number | 'bad'; status?: Status; message?: string }

export interface ReferenceSearch {
  states: Int32Array[];
  /** per state: the state it was first reached from (-1 for the initial) */
  parent: number[];
  edges: ReferenceEdge[];
  finals: number[];
  deadlocks: number[];
  /** states whose successors were looked at, in order (all of them unless maxStates stopped the search) */
  expanded: number;
}

/**
 * Every state reachable from `initial`, stopping after the state whose successors push the
 * number of states past maxStates (the same place as explore()).
 */
export function referenceSearch(m: Machine, initial: Int32Array, invariants: Invariant[], maxStates: number): ReferenceSearch {
  const index = new Map<string, number>();
  const out: ReferenceSearch = { states: [], parent: [], edges: [], finals: [], deadlocks: [], expanded: 0 };
  const add = (w: Int32Array, from: number): number => {
    const key = w.join(',');
    const known = index.get(key);
    if (known !== undefined) return known;
    index.set(key, out.states.length);
    out.states.push(w.slice());
    out.parent.push(from);
    return out.states.length - 1;
  };
  add(initial, -1);
  const L = m.layout;
  const steps: InternalStep[] = [];
  for (let s = 0; s < out.states.length; s++) {
    const cur = out.states[s];
    let live = 0;
    let moves = 0;
    // a step's successors: each unfinished task runs from s to its next scheduling point...
    for (let t = 0; t < L.nTasks; t++) {
      if (cur[L.taskBase + t * L.taskWords + T_STATUS] === TASK_DONE) continue;
      live++;
      const next = cur.slice();
      const status = runTask(m, next, t);
      // a task whose next call would wait makes no move (whatever the attempt wrote is dropped)
      if (status === Status.BLOCKED) continue;
      moves++;
      // a step that went wrong (a bug, a corruption, the step budget) ends at a bad end, not expanded
      if (status !== Status.OK) { out.edges.push({ from: s, choice: t, to: 'bad', status }); continue; }
      const message = invariants.map((inv) => inv(m, next)).find((x) => x !== null);
      if (message) { out.edges.push({ from: s, choice: t, to: 'bad', status: Status.CORRUPT, message }); continue; }
      out.edges.push({ from: s, choice: t, to: add(next, s) });
    }
    // ...and each internal step of the memory system (a drain, an invalidation) is one more successor
    steps.length = 0;
    m.memory.internalSteps(cur, L.memBase, L.mem, steps);
    steps.forEach((step, k) => {
      const next = cur.slice();
      m.memory.applyInternal(next, L.memBase, L.mem, step);
      moves++;
      out.edges.push({ from: s, choice: L.nTasks + k, to: add(next, s) });
    });
    out.expanded = s + 1;
    // final: every task has finished
    if (live === 0) out.finals.push(s);
    // deadlock: some task has not finished, and nothing (no task, no memory step) can move
    else if (moves === 0) out.deadlocks.push(s);
    if (out.states.length > maxStates) break;
  }
  return out;
}
