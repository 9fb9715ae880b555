// The context a task runs in, as the kernel counts it: atomic (it may not sleep) while it holds a
// spinlock, runs under preempt_disable() or pagefault_disable() (which raised the preempt count in
// the kernels of the threads' era), or has interrupts off; and the locks it still holds when it
// returns. Spinlocks are shared words (builtins/ordering.ts), so the task header counts the ones it
// holds (T_SPINS) and remembers the last one taken (T_SPINLOCK), to name it.
import { L_OWNER, L_READERS, lockAt, P_OWNER, pageAt, T_IRQ, T_PFDIS, T_PREEMPT, T_SPINLOCK, T_SPINS, taskAt } from './layout.js';
import type { Machine } from './machine.js';

/** why task t may not sleep now ("with spinlock s held"), or null when it may */
export function atomicCause(m: Machine, w: Int32Array, t: number): string | null {
  const tb = taskAt(m.layout, t);
  if (w[tb + T_IRQ] !== 0) return 'with interrupts disabled';
  if (w[tb + T_SPINS] !== 0) return `with ${spinName(m, w, t)} held`;
  if (w[tb + T_PREEMPT] !== 0) return 'under preempt_disable()';
  if (w[tb + T_PFDIS] !== 0) return 'under pagefault_disable()';
  return null;
}

/** is task t in atomic context (in_atomic(), or interrupts off)? */
export function inAtomic(m: Machine, w: Int32Array, t: number): boolean {
  const tb = taskAt(m.layout, t);
  return (w[tb + T_IRQ] | w[tb + T_SPINS] | w[tb + T_PREEMPT] | w[tb + T_PFDIS]) !== 0;
}

/** task t took the spinlock at shared word addr: preemption is off until it lets go */
export function spinAcquired(m: Machine, w: Int32Array, t: number, addr: number): void {
  const tb = taskAt(m.layout, t);
  w[tb + T_SPINS]++;
  w[tb + T_SPINLOCK] = addr + 1;
}

/** task t released the spinlock at addr */
export function spinReleased(m: Machine, w: Int32Array, t: number, addr: number): void {
  const tb = taskAt(m.layout, t);
  if (w[tb + T_SPINS] > 0) w[tb + T_SPINS]--;
  // the name is kept only while it still names a held lock: with none held, or after letting go
  // of the one named, it is cleared (a state that differs only in it would not merge otherwise)
  if (w[tb + T_SPINS] === 0 || w[tb + T_SPINLOCK] === addr + 1) w[tb + T_SPINLOCK] = 0;
}

function spinName(m: Machine, w: Int32Array, t: number): string {
  const at = w[taskAt(m.layout, t) + T_SPINLOCK] - 1;
  const name = at >= 0 ? m.program.globals[at]?.name : undefined;
  const n = w[taskAt(m.layout, t) + T_SPINS];
  return name ? `spinlock ${name}${n > 1 ? ` (and ${n - 1} more)` : ''}` : n > 1 ? `${n} spinlocks` : 'a spinlock';
}

/** does task t hold any lock? (no allocation: asked whenever a task returns) */
export function holdsAny(m: Machine, w: Int32Array, t: number): boolean {
  const L = m.layout;
  if (w[taskAt(L, t) + T_SPINS] !== 0) return true;
  const owner = t + 1;
  const nibble = 15 << (4 * t);
  for (let k = 0; k < L.locks.length; k++) {
    const l = lockAt(L, k);
    if (w[l + L_OWNER] === owner || (w[l + L_READERS] & nibble) !== 0) return true;
  }
  for (let i = 0; i < L.nPages; i++) if (w[pageAt(L, i) + P_OWNER] === owner) return true;
  return false;
}

/** the locks task t holds: spinlocks, mutexes and rwsems, page locks (empty when none) */
export function locksHeld(m: Machine, w: Int32Array, t: number): string[] {
  const L = m.layout;
  const out: string[] = [];
  if (w[taskAt(L, t) + T_SPINS] !== 0) out.push(spinName(m, w, t));
  L.locks.forEach((info, k) => {
    const l = lockAt(L, k);
    if (w[l + L_OWNER] === t + 1) out.push(info.kind === 'rwsem' ? `${info.name} (write)` : info.name);
    if ((w[l + L_READERS] >>> (4 * t)) & 15) out.push(`${info.name} (read)`);
  });
  for (let i = 0; i < L.nPages; i++) if (w[pageAt(L, i) + P_OWNER] === t + 1) out.push(`lock of ${L.pageNames[i]}`);
  return out;
}
