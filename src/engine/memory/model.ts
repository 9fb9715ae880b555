// The per-CPU memory interface. Every access a task makes to shared memory words
// (scenario globals, READ_ONCE/WRITE_ONCE, atomics, and any kernel field a weak-memory
// scenario declares as shared) goes through one of these, so that `sc`, `tso` and `weak`
// are three implementations behind one door and the interpreter never knows which.
//
// State lives in the world vector (an Int32Array) from `base` on, `size(layout)` words long,
// so it is copied, hashed and compared with the rest of the state for free.
import type { MemoryModel } from '../api.js';

export interface MemoryLayout {
  cpus: number; // CPUs that run tasks
  words: number; // shared memory words, addresses 0..words-1
  /** store-buffer entries per CPU (tso, weak); a store into a full buffer must wait for a drain */
  bufferSlots: number;
}

export type Fence =
  | 'mb' // smp_mb, and the implied full barrier of value-returning atomics
  | 'wmb' // smp_wmb: earlier stores before later stores
  | 'rmb' // smp_rmb: earlier loads before later loads
  | 'release' // smp_store_release: earlier loads and stores before this store
  | 'acquire'; // smp_load_acquire: this load before later loads and stores

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
  /** write initial values (all CPUs agree on them, buffers empty) */
  init(w: Int32Array, base: number, layout: MemoryLayout, initial: ArrayLike<number>): void;
  load(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number): number;
  /** false: the store cannot be accepted yet (buffer full); the task retries after a drain */
  store(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, addr: number, value: number): boolean;
  /** false: the fence cannot complete yet (pending stores or invalidations); the task waits */
  fence(w: Int32Array, base: number, layout: MemoryLayout, cpu: number, fence: Fence): boolean;
  /** the memory's settled value, as a later observer with all buffers drained would see it */
  settled(w: Int32Array, base: number, layout: MemoryLayout, addr: number): number;
  /** append the internal steps enabled in this state */
  internalSteps(w: Int32Array, base: number, layout: MemoryLayout, out: InternalStep[]): void;
  applyInternal(w: Int32Array, base: number, layout: MemoryLayout, step: InternalStep): void;
  /** for views: per-CPU buffer contents as text, e.g. `x=1` */
  describeBuffers(w: Int32Array, base: number, layout: MemoryLayout, names: readonly string[]): { cpu: number; entries: string[] }[];
}

/** Sequential consistency: one memory, every access immediate, fences free. */
export const sc: MemorySystem = {
  model: 'sc',
  size: (layout) => layout.words,
  init(w, base, layout, initial) {
    for (let a = 0; a < layout.words; a++) w[base + a] = initial[a] ?? 0;
  },
  load: (w, base, _layout, _cpu, addr) => w[base + addr],
  store(w, base, _layout, _cpu, addr, value) {
    w[base + addr] = value;
    return true;
  },
  fence: () => true,
  settled: (w, base, _layout, addr) => w[base + addr],
  internalSteps() {},
  applyInternal() {},
  describeBuffers: () => [],
};
