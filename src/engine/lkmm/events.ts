// Events of a candidate execution, tagged as linux-kernel.bell and lock.cat name them, and the
// table from each litmus call to the events it makes (after linux-kernel.def).
import type { Value } from '../litmus/index.js';

/** the annotation sets of linux-kernel.bell / lock.cat an event may belong to */
export type Tag =
  // accesses
  | 'Once' | 'Acquire' | 'Release' | 'Noreturn' | 'IW'
  // locks (lock.cat): lock read, lock write, unlock, failed trylock, is_locked true/false
  | 'LKR' | 'LKW' | 'UL' | 'LF' | 'RL' | 'RU'
  // SRCU
  | 'Srcu-lock' | 'Srcu-unlock' | 'Sync-srcu'
  // fences
  | 'Mb' | 'Rmb' | 'Wmb' | 'Before-atomic' | 'After-atomic' | 'After-spinlock' | 'After-unlock-lock'
  | 'Rcu-lock' | 'Rcu-unlock' | 'Sync-rcu' | 'Barrier' | 'After-srcu-read-unlock';

export interface Ev {
  /** index in the execution */
  id: number;
  /** P<n>'s n; -1 for the initial writes */
  thread: number;
  /** R and W are memory accesses (M); F is any other event (fences, RCU, Sync-srcu) */
  kind: 'R' | 'W' | 'F';
  tags: ReadonlySet<Tag>;
  /** the location accessed (or the srcu_struct a Sync-srcu names); null for fences */
  loc: string | null;
  /** the value read or written */
  value: Value;
  /** the litmus call that made it, for explanations */
  call: string;
  line: number;
}

export type Fence = Exclude<Tag, 'Once' | 'Acquire' | 'Release' | 'Noreturn' | 'IW' | 'LKR' | 'LKW' | 'UL' | 'LF' | 'RL' | 'RU' | 'Srcu-lock' | 'Srcu-unlock' | 'Sync-srcu'>;

/** the fence calls of linux-kernel.def */
export const fenceCalls: Record<string, Fence> = {
  smp_mb: 'Mb', smp_rmb: 'Rmb', smp_wmb: 'Wmb',
  smp_mb__before_atomic: 'Before-atomic', smp_mb__after_atomic: 'After-atomic',
  smp_mb__after_spinlock: 'After-spinlock', smp_mb__after_unlock_lock: 'After-unlock-lock',
  rcu_read_lock: 'Rcu-lock', rcu_read_unlock: 'Rcu-unlock',
  synchronize_rcu: 'Sync-rcu', synchronize_rcu_expedited: 'Sync-rcu',
  barrier: 'Barrier', smp_mb__after_srcu_read_unlock: 'After-srcu-read-unlock',
};

/** marked loads: the tag of their R event */
export const loadCalls: Record<string, 'Once' | 'Acquire'> = {
  READ_ONCE: 'Once', atomic_read: 'Once', rcu_dereference: 'Once',
  smp_load_acquire: 'Acquire', atomic_read_acquire: 'Acquire',
};

/** marked stores: the tag of their W event, and whether an smp_mb follows (smp_store_mb) */
export const storeCalls: Record<string, { tag: 'Once' | 'Release'; mb: boolean }> = {
  WRITE_ONCE: { tag: 'Once', mb: false }, atomic_set: { tag: 'Once', mb: false },
  smp_store_release: { tag: 'Release', mb: false }, atomic_set_release: { tag: 'Release', mb: false },
  rcu_assign_pointer: { tag: 'Release', mb: false },
  smp_store_mb: { tag: 'Once', mb: true },
};

export function describeEvent(e: Ev): string {
  const who = e.thread < 0 ? 'init' : `P${e.thread}`;
  const tags = [...e.tags].join(',');
  if (e.kind === 'F') return `${who}:${tags}${e.loc ? `(${e.loc})` : ''}`;
  const kind = e.tags.has('IW') ? 'W' : e.kind;
  const shown = typeof e.value === 'string' ? `&${e.value}` : String(e.value);
  return `${who}:${kind}${tags && !e.tags.has('IW') ? `[${tags}]` : e.tags.has('IW') ? '' : '[plain]'} ${e.loc}=${shown}`;
}
