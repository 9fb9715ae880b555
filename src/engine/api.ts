// The data that crosses from the engine to everything else (UI, CLI, build, tests).
// Plain and serializable: it goes through postMessage, JSON and Astro props unchanged.
// The engine owns this file; widen it, but keep existing fields stable for the UI.

export type Verdict = 'ok' | 'deadlock' | 'corruption' | 'bug' | 'livelock';
/** `error`: the reader's code or scenario did not compile. `budget`: the search stopped at a budget before any verdict. */
export type Outcome = Verdict | 'error' | 'budget';
export type MemoryModel = 'sc' | 'tso' | 'weak';

export interface Diagnostic {
  line: number; // 1-based
  column: number; // 1-based
  endLine?: number;
  endColumn?: number;
  message: string; // "unknown function 'lock_pgae' (did you mean 'lock_page'?)"
  severity: 'error' | 'warning';
  /** which text the position refers to */
  source: 'strategy' | 'scenario' | 'prelude';
}

/**
 * Limits of one search. States, transitions, bytes and steps are counted, so where they stop a
 * search is the same on every machine; a verdict found before they stop it is reported. The wall
 * clock is only a guard: when it stops a search the outcome is `budget`, whatever was seen.
 */
export interface Budget {
  maxStates?: number; // distinct states
  maxTransitions?: number; // transitions taken (edges, including those back to known states)
  maxBytes?: number; // the search's memory in use: state store, edges, step tables (counted, not measured)
  maxMillis?: number; // wall time of the search: a guard against a slow machine, never a verdict
  maxStepsPerTransition?: number; // instructions a task may run without reaching a scheduling point
}

// The budgets a check runs under. Searches are bounded by counts (states, transitions, bytes of
// search memory), so a verdict never depends on the machine's speed; the wall clock is a guard
// sized to fire only on a machine far slower than the counts assume, and it yields `budget`.
// They live here, in the data contract, so the page can offer "search further" up to the ceiling
// without loading the engine on its main thread.

const MB = 1024 * 1024;

/** each budget: [its default, its ceiling] (see below) */
const LIMITS: Record<keyof Budget, [number, number]> = {
  maxStates: [200_000, 2_000_000],
  maxTransitions: [2_000_000, 20_000_000],
  maxBytes: [256 * MB, 512 * MB],
  maxMillis: [30_000, 120_000],
  maxStepsPerTransition: [100_000, 1_000_000],
};

const column = (k: 0 | 1) => Object.fromEntries(Object.entries(LIMITS).map(([name, pair]) => [name, pair[k]])) as Required<Budget>;

/**
 * Defaults of check(): every built-in scenario decides exhaustively far inside them (the largest,
 * under weak memory, needs under 30 000 states; `npm run bench` prints each one's states); the
 * byte budget keeps a search within what a browser tab can hold.
 */
export const DEFAULT_BUDGET: Required<Budget> = column(0);

/**
 * The largest budgets a reader should be offered ("search further"): ten times the defaults'
 * counts, and twice the bytes (about 100 bytes per state at the state ceiling). Not enforced by
 * check(): the CLI and the build may ask for more.
 */
export const BUDGET_CEILING: Required<Budget> = column(1);

/** What a running search reports while it runs (every few thousand states). */
export interface SearchProgress {
  states: number;
  transitions: number;
}

/** Options of one check that are not part of the request's data (they do not cross postMessage). */
export interface CheckOptions {
  /** called from inside the search, on the thread that runs it */
  onProgress?: (p: SearchProgress) => void;
}

export interface CheckRequest {
  /** a registered scenario id (`2007/same-page`) or the text of a scenario file */
  scenario: string;
  /** strategy-language source: its functions add to, or override, the prelude's */
  strategy?: string;
  model?: MemoryModel;
  /** scenario parameters exposed to readers (number of tasks, toggles) */
  params?: Record<string, number | boolean>;
  budget?: Budget;
}

export interface SearchStats {
  states: number;
  transitions: number;
  millis: number;
  /** true only when every reachable state was visited */
  exhaustive: boolean;
  stoppedBy: null | 'states' | 'transitions' | 'bytes' | 'time' | 'steps';
}

export interface StackFrame {
  fn: string;
  line: number;
  source: 'strategy' | 'scenario' | 'prelude';
}

/** Who takes a step: a task, a CPU's store buffer (weak memory), or a device. */
export interface Actor {
  name: string;
  kind: 'task' | 'buffer' | 'device';
  cpu: number;
}

export interface TraceStep {
  actor: number; // index into Trace.actors
  op: string; // builtin name (`lock_page`), or `drain`, `dma_write`, `return`…
  args: string[]; // rendered for people: `page 0`, `mmap_sem`
  result?: string;
  stack: StackFrame[];
  /** the step left the actor asleep (waiting on a lock, a page, a rwsem) */
  blocked?: boolean;
  /** a different actor ran the previous step */
  switched: boolean;
  note?: string;
  world: WorldSnapshot;
}

export interface Trace {
  actors: Actor[];
  initial: WorldSnapshot;
  steps: TraceStep[];
  /** the schedule that replays this trace: the actor index chosen at each scheduling point */
  schedule: number[];
}

/** One wait-for edge of a deadlock cycle. */
export interface WaitEdge {
  task: string;
  holds: string;
  wants: string;
}

export interface PageView {
  id: number;
  name: string; // `page 0` or `file A, index 0`
  flags: string[]; // `locked`, `uptodate`, `dirty`, `writeback`, `private`…
  refcount: number;
  mapcount: number;
  lockOwner: string | null;
  waiters: string[];
  /** page contents: each byte with the actor who wrote it (`zero` for bytes nobody wrote, `stale` for old disk data) */
  bytes: { value: number; writer: string }[];
  inCache: boolean;
}

export interface WorldSnapshot {
  pages: PageView[];
  /** sleeping locks other than page locks: mmap_sem, i_mutex… */
  locks: { name: string; state: string; holders: string[]; waiters: string[] }[];
  tasks: { name: string; state: 'running' | 'blocked' | 'done'; cpu: number; note?: string }[];
  /** page tables: user address → page, writable */
  ptes: { mm: string; addr: number; page: number | null; writable: boolean }[];
  /** backing store blocks, file contents on disk */
  disk: { file: string; bytes: { value: number; writer: string }[] }[];
  /** shared variables and store buffers (weak memory) */
  memory?: { name: string; value: number }[];
  buffers?: { cpu: number; entries: string[] }[];
}

export interface Costs {
  mmap_sem: number;
  pageTableWalks: number;
  pageLocks: number;
  pagesAllocated: number;
  bytesCopied: number;
  faults: number;
  [other: string]: number;
}

export interface FinalState {
  values: Record<string, number>;
  count: number;
}

export interface CheckResult {
  outcome: Outcome;
  verdict: Verdict | null;
  /** one line; begins with the capitalised verdict (`Deadlock: …`, `OK: …`), or `Error: 3:14: …`, or `Budget: …` */
  headline: string;
  cycle?: WaitEdge[];
  diagnostics: Diagnostic[];
  stats: SearchStats;
  /** counted on an uncontended (serial) run; null when the code did not compile */
  costs: Costs | null;
  /** the counterexample (fewest context switches, then fewest steps), or for `ok` one serial run */
  trace: Trace | null;
  /**
   * reachable final states of the scenario's observed values (the herd7 question): states where every
   * task has finished and no store is buffered or invalidation pending; `count` is how many distinct
   * such states give those values
   */
  finals?: FinalState[];
}

export interface ScenarioInfo {
  id: string;
  title: string;
  description: string;
  model: MemoryModel;
  /** the simulated kernel it runs on, e.g. `2.6.20` (the engine README's "Kernels") */
  kernel: string;
  params: { name: string; kind: 'number' | 'boolean'; default: number | boolean; min?: number; max?: number; label: string }[];
}

/** Word for the status line and badges. */
export function verdictWord(outcome: Outcome): string {
  switch (outcome) {
    case 'ok': return 'OK';
    case 'deadlock': return 'Deadlock';
    case 'corruption': return 'Corruption';
    case 'bug': return 'Bug';
    case 'livelock': return 'Livelock';
    case 'error': return 'Error';
    case 'budget': return 'Budget';
  }
}
