// Breadth-first search over distinct states. Each transition is one task's step (from one
// scheduling point to the next) or one internal step of the memory system (a store-buffer
// drain). The search keeps, per state, its parent and the choice that led to it, and every
// edge (for the livelock check and the fewest-context-switch counterexample); bad transitions
// (a bug, an oracle failure) are recorded as edges to "bad" pseudo-states and not expanded.
import type { InternalStep } from '../memory/model.js';
import { pendingArgs, pendingBuiltin, Status, type Machine } from '../kernel/machine.js';
import { taskAt } from '../kernel/layout.js';
import * as LY from '../kernel/layout.js';
import { runTask } from '../kernel/vm.js';
import { IntList } from './growable.js';
import { StateStore } from './visited.js';
// module-local copies: reading an imported binding costs a getter call in some loaders (hot path)
const { T_HDR, T_SP, T_STATUS, TASK_DONE } = LY;
const S_OK = Status.OK, S_BLOCKED = Status.BLOCKED, S_BUG = Status.BUG, S_CORRUPT = Status.CORRUPT, S_BUDGET = Status.BUDGET;

export interface SearchLimits {
  maxStates: number;
  maxMillis: number;
}

/** a transition that ended in a bug, a corruption, or the step budget */
export interface BadTransition { from: number; choice: number; status: Status; message?: string }

export interface SearchGraph {
  store: StateStore;
  parent: IntList; // per state: parent state (-1 for the initial)
  choice: IntList; // per state: the choice that led to it
  edgeStart: IntList; // per expanded state: first edge (length: expanded + 1)
  edgeTo: IntList; // target state, or -(bad index + 1)
  edgeChoice: IntList;
  bad: BadTransition[];
  deadlocks: number[];
  finals: number[];
  expanded: number;
  transitions: number;
  millis: number;
  exhaustive: boolean;
  stoppedBy: null | 'states' | 'time' | 'steps';
}

/** An invariant checked after every transition: a message when violated. */
export type Invariant = (m: Machine, w: Int32Array) => string | null;

/** decode a choice: tasks first, then internal memory steps in the order the model lists them */
export function applyChoice(m: Machine, w: Int32Array, choice: number, steps: InternalStep[]): Status {
  const n = m.layout.nTasks;
  if (choice < n) return runTask(m, w, choice);
  steps.length = 0;
  m.memory.internalSteps(w, m.layout.memBase, m.layout.mem, steps);
  const s = steps[choice - n];
  if (!s) throw new Error(`no internal step ${choice - n}`);
  m.status = S_OK;
  m.memory.applyInternal(w, m.layout.memBase, m.layout.mem, s);
  return S_OK;
}

/** can task t run from state w without sleeping at once? */
export function taskEnabled(m: Machine, w: Int32Array, t: number): boolean {
  if (w[(m.layout.taskBase + t * m.layout.taskWords) + T_STATUS] === TASK_DONE) return false;
  const b = pendingBuiltin(m, w, t);
  if (b < 0) return true;
  const bi = m.builtins[b];
  return !(bi.blocks && bi.blocks(m, w, t, pendingArgs(m, w, t)));
}

export function explore(m: Machine, initial: Int32Array, limits: SearchLimits, invariants: Invariant[]): SearchGraph {
  const S = initial.length;
  const L0 = m.layout;
  const store = new StateStore({
    size: S, taskBase: L0.taskBase, taskWords: L0.taskWords, regions: (S - L0.taskBase) / L0.taskWords, header: T_HDR, spWord: T_SP,
  });
  const g: SearchGraph = {
    store, parent: new IntList(), choice: new IntList(), edgeStart: new IntList(), edgeTo: new IntList(), edgeChoice: new IntList(),
    bad: [], deadlocks: [], finals: [], expanded: 0, transitions: 0, millis: 0, exhaustive: false, stoppedBy: null,
  };
  const t0 = Date.now();
  store.insert(initial);
  g.parent.push(-1);
  g.choice.push(-1);
  const cur = new Int32Array(S);
  const next = new Int32Array(S);
  const steps: InternalStep[] = [];
  const nTasks = m.layout.nTasks;
  const L = m.layout;
  const internal = m.memory.model !== 'sc'; // sequential consistency has no internal steps
  let i = 0;
  outer: for (; i < store.count; i++) {
    if ((i & 1023) === 0 && i > 0 && Date.now() - t0 > limits.maxMillis) { g.stoppedBy = 'time'; break; }
    store.load(i, cur, i > 0);
    g.edgeStart.push(g.edgeTo.length);
    let live = 0;
    let moved = 0;
    for (let t = 0; t < nTasks; t++) {
      if (cur[(L.taskBase + t * L.taskWords) + T_STATUS] === TASK_DONE) continue;
      live++;
      if (!taskEnabled(m, cur, t)) continue;
      next.set(cur);
      const st = runTask(m, next, t);
      if (st === S_BLOCKED) continue;
      moved++;
      g.transitions++;
      if (st !== S_OK) {
        g.bad.push({ from: i, choice: t, status: st });
        g.edgeTo.push(-g.bad.length);
        g.edgeChoice.push(t);
        if (st === S_BUDGET) { g.stoppedBy = 'steps'; i++; break outer; }
        continue;
      }
      let broken = false;
      for (const inv of invariants) {
        const msg = inv(m, next);
        if (msg) { g.bad.push({ from: i, choice: t, status: S_CORRUPT, message: msg }); g.edgeTo.push(-g.bad.length); g.edgeChoice.push(t); broken = true; break; }
      }
      if (broken) continue;
      if (!addState(g, next, i, t)) { i++; break outer; }
    }
    steps.length = 0;
    if (internal) m.memory.internalSteps(cur, L.memBase, L.mem, steps);
    for (let k = 0; k < steps.length; k++) {
      next.set(cur);
      m.memory.applyInternal(next, L.memBase, L.mem, steps[k]);
      moved++;
      g.transitions++;
      if (!addState(g, next, i, nTasks + k)) { i++; break outer; }
    }
    if (live === 0) g.finals.push(i);
    else if (moved === 0) g.deadlocks.push(i);
    if (store.count > limits.maxStates) { g.stoppedBy = 'states'; i++; break; }
  }
  g.expanded = i;
  g.edgeStart.push(g.edgeTo.length);
  g.exhaustive = g.stoppedBy === null && i >= store.count;
  g.millis = Date.now() - t0;
  return g;

  function addState(g: SearchGraph, w: Int32Array, from: number, choice: number): boolean {
    const j = store.insert(w);
    if (j >= 0) {
      g.parent.push(from);
      g.choice.push(choice);
      g.edgeTo.push(j);
    } else g.edgeTo.push(-j - 1);
    g.edgeChoice.push(choice);
    return true;
  }
}
