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

export interface Budget {
  maxStates?: number; // distinct states
  maxMillis?: number; // wall time of the search
  maxStepsPerTransition?: number; // instructions a task may run without reaching a scheduling point
}

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
  stoppedBy: null | 'states' | 'time' | 'steps';
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
