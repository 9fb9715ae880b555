// The kernel's memory-ordering primitives (barriers, ONCE accesses, acquire/release, atomics,
// bit operations) and what each means to the memory system. One table serves both the engine's
// builtins (builtins.ts) and the litmus reader (litmus/parse.ts), so the two cannot disagree.
// `deref`: the litmus form takes `*x` (READ_ONCE(*x)); the others take the pointer (`x`, `&v`).
// A litmus call the table lacks is refused with `unsupported: <name>`; well-known ones get a reason.
import type { Fence, RmwOp, RmwOrder } from './model.js';

export type Primitive =
  /** a load; `acquire` adds the acquire fence after it */
  | { kind: 'load'; deref: boolean; acquire: boolean }
  /** a store; `release` puts a release fence before it, `mb` an smp_mb after it (smp_store_mb) */
  | { kind: 'store'; deref: boolean; release: boolean; mb: boolean }
  | { kind: 'fence'; fence: Fence }
  /**
   * a spin lock on a shared word (0 free, task + 1 held): lock is an acquire RMW that waits while
   * the word is held, unlock a release store of 0, trylock an acquire cmpxchg returning success
   */
  | { kind: 'lock'; lock: 'lock' | 'unlock' | 'trylock' }
  /**
   * an atomic read-modify-write. `locArg`: which argument is the location; `operand`: the argument
   * index feeding RmwOp operand a (or a constant); `result`: what the caller sees, from old value.
   */
  | { kind: 'rmw'; op: RmwOp; order: RmwOrder; locArg: number; args: number; operand: number | { constant: number };
      result: 'none' | 'old' | 'new' | 'zero?' | 'bit'; bitArg?: number };

const table = new Map<string, Primitive>();
const def = (names: string[], p: Primitive) => names.forEach((n) => table.set(n, p));

def(['READ_ONCE'], { kind: 'load', deref: true, acquire: false });
def(['atomic_read'], { kind: 'load', deref: false, acquire: false });
def(['smp_load_acquire', 'atomic_read_acquire'], { kind: 'load', deref: false, acquire: true });
def(['WRITE_ONCE'], { kind: 'store', deref: true, release: false, mb: false });
def(['atomic_set'], { kind: 'store', deref: false, release: false, mb: false });
def(['smp_store_release', 'atomic_set_release'], { kind: 'store', deref: false, release: true, mb: false });
def(['smp_store_mb'], { kind: 'store', deref: true, release: false, mb: true });
def(['smp_mb', 'smp_mb__before_atomic', 'smp_mb__after_atomic'], { kind: 'fence', fence: 'mb' });
def(['smp_wmb'], { kind: 'fence', fence: 'wmb' });
// full ordering after a lock acquisition / across an unlock+lock pair: a full barrier is that
def(['smp_mb__after_spinlock', 'smp_mb__after_unlock_lock'], { kind: 'fence', fence: 'mb' });
def(['spin_lock', 'raw_spin_lock'], { kind: 'lock', lock: 'lock' });
def(['spin_unlock', 'raw_spin_unlock'], { kind: 'lock', lock: 'unlock' });
def(['spin_trylock', 'raw_spin_trylock'], { kind: 'lock', lock: 'trylock' });
def(['smp_rmb'], { kind: 'fence', fence: 'rmb' });

const orders: [string, RmwOrder][] = [['', 'full'], ['_relaxed', 'relaxed'], ['_acquire', 'acquire'], ['_release', 'release']];
for (const [suffix, order] of orders) {
  def([`xchg${suffix}`, `atomic_xchg${suffix}`], { kind: 'rmw', op: 'xchg', order, locArg: 0, args: 2, operand: 1, result: 'old' });
  def([`cmpxchg${suffix}`, `atomic_cmpxchg${suffix}`], { kind: 'rmw', op: 'cmpxchg', order, locArg: 0, args: 3, operand: 1, result: 'old' });
  def([`atomic_add_return${suffix}`], { kind: 'rmw', op: 'add', order, locArg: 1, args: 2, operand: 0, result: 'new' });
  def([`atomic_fetch_add${suffix}`], { kind: 'rmw', op: 'add', order, locArg: 1, args: 2, operand: 0, result: 'old' });
  def([`atomic_inc_return${suffix}`], { kind: 'rmw', op: 'add', order, locArg: 0, args: 1, operand: { constant: 1 }, result: 'new' });
  def([`atomic_dec_return${suffix}`], { kind: 'rmw', op: 'add', order, locArg: 0, args: 1, operand: { constant: -1 }, result: 'new' });
  def([`atomic_fetch_inc${suffix}`], { kind: 'rmw', op: 'add', order, locArg: 0, args: 1, operand: { constant: 1 }, result: 'old' });
  def([`atomic_fetch_dec${suffix}`], { kind: 'rmw', op: 'add', order, locArg: 0, args: 1, operand: { constant: -1 }, result: 'old' });
}
// subtraction: the operand is negated by the translation
def(['atomic_sub_return'], { kind: 'rmw', op: 'add', order: 'full', locArg: 1, args: 2, operand: 0, result: 'new' });
def(['atomic_dec_and_test'], { kind: 'rmw', op: 'add', order: 'full', locArg: 0, args: 1, operand: { constant: -1 }, result: 'zero?' });
def(['atomic_inc_and_test'], { kind: 'rmw', op: 'add', order: 'full', locArg: 0, args: 1, operand: { constant: 1 }, result: 'zero?' });
def(['atomic_sub_and_test'], { kind: 'rmw', op: 'add', order: 'full', locArg: 1, args: 2, operand: 0, result: 'zero?' });
def(['atomic_inc'], { kind: 'rmw', op: 'add', order: 'relaxed', locArg: 0, args: 1, operand: { constant: 1 }, result: 'none' });
def(['atomic_dec'], { kind: 'rmw', op: 'add', order: 'relaxed', locArg: 0, args: 1, operand: { constant: -1 }, result: 'none' });
def(['atomic_add'], { kind: 'rmw', op: 'add', order: 'relaxed', locArg: 1, args: 2, operand: 0, result: 'none' });
def(['atomic_sub'], { kind: 'rmw', op: 'add', order: 'relaxed', locArg: 1, args: 2, operand: 0, result: 'none' });
def(['set_bit'], { kind: 'rmw', op: 'or', order: 'relaxed', locArg: 1, args: 2, operand: 0, result: 'none' });
def(['clear_bit'], { kind: 'rmw', op: 'andnot', order: 'relaxed', locArg: 1, args: 2, operand: 0, result: 'none' });
def(['clear_bit_unlock'], { kind: 'rmw', op: 'andnot', order: 'release', locArg: 1, args: 2, operand: 0, result: 'none' });
def(['test_and_set_bit'], { kind: 'rmw', op: 'or', order: 'full', locArg: 1, args: 2, operand: 0, result: 'bit', bitArg: 0 });
def(['test_and_clear_bit'], { kind: 'rmw', op: 'andnot', order: 'full', locArg: 1, args: 2, operand: 0, result: 'bit', bitArg: 0 });
def(['test_and_set_bit_lock'], { kind: 'rmw', op: 'or', order: 'acquire', locArg: 1, args: 2, operand: 0, result: 'bit', bitArg: 0 });

/** primitives whose operand is subtracted */
export const negatedOperand = new Set(['atomic_sub_return', 'atomic_sub_and_test', 'atomic_sub']);
/** primitives whose operand is a bit number (the mask is 1 << nr) */
export const bitOperand = new Set(['set_bit', 'clear_bit', 'clear_bit_unlock', 'test_and_set_bit', 'test_and_clear_bit', 'test_and_set_bit_lock']);

const reasons: [RegExp, string][] = [
  [/^(raw_)?spin_is_locked$/, 'spin_is_locked: its LKMM ordering is special'],
  [/^(raw_)?spin_/, 'only spin_lock, spin_unlock and spin_trylock are modelled'],
  [/^(rcu_|synchronize_rcu|call_rcu)/, 'RCU'],
  [/^(srcu_|synchronize_srcu)/, 'SRCU'],
  [/^(mutex_|down|up)/, 'sleeping locks in litmus tests'],
  [/^smp_(load|store|cond_load|mb__after)/, 'this ordering primitive'],
];

/** how many arguments a primitive takes */
export function arity(p: Primitive): number {
  return p.kind === 'fence' ? 0 : p.kind === 'load' || p.kind === 'lock' ? 1 : p.kind === 'store' ? 2 : p.args;
}

/** every primitive, by name */
export function primitives(): ReadonlyMap<string, Primitive> {
  return table;
}

export function primitive(name: string): Primitive | undefined {
  return table.get(name);
}

/** why a call the table lacks is refused, as the text after `unsupported: ` */
export function unsupportedReason(name: string): string {
  for (const [re, what] of reasons) if (re.test(name)) return `${name} (${what})`;
  return `${name} (not a primitive the engine models)`;
}
