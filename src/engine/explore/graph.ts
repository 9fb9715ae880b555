// What a search returns: the states it stored, how each was first reached, every edge, the
// bad transitions, finals and deadlocks, and why it stopped; the limits it is given; and the
// memory it holds. explore() (bfs.ts) builds it; check/ reads it.
import type { Machine, Status } from '../kernel/machine.js';
import type { IntList } from './growable.js';
import type { StateStore } from './visited.js';

export interface SearchLimits {
  maxStates: number;
  /** transitions taken, counted after each expanded state (none when not given) */
  maxTransitions?: number;
  /** search memory in use, in bytes (searchBytes), counted every CHECK_EVERY expanded states (bfs.ts) (none when not given) */
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

/**
 * The memory a search holds, in bytes, as counted from what it stored (the same on every machine):
 * the state store's words in use, the parent links and edge lists, and the step tables' records.
 * Arrays grow by doubling, so what they reserve can be up to twice this.
 */
export function searchBytes(g: SearchGraph, memoWords: number): number {
  return 4 * (g.store.wordsInUse() + g.parent.length + g.choice.length + g.edgeStart.length + g.edgeTo.length + g.edgeChoice.length + memoWords);
}

/** give a finished search's memory back for the next search to reuse (g must not be used afterwards) */
export function releaseGraph(g: SearchGraph): void {
  g.store.release();
  for (const list of [g.parent, g.choice, g.edgeStart, g.edgeTo, g.edgeChoice]) list.release();
}

