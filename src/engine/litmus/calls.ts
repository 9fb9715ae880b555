// The shape of every call a litmus thread may make, as the reader needs it: how many arguments,
// which one is the location and what kind of location it must be, and whether it is written `*x`
// (the kernel's lvalue form) or `x` (a pointer). The memory primitives come from the table the
// engine's builtins use (memory/primitives.ts); the calls only the LKMM checker models (RCU,
// SRCU, spin_is_locked, barrier()) are listed here. Meaning is not this file's business.
import { arity, primitive, unsupportedReason } from '../memory/primitives.js';

export type LocKind = 'int' | 'lock' | 'srcu';

export interface CallShape {
  args: number;
  /** index of the location argument, -1 for none */
  locArg: number;
  locKind: LocKind;
  /** the location is written `*x` */
  deref: boolean;
}

const lkmmOnly = new Map<string, CallShape>();
const shape = (names: string[], s: CallShape) => names.forEach((n) => lkmmOnly.set(n, s));
const none: CallShape = { args: 0, locArg: -1, locKind: 'int', deref: false };
shape(['rcu_read_lock', 'rcu_read_unlock', 'synchronize_rcu', 'synchronize_rcu_expedited', 'barrier', 'smp_mb__after_srcu_read_unlock'], none);
shape(['rcu_dereference'], { args: 1, locArg: 0, locKind: 'int', deref: true });
shape(['rcu_assign_pointer'], { args: 2, locArg: 0, locKind: 'int', deref: true });
shape(['spin_is_locked'], { args: 1, locArg: 0, locKind: 'lock', deref: false });
shape(['srcu_read_lock', 'srcu_down_read', 'synchronize_srcu', 'synchronize_srcu_expedited'], { args: 1, locArg: 0, locKind: 'srcu', deref: false });
shape(['srcu_read_unlock', 'srcu_up_read'], { args: 2, locArg: 0, locKind: 'srcu', deref: false });
// the kernel's smp_store_mb(X, V) stores to an lvalue, so a litmus test writes smp_store_mb(*x, 1)
shape(['smp_store_mb'], { args: 2, locArg: 0, locKind: 'int', deref: true });

/** the calls the strategy engine does not model (translate.ts refuses them by name) */
export const lkmmOnlyCalls: ReadonlySet<string> = new Set([...lkmmOnly.keys()].filter((n) => !primitive(n)));

export function callShape(name: string): CallShape | undefined {
  const own = lkmmOnly.get(name);
  if (own) return own;
  const p = primitive(name);
  if (!p) return undefined;
  const locArg = p.kind === 'rmw' ? p.locArg : p.kind === 'fence' ? -1 : 0;
  const deref = (p.kind === 'load' || p.kind === 'store') && p.deref;
  return { args: arity(p), locArg, locKind: p.kind === 'lock' ? 'lock' : 'int', deref };
}

/** why a call is refused, as the text after `unsupported: ` */
export function refusedCall(name: string): string {
  return unsupportedReason(name);
}

/** what an atomic read-modify-write computes (the engine's table, so the two cannot disagree) */
export { bitOperand, negatedOperand, primitive as memoryPrimitive } from '../memory/primitives.js';
