// Breadth-first search over distinct states. Each transition is one task's step (from one
// scheduling point to the next) or one internal step of the memory system (a store-buffer
// drain). The search keeps, per state, its parent and the choice that led to it, and every
// edge (for the livelock check and the fewest-context-switch counterexample); bad transitions
// (a bug, an oracle failure) are recorded as edges to "bad" pseudo-states and not expanded.
import type { InternalStep } from '../memory/model.js';
import { inAtomic } from '../kernel/context.js';
import { pendingArgs, pendingBuiltin, Status, type Machine } from '../kernel/machine.js';
import * as LY from '../kernel/layout.js';
import { runTask } from '../kernel/vm.js';
import { IntList } from './growable.js';
import { touch } from '../memory/touch.js';
import { MEMO_WORDS, StepMemo } from './memo.js';
import { hashRange, StateStore, verifyingBlocks } from './visited.js';
// module-local copies: reading an imported binding costs a getter call in some loaders (hot path)
const { T_HDR, T_SP, T_STATUS, TASK_DONE } = LY;
const S_OK = Status.OK, S_BLOCKED = Status.BLOCKED, S_CORRUPT = Status.CORRUPT, S_BUDGET = Status.BUDGET;

export interface SearchLimits {
  maxStates: number;
  /** transitions taken, counted after each expanded state (none when not given) */
  maxTransitions?: number;
  /** search memory in use, in bytes (searchBytes), counted every BYTES_EVERY states (none when not given) */
  maxBytes?: number;
  /** a guard: when it fires, the search's findings depend on the machine's speed (check/run.ts) */
  maxMillis: number;
  /** record words the step tables may hold (memo.ts MEMO_WORDS when not given) */
  memoWords?: number;
  /** told the running counts every PROGRESS_EVERY expanded states */
  onProgress?: (p: { states: number; transitions: number }) => void;
}

/** how many expanded states between two progress reports */
export const PROGRESS_EVERY = 4096;
/** how many expanded states between two looks at the clock and at the search's memory */
const CHECK_EVERY = 1024;

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
  stoppedBy: null | 'states' | 'transitions' | 'bytes' | 'time' | 'steps';
  /** search memory in use when it ended (searchBytes) */
  bytes: number;
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
  // a sleeping call in atomic context runs (and fails) whether or not it would wait: vm.ts
  if (bi.sleeps && inAtomic(m, w, t)) return true;
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
 * A step whose inputs (in block numbers) were seen before is not run again: its successor is
 * built from the move kept then (memo.ts; see the tables below).
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
  /** a successor from the vector in next; task: the task that stepped, or -1 for a memory step */
  const successor = (from: number, task: number, choice: number) => {
    if (nc === cap) { cap *= 2; cand = grow(cand); candHash = grow(candHash); }
    candHash[nc] = store.prepare(next, cur, from, task, cand, nc * B);
    event(EV_EDGE, choice, nc++);
  };

  // Step results by block numbers (memo.ts). A task's step is first looked up by its own inputs:
  // [its block, the shared blocks of no CPU or of its CPU], giving [kind, its new block, those
  // blocks' new numbers], kind 0 blocked, 1 moved, or 2: the step touched another CPU's part
  // (touch.ts), so it is kept under all the shared blocks, [its block, every shared block], in
  // the task's wide table, with the value [kind, its new block, every shared block's new number].
  // A CPU's memory steps likewise, over the memory system's blocks only: [the common ones and the
  // CPU's own] → [kind, count, then per step those blocks' new numbers], or kind 2 and the wide
  // table keyed by every memory block. Not used with invariants (they read whole states) nor
  // for steps that went wrong or read another task (Machine.crossTask).
  const nShared = store.nShared;
  const memo = invariants.length === 0;
  const own = Array.from({ length: nTasks }, (_, t) =>
    Int32Array.from({ length: nShared }, (_, b) => b).filter((b) => store.blockCpu[b] < 0 || store.blockCpu[b] === m.taskCpu[t]));
  const memoBudget = { words: 0, limit: limits.memoWords ?? MEMO_WORDS };
  const maxTransitions = limits.maxTransitions ?? Infinity;
  const maxBytes = limits.maxBytes ?? Infinity;
  const narrowMemo = own.map((o) => new StepMemo(memoBudget, 1 + o.length, 2 + o.length));
  const wideMemo = own.map(() => new StepMemo(memoBudget, 1 + nShared, 2 + nShared));
  const cpus = L.mem.cpus;
  // memory steps read and write only the memory system's words: their keys leave out the locks,
  // files and page tables (a block that straddles the boundary is kept in)
  const memEnd = L.memBase + m.memory.size(L.mem);
  const isMem = Uint8Array.from({ length: nShared }, (_, b) => +(store.blockStart(b) < memEnd && store.blockStart(b) + store.blockLength(b) > L.memBase));
  const memBlocks = Int32Array.from({ length: nShared }, (_, b) => b).filter((b) => isMem[b] === 1);
  const ownCpu = Array.from({ length: cpus }, (_, c) => memBlocks.filter((b) => store.blockCpu[b] < 0 || store.blockCpu[b] === c));
  const cpuMemo = ownCpu.map((o) => new StepMemo(memoBudget, o.length));
  const cpuWide = ownCpu.map(() => new StepMemo(memoBudget, memBlocks.length));
  const cpuKey = new Int32Array(nShared);
  const narrowKey = new Int32Array(1 + nShared);
  const wideKey = new Int32Array(1 + nShared);
  const val = new Int32Array(2 + nShared);
  let ivals = new Int32Array(64);
  /**
   * a successor made from state s's blocks: shared blocks `which` (all when null) take the numbers
   * at vals[v ..], and for a task step task t's block becomes taskBlock
   */
  const successorFrom = (s: number, t: number, which: Int32Array | null, vals: Int32Array, v: number, taskBlock: number, choice: number) => {
    if (nc === cap) { cap *= 2; cand = grow(cand); candHash = grow(candHash); }
    const ids = store.ids;
    const o = nc * B;
    for (let b = 0; b < B; b++) cand[o + b] = ids[s * B + b];
    if (which === null) for (let b = 0; b < nShared; b++) cand[o + b] = vals[v + b];
    else for (let j = 0; j < which.length; j++) cand[o + which[j]] = vals[v + j];
    if (t >= 0) cand[o + nShared + t] = taskBlock;
    candHash[nc] = hashRange(cand, o, B);
    event(EV_EDGE, choice, nc++);
  };
  /** add a value to a table, or in checked mode compare it with the one the table holds */
  const keepValue = (table: StepMemo, key: Int32Array, h: number, value: Int32Array, n: number, what: string) => {
    const e = table.find(key, 0, h);
    if (e < 0) { table.add(key, 0, h, value, 0, n); return; }
    if (!check) return;
    const v = table.value(e);
    for (let k = 0; k < n; k++) {
      if (table.vals[v + k] !== value[k]) throw new Error(`${what} made another move from the same blocks: a step read something outside its key`);
    }
  };
  const keep = (table: StepMemo, key: Int32Array, h: number, n: number, t: number) => keepValue(table, key, h, val, n, `task ${m.taskNames[t]}`);
  /** keep the result of task t's step from state s: blocked (c < 0), or moved to candidate c */
  const remember = (s: number, t: number, hn: number, c: number) => {
    const o = own[t];
    let wide = touch.otherCpus;
    if (c >= 0 && !wide) {
      // a step that changed a block outside its own inputs needs the wide key
      for (let b = 0, j = 0; b < nShared; b++) {
        if (j < o.length && o[j] === b) { j++; continue; }
        if (cand[c * B + b] !== store.ids[s * B + b]) { wide = true; break; }
      }
    }
    val[0] = c < 0 ? 0 : 1;
    if (c >= 0) val[1] = cand[c * B + nShared + t];
    if (!wide) {
      if (c >= 0) for (let j = 0; j < o.length; j++) val[2 + j] = cand[c * B + o[j]];
      keep(narrowMemo[t], narrowKey, hn, c < 0 ? 1 : 2 + o.length, t);
      return;
    }
    if (c >= 0) for (let b = 0; b < nShared; b++) val[2 + b] = cand[c * B + b];
    wideKey[0] = narrowKey[0];
    for (let b = 0; b < nShared; b++) wideKey[1 + b] = store.ids[s * B + b];
    keep(wideMemo[t], wideKey, hashRange(wideKey, 0, 1 + nShared), c < 0 ? 1 : 2 + nShared, t);
    val[0] = 2;
    keep(narrowMemo[t], narrowKey, hn, 1, t);
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
    // 1. expand
    nc = 0; ne = 0;
    let last = end;
    let budgetHit = false;
    for (let s = i; s < end; s++) {
      const x = s - i;
      evStart[x] = ne;
      let dirty = true; // next differs from cur
      let live = 0;
      let moved = 0;
      for (let t = 0; t < nTasks; t++) {
        if (store.taskWord(s, t, T_STATUS) === TASK_DONE) continue;
        live++;
        let hn = 0;
        if (memo) {
          const o = own[t];
          narrowKey[0] = store.ids[s * B + nShared + t];
          for (let j = 0; j < o.length; j++) narrowKey[1 + j] = store.ids[s * B + o[j]];
          hn = hashRange(narrowKey, 0, 1 + o.length);
          let e = check ? -1 : narrowMemo[t].find(narrowKey, 0, hn);
          if (e >= 0) {
            const table = narrowMemo[t];
            let v = table.value(e);
            let kind = table.vals[v];
            if (kind === 2) {
              wideKey[0] = narrowKey[0];
              for (let b = 0; b < nShared; b++) wideKey[1 + b] = store.ids[s * B + b];
              e = wideMemo[t].find(wideKey, 0, hashRange(wideKey, 0, 1 + nShared));
              if (e >= 0) {
                v = wideMemo[t].value(e);
                kind = wideMemo[t].vals[v];
                if (kind === 0) continue;
                moved++;
                successorFrom(s, t, null, wideMemo[t].vals, v + 2, wideMemo[t].vals[v + 1], t);
                continue;
              }
            } else {
              if (kind === 0) continue;
              moved++;
              successorFrom(s, t, o, table.vals, v + 2, table.vals[v + 1], t);
              continue;
            }
          }
        }
        load(s);
        if (dirty) next.set(cur);
        m.crossTask = false;
        touch.otherCpus = false;
        const st = runTask(m, next, t);
        if (st === S_BLOCKED) {
          // a task whose next call would wait does not move; what the attempt wrote (a release
          // marks the newest buffered store before its store finds the buffer full) is dropped
          dirty = true;
          if (memo && !m.crossTask) remember(s, t, hn, -1);
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
        if (memo && !m.crossTask) remember(s, t, hn, nc - 1);
      }
      if (internal) {
        if (memo) {
          // per CPU, as for a task: keyed by the common blocks and the CPU's own, unless its
          // steps touched another CPU's part; choices number the steps of CPU 0 first, then 1…
          let k0 = 0;
          for (let c = 0; c < cpus; c++) {
            const oc = ownCpu[c];
            for (let j = 0; j < oc.length; j++) cpuKey[j] = store.ids[s * B + oc[j]];
            const hn = hashRange(cpuKey, 0, oc.length);
            let table = cpuMemo[c];
            let e = check ? -1 : table.find(cpuKey, 0, hn);
            let which = oc;
            if (e >= 0 && table.vals[table.value(e)] === 2) {
              for (let j = 0; j < memBlocks.length; j++) wideKey[j] = store.ids[s * B + memBlocks[j]];
              table = cpuWide[c];
              e = table.find(wideKey, 0, hashRange(wideKey, 0, memBlocks.length));
              which = memBlocks;
            }
            if (e >= 0) {
              const width = which.length;
              const v = table.value(e) + 1; // [kind, n, then per step the new numbers]
              const n = table.vals[v];
              for (let k = 0; k < n; k++) {
                moved++;
                successorFrom(s, -1, which, table.vals, v + 1 + k * width, 0, nTasks + k0 + k);
              }
              k0 += n;
              continue;
            }
            load(s);
            steps.length = 0;
            touch.otherCpus = false;
            m.memory.internalStepsOf(cur, L.memBase, L.mem, c, steps);
            const n = steps.length;
            const first = nc;
            for (let k = 0; k < n; k++) {
              if (dirty) next.set(cur);
              dirty = true;
              m.memory.applyInternal(next, L.memBase, L.mem, steps[k]);
              moved++;
              successor(s, -1, nTasks + k0 + k);
            }
            k0 += n;
            let wide = touch.otherCpus;
            let outside = false; // a memory step that changed a word outside the memory system: never kept
            for (let k = 0; k < n && !outside; k++) {
              for (let b = 0, j = 0; b < nShared; b++) {
                if (j < oc.length && oc[j] === b) { j++; continue; }
                if (cand[(first + k) * B + b] !== store.ids[s * B + b]) {
                  wide = true;
                  if (isMem[b] === 0) { outside = true; break; }
                }
              }
            }
            if (outside) continue;
            const keyed = wide ? memBlocks : oc;
            const width = keyed.length;
            if (ivals.length < 2 + n * width) ivals = new Int32Array(2 * (2 + n * width));
            ivals[0] = 1;
            ivals[1] = n;
            for (let k = 0; k < n; k++) {
              for (let j = 0; j < width; j++) ivals[2 + k * width + j] = cand[(first + k) * B + keyed[j]];
            }
            if (!wide) {
              keepValue(cpuMemo[c], cpuKey, hn, ivals, 2 + n * width, `CPU ${c}'s memory steps`);
              continue;
            }
            for (let j = 0; j < width; j++) wideKey[j] = store.ids[s * B + memBlocks[j]];
            keepValue(cpuWide[c], wideKey, hashRange(wideKey, 0, width), ivals, 2 + n * width, `CPU ${c}'s memory steps`);
            ivals[0] = 2;
            keepValue(cpuMemo[c], cpuKey, hn, ivals, 1, `CPU ${c}'s memory steps`);
          }
        } else {
          load(s);
          steps.length = 0;
          m.memory.internalSteps(cur, L.memBase, L.mem, steps);
          for (let k = 0; k < steps.length; k++) {
            if (dirty) next.set(cur);
            dirty = true;
            m.memory.applyInternal(next, L.memBase, L.mem, steps[k]);
            moved++;
            successor(s, -1, nTasks + k);
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
      if (s % CHECK_EVERY === 0 && s > 0) {
        // counted, so every machine stops at the same state
        if (maxBytes < Infinity && searchBytes(g, memoBudget.words) > maxBytes) { g.stoppedBy = 'bytes'; i = s; break outer; }
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
      if (stateLive[x] === 0) g.finals.push(s);
      else if (stateMoved[x] === 0) g.deadlocks.push(s);
      if (store.count > limits.maxStates) { g.stoppedBy = 'states'; i = s + 1; break outer; }
      if (g.transitions > maxTransitions) { g.stoppedBy = 'transitions'; i = s + 1; break outer; }
    }
    i = last;
  }
  for (const table of [...narrowMemo, ...wideMemo, ...cpuMemo, ...cpuWide]) table.release();
  g.expanded = i;
  g.edgeStart.push(g.edgeTo.length);
  g.exhaustive = g.stoppedBy === null && i >= store.count;
  g.millis = Date.now() - t0;
  g.bytes = searchBytes(g, memoBudget.words);
  return g;
}

/**
 * The memory a search holds, in bytes, as counted from what it stored (the same on every machine):
 * the state store's words in use, the parent links and edge lists, and the step tables' records.
 * Arrays grow by doubling, so what they reserve can be up to twice this.
 */
export function searchBytes(g: SearchGraph, memoWords: number): number {
  return 4 * (g.store.wordsInUse() + g.parent.length + g.choice.length + g.edgeStart.length + g.edgeTo.length + g.edgeChoice.length + memoWords);
}

/** where the parts of a world below the tasks start: the memory system's, each page, file, mm, and the VMAs and locks */
export function sharedParts(m: Machine): { at: number; cpu: number }[] {
  const L = m.layout;
  const common = (at: number) => ({ at, cpu: -1 });
  return [
    ...m.memory.parts(L.mem).map((p) => ({ at: L.memBase + p.at, cpu: p.cpu })),
    ...Array.from({ length: L.nPages }, (_, p) => common(L.pageBase + p * L.pageWords)),
    ...L.files.map((f) => common(f.base)), ...L.mms.map((mm) => common(mm.base)), common(L.vmaBase), common(L.lockBase),
  ].sort((a, b) => a.at - b.at);
}

/** give a finished search's memory back for the next search to reuse (g must not be used afterwards) */
export function releaseGraph(g: SearchGraph): void {
  g.store.release();
  for (const list of [g.parent, g.choice, g.edgeStart, g.edgeTo, g.edgeChoice]) list.release();
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
