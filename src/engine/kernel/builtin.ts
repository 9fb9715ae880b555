// The shape of a kernel primitive: one atomic step of the simulated kernel, written in
// TypeScript. Arguments sit in the world vector at w[a], w[a+1]… (the task's operand stack).
import type { Machine } from './machine.js';

export interface Resource {
  /** what is waited for, as a reader reads it: `page0`, `mmap_sem` */
  name: string;
  /** tasks holding it */
  holders: number[];
}

export interface Builtin {
  name: string;
  nargs: number;
  /** a scheduling point: other tasks may run between this step and the next */
  visible: boolean;
  /**
   * might_sleep(): a bug under pagefault_disable or with interrupts off. A function when the
   * kernel sleeps only in some states (wait_on_page_writeback() of a page not under writeback
   * returns at once); it must not change the state.
   */
  sleeps?: boolean | ((m: Machine, w: Int32Array, t: number, a: number) => boolean);
  /** true when the call cannot proceed now: the task sleeps until it can */
  blocks?(m: Machine, w: Int32Array, t: number, a: number): boolean;
  /**
   * blocks() or run() reads another task's region (its status, pending call or arguments). The
   * explorer reuses a step's result for equal inputs, and a task's inputs are its own region and
   * the shared words (explore/memo.ts): a step that calls a builtin declaring this is never
   * reused. A builtin that reads another task without declaring it makes the search wrong (the
   * checked search in explore/contracts.test.ts catches it).
   */
  readsOtherTasks?: true;
  /** what a blocked call waits for, to name a deadlock's cycle (may read any task: not part of a step) */
  waitsFor?(m: Machine, w: Int32Array, t: number, a: number): Resource;
  run(m: Machine, w: Int32Array, t: number, a: number): number;
  /** how the trace shows each argument: object handles are named automatically */
  doc: string;
}

export interface FieldDef {
  name: string;
  /** the C structs that have this field (`struct page`); file, inode and address_space are one object */
  structs?: string[];
  /** never changes while tasks run: reading it is not a scheduling point */
  stable: boolean;
  writable: boolean;
  addressable: boolean;
  get(m: Machine, w: Int32Array, h: number, t: number): number;
  set?(m: Machine, w: Int32Array, h: number, v: number, t: number): void;
  /** the lock handle of an addressable field (`&mm->mmap_sem`) */
  address?(m: Machine, w: Int32Array, h: number, t: number): number;
}
