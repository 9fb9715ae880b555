// The per-CPU memory interface. Every access a task makes to shared memory words
// (scenario globals, READ_ONCE/WRITE_ONCE, atomics, and any kernel field a weak-memory
// scenario declares as shared) goes through one of these, so that `sc`, `tso` and `weak`
// are three implementations behind one door and the interpreter never knows which.
//
// State lives in the world vector (an Int32Array) from `base` on, `size(layout)` words long,
// so it is copied, hashed and compared with the rest of the state for free.
import type { MemoryModel } from '../api.js';
import { sc } from './sc.js';
import { tso } from './tso.js';
import { weak } from './weak.js';

export interface MemoryLayout {
  cpus: number; // CPUs that run tasks
  words: number; // shared memory words, addresses 0..words-1
  /** store-buffer entries per CPU (tso, weak); a store into a full buffer must wait for a drain */
  bufferSlots: number;
}

export interface MemoryPart { at: number; cpu: number }

export type Fence =
  | 'mb' // smp_mb, and the implied full barrier of value-returning atomics
  | 'wmb' // smp_wmb: earlier stores before later stores
  | 'rmb' // smp_rmb: earlier loads before later loads
  | 'release' // smp_store_release: earlier loads and stores before this store (call it just before the store)
  | 'acquire' // smp_load_acquire: this load before later loads and stores (call it just after the load)
  /**
   * Taking a lock whose word the kernel model updates directly in coherent memory (a mutex, an
   * rwsem, the page lock): LKMM's acquire (lock.cat), and on x86 a locked instruction, a full
   * barrier. Call it just after the lock is taken.
   */
  | 'lock'
  /**
   * Releasing such a lock: LKMM's release, every earlier store reaches memory before the lock word
   * changes (the word is written directly, so the CPU's buffered stores must drain first); on x86
   * a locked instruction, a full barrier. Call it just before the lock word is cleared.
   */
  | 'unlock';

/**
 * The arithmetic of an atomic read-modify-write. With operands a, b the new value is:
 * add: old + a; xchg: a; cmpxchg: (old === a ? b : old, and no write at all when it fails);
 * or: old | a (set_bit); andnot: old & ~a (clear_bit).
 */
export type RmwOp = 'add' | 'xchg' | 'cmpxchg' | 'or' | 'andnot';

/**
 * How an RMW is ordered with the CPU's other accesses.
 * full: value-returning atomics (xchg, cmpxchg, atomic_*_return, atomic_dec_and_test,
 *   test_and_set_bit): as if smp_mb() came before and after.
 * relaxed: set_bit, clear_bit (and atomic_inc/add/sub/dec, which go through MemorySystem.add):
 *   atomic on the location, unordered otherwise.
 * acquire: test_and_set_bit_lock. release: clear_bit_unlock.
 */
export type RmwOrder = 'relaxed' | 'acquire' | 'release' | 'full';

/** An internal step the explorer may schedule, like a task's step: drain a store, process an invalidation. */
export interface InternalStep {
  cpu: number;
  kind: 'drain' | 'invalidate';
  /** model-specific selector (which buffer entry, which queue entry) */
  slot: number;
}

export interface MemorySystem {
  readonly model: MemoryModel;
  size(layout: MemoryLayout): number;
  /**
   * Where the model's parts start, relative to base, in order (0 first: the memory words; then,
   * say, each CPU's store buffer), and the CPU a part belongs to (-1: none). The explorer stores a
   * state in blocks (explore/visited.ts) cut here, so that a step which changes one part leaves
   * the others' blocks as they were; and it keys a task's step by the blocks of its own CPU and
   * the common ones (explore/memo.ts), unless the step looked at another CPU's part
   * (touchedOtherCpus).
   */
  parts(layout: MemoryLayout): MemoryPart[];
  /** write initial values (all CPUs agree on them, buffers empty) */
  init(w: Int32Array, base: number, layout: MemoryLayout, initial: ArrayLike<number>): void;
  /**
   * A load by `cpu`. It may change the state, as drains just before it would (weak: a word with the
   * CPU's own atomic add buffered first has that add drained, so the load reads a value some
   * coherence order holds); callers give it a state they own, as for a store.
   */
  load(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number): number;
  /**
   * Make the CPU's own buffered entries to addr reach memory now, with every entry that must reach
   * memory before them, within this one step (equivalent to those drains just before it). Kernel
   * builtins that act on a shared word directly, as a sequentially consistent access (get_page,
   * put_page on `_refcount`), call it first, so that they see the CPU's own atomics on the word.
   */
  commit(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number): void;
  /** false: the store cannot be accepted yet (buffer full); the task retries after a drain */
  store(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number, value: number): boolean;
  /** false: the fence cannot complete yet (pending stores or invalidations); the task waits */
  fence(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, fence: Fence): boolean;
  /**
   * Atomic read-modify-write of one word; returns the old value. Never blocks: whatever the model
   * must drain first (own stores that must precede it) it drains within this one step, which is
   * equivalent to those drains happening just before it with nothing in between.
   */
  rmw(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number, op: RmwOp, a: number, b: number, order: RmwOrder): number;
  /**
   * A non-value-returning atomic add (atomic_add/sub/inc/dec): `delta` added to the word, atomic
   * on it and otherwise unordered. false: it cannot be accepted yet (weak: the store buffer is
   * full); the task retries after a drain. sc adds at once; tso is a locked (fully ordered) RMW;
   * weak buffers it like a store (weak.ts).
   */
  add(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number, delta: number): boolean;
  /**
   * The value an RMW by `cpu` would read now: memory after the CPU's own buffered entries to addr
   * (its newest store, plus the adds after it). No side effects (a blocking builtin asks it before committing to a step).
   */
  latest(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number): number;
  /**
   * Whether the calls since the last one read or wrote a CPU's part (parts()) on behalf of another
   * CPU; the count starts again. The explorer asks before and after each step: a step that said
   * no is keyed by its own CPU's parts and the common ones only. A model without it is taken to
   * touch every CPU's parts on every step (correct, and slower to search).
   */
  touchedOtherCpus?(): boolean;
  /** the memory's settled value, as a later observer with all buffers drained would see it */
  settled(w: Int32Array, base: number, layout: MemoryLayout, addr: number): number;
  /**
   * Optional: CPU `cpu` will never load again (every task on it has finished). A model may then
   * drop state only that CPU's loads could observe (weak: its invalidate queue), which keeps
   * equivalent states from multiplying. Its buffered stores still drain.
   */
  retire?(w: Int32Array, base: number, layout: MemoryLayout, cpu: number): void;
  /** append the internal steps enabled in this state */
  internalSteps(w: Int32Array, base: number, layout: MemoryLayout, out: InternalStep[]): void;
  /** append the internal steps of one CPU, in the order internalSteps lists them (it lists CPU 0's first, then CPU 1's…) */
  internalStepsOf(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, out: InternalStep[]): void;
  applyInternal(w: Int32Array, base: number, layout: MemoryLayout, step: InternalStep): void;
  /** for traces, before applying it: what an internal step moves, e.g. [`x=1`] for a drain */
  describeInternal(w: Int32Array, base: number, layout: MemoryLayout, step: InternalStep, names: readonly string[]): string[];
  /** for views: per-CPU buffer contents as text, e.g. `x=1` */
  describeBuffers(w: Int32Array, base: number, layout: MemoryLayout, names: readonly string[]): { cpu: number; entries: string[] }[];
}

export { rmwResult } from './rmw.js';
export { sc } from './sc.js';
export { tso } from './tso.js';
export { weak } from './weak.js';

/** the memory system for a model name (`sc` when none is given) */
export function memorySystem(model: MemoryModel = 'sc'): MemorySystem {
  return model === 'tso' ? tso : model === 'weak' ? weak : sc;
}
