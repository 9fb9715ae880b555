// Breadth-first search over distinct states. Each transition is one task's step (from one
// scheduling point to the next) or one internal step of the memory system (a store-buffer
// drain). The search keeps, per state, its parent and the choice that led to it, and every
// edge (for the livelock check and the fewest-context-switch counterexample); bad transitions
// (a bug, an oracle failure) are recorded as edges to "bad" pseudo-states and not expanded.
import type { InternalStep } from '../memory/model.js';
import { pendingArgs, pendingBuiltin, Status, type Machine } from '../kernel/machine.js';
import * as LY from '../kernel/layout.js';
import { runTask } from '../kernel/vm.js';
import { IntList } from './growable.js';
import { StepMemo } from './memo.js';
import { hashRange, StateStore, verifyingBlocks } from './visited.js';
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

/** states expanded together before their successors are looked up (see explore) */
const BATCH = 128;
// events of a batch, in the order the one-state-at-a-time search would meet them
const EV_EDGE = 0, EV_BAD = 1;

/**
 * The search runs in batches of up to BATCH states, in three passes. First every state of the
 * batch is expanded: each successor is run and cut into blocks (visited.ts), which needs only
 * small tables that stay in cache. Then the state-table slots of all the successors are read at
 * once (StateStore.touch), so their cache misses overlap instead of coming one after another.
 * Last the successors are inserted, in the order a one-state-at-a-time search would insert
 * them, with the same budget checks at the same places: state numbers, edges, counterexamples
 * and the point where a budget stops the search are exactly those of that simpler search.
 */
export function explore(m: Machine, initial: Int32Array, limits: SearchLimits, invariants: Invariant[]): SearchGraph {
  const S = initial.length;
  const L = m.layout;
  const store = new StateStore({
    size: S, taskBase: L.taskBase, taskWords: L.taskWords, regions: (S - L.taskBase) / L.taskWords, header: T_HDR, spWord: T_SP,
    sharedParts: sharedParts(m),
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
  const nTasks = L.nTasks;
  const internal = m.memory.model !== 'sc'; // sequential consistency has no internal steps
  const B = store.blocks;
  const check = verifyingBlocks();
  // per batch: successors (block numbers and hash), events, and per state where its events
  // start, and whether it had live tasks and moved
  let cap = 1024;
  let cand = new Int32Array(cap * B);
  let candHash = new Int32Array(cap);
  let evKind = new Int32Array(cap), evChoice = new Int32Array(cap), evArg = new Int32Array(cap);
  const evMessage: (string | undefined)[] = [];
  const evStart = new Int32Array(BATCH + 1);
  const stateLive = new Int32Array(BATCH), stateMoved = new Int32Array(BATCH);
  let nc = 0, ne = 0;
  const event = (kind: number, choice: number, arg: number) => {
    if (ne === evKind.length) {
      evKind = grow(evKind); evChoice = grow(evChoice); evArg = grow(evArg);
    }
    evKind[ne] = kind; evChoice[ne] = choice; evArg[ne] = arg;
    ne++;
  };
  const successor = (from: number, task: number, choice: number) => {
    if (nc === cap) { cap *= 2; cand = grow(cand); candHash = grow(candHash); }
    candHash[nc] = store.prepare(next, cur, from, task, cand, nc * B);
    event(EV_EDGE, choice, nc++);
  };

  // Step results by block numbers (memo.ts): a task step's key is [task, its block, the shared
  // blocks], its value [moved (0 blocked, 1 moved), its new block, the new shared blocks]; the
  // internal steps' key is the shared blocks, their value [count, then per step the new shared
  // blocks]. Not used with invariants (they read whole states) nor for steps that went wrong.
  const nShared = store.nShared;
  const memo = invariants.length === 0;
  const taskMemo = new StepMemo(2 + nShared);
  const internalMemo = new StepMemo(nShared);
  const key = new Int32Array(2 + nShared);
  const val = new Int32Array(2 + nShared);
  let ivals = new Int32Array(64);
  /** a successor made from state s's blocks with the shared blocks at vals[v ..] and, for a task step, task t's block */
  const successorFrom = (s: number, t: number, vals: Int32Array, v: number, taskBlock: number, choice: number) => {
    if (nc === cap) { cap *= 2; cand = grow(cand); candHash = grow(candHash); }
    const ids = store.ids;
    const o = nc * B;
    for (let b = 0; b < nShared; b++) cand[o + b] = vals[v + b];
    for (let b = nShared; b < B; b++) cand[o + b] = ids[s * B + b];
    if (t >= 0) cand[o + nShared + t] = taskBlock;
    candHash[nc] = hashRange(cand, o, B);
    event(EV_EDGE, choice, nc++);
  };
  let loadedState = -1; // the state whose vector cur holds
  /** keep a task step's result under key (hash h): blocked, or moved to candidate c */
  const remember = (h: number, movedFlag: number, c: number) => {
    val[0] = movedFlag;
    if (c >= 0) {
      val[1] = cand[c * B + nShared + key[0]];
      for (let b = 0; b < nShared; b++) val[2 + b] = cand[c * B + b];
    }
    if (check) {
      const e = taskMemo.find(key, 0, h);
      if (e >= 0) {
        const v = taskMemo.value(e);
        const n = movedFlag ? 2 + nShared : 1;
        for (let k = 0; k < n; k++) {
          if (taskMemo.vals[v + k] !== val[k]) throw new Error(`task ${m.taskNames[key[0]]} made another move from the same blocks: a step read something outside its key`);
        }
        return;
      }
    }
    taskMemo.add(key, 0, h, val, 0, movedFlag ? 2 + nShared : 1);
  };

  let i = 0;
  outer: while (i < store.count) {
    const end = Math.min(store.count, i + BATCH);
    // 1. expand
    nc = 0; ne = 0;
    let last = end;
    let budgetHit = false;
    for (let s = i; s < end; s++) {
      const x = s - i;
      evStart[x] = ne;
      let loaded = false;
      const load = () => {
        store.load(s, cur, loadedState);
        loadedState = s;
        loaded = true;
      };
      if (memo) for (let b = 0; b < nShared; b++) key[2 + b] = store.ids[s * B + b];
      let dirty = true; // next differs from cur
      let live = 0;
      let moved = 0;
      for (let t = 0; t < nTasks; t++) {
        if (store.taskWord(s, t, T_STATUS) === TASK_DONE) continue;
        live++;
        let h = 0;
        if (memo) {
          key[0] = t;
          key[1] = store.ids[s * B + nShared + t];
          h = hashRange(key, 0, 2 + nShared);
          const e = taskMemo.find(key, 0, h);
          if (e >= 0 && !check) {
            const v = taskMemo.value(e);
            if (taskMemo.vals[v] === 0) continue;
            moved++;
            successorFrom(s, t, taskMemo.vals, v + 2, taskMemo.vals[v + 1], t);
            continue;
          }
        }
        if (!loaded) load();
        if (dirty) next.set(cur);
        m.crossTask = false;
        // a task whose next call would wait does not move, and writes nothing
        const st = runTask(m, next, t);
        if (st === S_BLOCKED) {
          dirty = check && expectUnchanged(next, cur, m.taskNames[t]);
          if (memo && !m.crossTask) remember(h, 0, -1);
          continue;
        }
        dirty = true;
        moved++;
        if (st !== S_OK) {
          if (st === S_BUDGET) budgetHit = true;
          evMessage[ne] = undefined;
          event(EV_BAD, t, st);
          continue;
        }
        let msg: string | null = null;
        for (let k = 0; k < invariants.length && !msg; k++) msg = invariants[k](m, next);
        if (msg) {
          evMessage[ne] = msg;
          event(EV_BAD, t, S_CORRUPT);
          continue;
        }
        successor(s, t, t);
        if (memo && !m.crossTask) remember(h, 1, nc - 1);
      }
      if (internal) {
        let e = -1;
        if (memo) {
          const h = hashRange(key, 2, nShared);
          e = internalMemo.find(key, 2, h);
          if (e >= 0 && check) e = -1;
          if (e < 0) {
            if (!loaded) load();
            steps.length = 0;
            m.memory.internalSteps(cur, L.memBase, L.mem, steps);
            const n = steps.length;
            if (ivals.length < 1 + n * nShared) ivals = new Int32Array(2 * (1 + n * nShared));
            ivals[0] = n;
            for (let k = 0; k < n; k++) {
              if (dirty) next.set(cur);
              dirty = true;
              m.memory.applyInternal(next, L.memBase, L.mem, steps[k]);
              moved++;
              successor(s, nTasks + k, nTasks + k);
              for (let b = 0; b < nShared; b++) ivals[1 + k * nShared + b] = cand[(nc - 1) * B + b];
            }
            internalMemo.add(key, 2, h, ivals, 0, 1 + n * nShared);
          } else {
            const v = internalMemo.value(e);
            const n = internalMemo.vals[v];
            for (let k = 0; k < n; k++) {
              moved++;
              successorFrom(s, -1, internalMemo.vals, v + 1 + k * nShared, 0, nTasks + k);
            }
          }
        } else {
          if (!loaded) load();
          steps.length = 0;
          m.memory.internalSteps(cur, L.memBase, L.mem, steps);
          for (let k = 0; k < steps.length; k++) {
            if (dirty) next.set(cur);
            dirty = true;
            m.memory.applyInternal(next, L.memBase, L.mem, steps[k]);
            moved++;
            successor(s, nTasks + k, nTasks + k);
          }
        }
      }
      stateLive[x] = live;
      stateMoved[x] = moved;
      // a step budget ends the search at this state: expand no further (each costs the budget)
      if (budgetHit) { last = s + 1; break; }
    }
    evStart[last - i] = ne;
    // 2. read the table slots of all successors at once
    store.touch(candHash, nc);
    // 3. insert, one state at a time
    for (let s = i; s < last; s++) {
      if ((s & 1023) === 0 && s > 0 && Date.now() - t0 > limits.maxMillis) { g.stoppedBy = 'time'; i = s; break outer; }
      const x = s - i;
      g.edgeStart.push(g.edgeTo.length);
      for (let e = evStart[x]; e < evStart[x + 1]; e++) {
        g.transitions++;
        const choice = evChoice[e];
        if (evKind[e] === EV_BAD) {
          const status = evArg[e] as Status;
          const message = evMessage[e];
          g.bad.push(message === undefined ? { from: s, choice, status } : { from: s, choice, status, message });
          g.edgeTo.push(-g.bad.length);
          g.edgeChoice.push(choice);
          if (status === S_BUDGET) { g.stoppedBy = 'steps'; i = s + 1; break outer; }
          continue;
        }
        const c = evArg[e];
        const j = store.insertPrepared(cand, c * B, candHash[c]);
        if (j >= 0) {
          g.parent.push(s);
          g.choice.push(choice);
          g.edgeTo.push(j);
        } else g.edgeTo.push(-j - 1);
        g.edgeChoice.push(choice);
      }
      if (stateLive[x] === 0) g.finals.push(s);
      else if (stateMoved[x] === 0) g.deadlocks.push(s);
      if (store.count > limits.maxStates) { g.stoppedBy = 'states'; i = s + 1; break outer; }
    }
    i = last;
  }
  g.expanded = i;
  g.edgeStart.push(g.edgeTo.length);
  g.exhaustive = g.stoppedBy === null && i >= store.count;
  g.millis = Date.now() - t0;
  return g;
}

/** where the parts of a world below the tasks start: the memory system's, each page, file, mm, and the VMAs and locks */
export function sharedParts(m: Machine): number[] {
  const L = m.layout;
  return [
    ...m.memory.parts(L.mem).map((x) => L.memBase + x),
    ...Array.from({ length: L.nPages }, (_, p) => L.pageBase + p * L.pageWords),
    ...L.files.map((f) => f.base), ...L.mms.map((mm) => mm.base), L.vmaBase, L.lockBase,
  ];
}

/** a step that did not move must leave the world as it was (tests check it; see setVerifyBlocks) */
function expectUnchanged(next: Int32Array, cur: Int32Array, task: string): false {
  for (let k = 0; k < cur.length; k++) {
    if (next[k] !== cur[k]) throw new Error(`a blocked step of ${task} wrote word ${k}`);
  }
  return false;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
