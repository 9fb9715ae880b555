// Breadth-first search over distinct states. Each transition is one task's step (from one
// scheduling point to the next) or one internal step of the memory system (a store-buffer
// drain). The search keeps, per state, its parent and the choice that led to it, and every
// edge (for the livelock check and the fewest-context-switch counterexample); bad transitions
// (a bug, an oracle failure) are recorded as edges to "bad" pseudo-states and not expanded.
import type { InternalStep } from '../memory/model.js';
import { Status, type Machine } from '../kernel/machine.js';
import * as LY from '../kernel/layout.js';
import { runTask } from '../kernel/vm.js';
import { PROGRESS_EVERY, searchBytes, type Invariant, type SearchGraph, type SearchLimits } from './graph.js';
import { IntList } from './growable.js';
import { sharedParts } from './machine.js';
import { MEMO_WORDS, MOVES, NoStepCache, StepTables, UNKNOWN, WAITS, type StepCache } from './memo.js';
import { hashRange, StateStore, verifyingBlocks } from './visited.js';
// module-local copies: reading an imported binding costs a getter call in some loaders (hot path)
const { T_HDR, T_SP, T_STATUS, TASK_DONE } = LY;
const S_OK = Status.OK, S_BLOCKED = Status.BLOCKED, S_CORRUPT = Status.CORRUPT, S_BUDGET = Status.BUDGET;

/** how many expanded states between two looks at the clock and at the search's memory */
const CHECK_EVERY = 1024;

/** states expanded together before their successors are looked up (see explore) */
const BATCH = 128;
// events of a batch, in the order the one-state-at-a-time search would meet them
const EV_EDGE = 0, EV_BAD = 1;

/**
 * The search of reference.ts, faster. It runs in batches of up to BATCH states, in three passes.
 * First every state of the batch is expanded: each successor is run and cut into blocks
 * (visited.ts), which needs only small tables that stay in cache; a step whose inputs (in block
 * numbers) were seen before is not run again, its successor is built from the move the step
 * cache kept then (memo.ts). Then the state-table slots of all the successors are read at once
 * (StateStore.touch), so their cache misses overlap instead of coming one after another. Last
 * the successors are inserted, in the order the plain search inserts them, with the same budget
 * checks at the same places: state numbers, edges, finals, deadlocks, counterexamples and the
 * point where a budget stops the search are exactly those of reference.ts.
 */
export function explore(m: Machine, initial: Int32Array, limits: SearchLimits, invariants: Invariant[]): SearchGraph {
  const S = initial.length;
  const L = m.layout;
  const expected = Math.min(limits.maxStates, 1 << 22); // states the budget allows: the store and the per-state lists grow to it once large
  const store = new StateStore({
    size: S, taskBase: L.taskBase, taskWords: L.taskWords, regions: (S - L.taskBase) / L.taskWords, header: T_HDR, spWord: T_SP,
    sharedParts: sharedParts(m),
  }, undefined, expected);
  const g: SearchGraph = {
    store, parent: new IntList(1024, expected), choice: new IntList(1024, expected), edgeStart: new IntList(1024, expected),
    edgeTo: new IntList(), edgeChoice: new IntList(),
    bad: [], deadlocks: [], finals: [], expanded: 0, transitions: 0, millis: 0, exhaustive: false, stoppedBy: null, bytes: 0,
  };
  const t0 = Date.now();
  store.insert(initial);
  g.parent.push(-1);
  g.choice.push(-1);
  const cur = new Int32Array(S);
  const next = new Int32Array(S);
  const steps: InternalStep[] = [];
  const nTasks = L.nTasks;
  const cpus = m.memory.model === 'sc' ? 0 : L.mem.cpus; // sequential consistency has no internal steps
  const B = store.blocks;
  const nShared = store.nShared;
  // invariants read whole states, so with them every step runs
  const cache: StepCache = invariants.length === 0 ? new StepTables(m, store, limits.memoWords ?? MEMO_WORDS, verifyingBlocks()) : new NoStepCache();
  // whether the last step read or wrote another CPU's part (a model that cannot say: always)
  const touchedOtherCpus = m.memory.touchedOtherCpus ? m.memory.touchedOtherCpus.bind(m.memory) : () => true;
  const maxTransitions = limits.maxTransitions ?? Infinity;
  const maxBytes = limits.maxBytes ?? Infinity;
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
  /** a successor from the vector in next; task: the task that stepped, or -1 for a memory step */
  const successor = (from: number, task: number, choice: number) => {
    if (nc === cap) { cap *= 2; cand = grow(cand); candHash = grow(candHash); }
    candHash[nc] = store.prepare(next, cur, from, task, cand, nc * B);
    event(EV_EDGE, choice, nc++);
  };
  /**
   * a successor made from state s's blocks and the cache's answer: shared blocks cache.which (all
   * when null) take the numbers at cache.vals[v ..], and for a task step task t's block becomes cache.block
   */
  const successorFrom = (s: number, t: number, v: number, choice: number) => {
    if (nc === cap) { cap *= 2; cand = grow(cand); candHash = grow(candHash); }
    const ids = store.ids, vals = cache.vals, which = cache.which;
    const o = nc * B;
    for (let b = 0; b < B; b++) cand[o + b] = ids[s * B + b];
    if (which === null) for (let b = 0; b < nShared; b++) cand[o + b] = vals[v + b];
    else for (let j = 0; j < which.length; j++) cand[o + which[j]] = vals[v + j];
    if (t >= 0) cand[o + nShared + t] = cache.block;
    candHash[nc] = hashRange(cand, o, B);
    event(EV_EDGE, choice, nc++);
  };
  let loadedState = -1; // the state whose vector cur holds
  /** unpack state s into cur, once (only a step that is not looked up needs it) */
  const load = (s: number) => {
    if (loadedState === s) return;
    store.load(s, cur, loadedState);
    loadedState = s;
  };

  let i = 0;
  outer: while (i < store.count) {
    const end = Math.min(store.count, i + BATCH);
    // 1. expand: a state's successors are each unfinished task's step, then each memory step
    nc = 0; ne = 0;
    let last = end;
    let budgetHit = false;
    for (let s = i; s < end; s++) {
      const x = s - i;
      evStart[x] = ne;
      let live = 0;
      let moved = 0;
      for (let t = 0; t < nTasks; t++) {
        if (store.taskWord(s, t, T_STATUS) === TASK_DONE) continue;
        live++;
        const known = cache.task(s, t);
        if (known === WAITS) continue;
        if (known === MOVES) { moved++; successorFrom(s, t, cache.at, t); continue; }
        load(s);
        next.set(cur);
        m.crossTask = false;
        touchedOtherCpus();
        const st = runTask(m, next, t);
        if (st === S_BLOCKED) {
          // a task whose next call would wait does not move; what the attempt wrote (a release
          // marks the newest buffered store before its store finds the buffer full) is dropped:
          // every step starts from a fresh copy of the state
          if (!m.crossTask) cache.keepTask(s, t, cand, -1, touchedOtherCpus());
          continue;
        }
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
        if (!m.crossTask) cache.keepTask(s, t, cand, nc - 1, touchedOtherCpus());
      }
      // memory steps, per CPU: choices number the steps of CPU 0 first, then CPU 1's…
      let k0 = nTasks;
      for (let c = 0; c < cpus; c++) {
        const n = cache.cpu(s, c);
        if (n !== UNKNOWN) {
          const width = cache.which!.length;
          for (let k = 0; k < n; k++) successorFrom(s, -1, cache.at + k * width, k0 + k);
          moved += n;
          k0 += n;
          continue;
        }
        load(s);
        steps.length = 0;
        touchedOtherCpus();
        m.memory.internalStepsOf(cur, L.memBase, L.mem, c, steps);
        const first = nc;
        for (let k = 0; k < steps.length; k++) {
          next.set(cur);
          m.memory.applyInternal(next, L.memBase, L.mem, steps[k]);
          successor(s, -1, k0 + k);
        }
        cache.keepCpu(s, c, cand, first, steps.length, touchedOtherCpus());
        moved += steps.length;
        k0 += steps.length;
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
      if (s % CHECK_EVERY === 0 && s > 0) {
        // counted, so every machine stops at the same state
        if (maxBytes < Infinity && searchBytes(g, cache.words()) > maxBytes) { g.stoppedBy = 'bytes'; i = s; break outer; }
        if (Date.now() - t0 > limits.maxMillis) { g.stoppedBy = 'time'; i = s; break outer; }
      }
      if (limits.onProgress && s % PROGRESS_EVERY === 0 && s > 0) limits.onProgress({ states: store.count, transitions: g.transitions });
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
      // final: every task has finished
      if (stateLive[x] === 0) g.finals.push(s);
      // deadlock: some task has not finished, and nothing (no task, no memory step, no bad step) can move
      else if (stateMoved[x] === 0) g.deadlocks.push(s);
      if (store.count > limits.maxStates) { g.stoppedBy = 'states'; i = s + 1; break outer; }
      if (g.transitions > maxTransitions) { g.stoppedBy = 'transitions'; i = s + 1; break outer; }
    }
    i = last;
  }
  cache.release();
  g.expanded = i;
  g.edgeStart.push(g.edgeTo.length);
  g.exhaustive = g.stoppedBy === null && i >= store.count;
  g.millis = Date.now() - t0;
  g.bytes = searchBytes(g, cache.words());
  return g;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
