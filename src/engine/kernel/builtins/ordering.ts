// The memory-ordering primitives as engine builtins: barriers, acquire/release, atomics, spin
// locks and bit operations on shared words, each one scheduling point routed through the
// scenario's memory system, with the kernel's argument order (`atomic_add(i, &v)`,
// `smp_store_release(&flag, 1)`). Generated from memory/primitives.ts, the table the litmus reader uses too. READ_ONCE and
// WRITE_ONCE are not here: the compiler turns them into plain shared loads and stores.
import type { Builtin } from '../builtin.js';
import { describeValue, validObject } from '../access.js';
import { indexOf, Kind } from '../handles.js';
import { Status, type Machine } from '../machine.js';
import { spinAcquired, spinReleased } from '../context.js';
import { checkRefcountAdd } from '../pagewords.js';
import { atomicAddWord } from './pages.js';
import { arity, bitOperand, negatedOperand, primitives, type Primitive } from '../../memory/primitives.js';

/** the shared word a pointer argument names, or -1 after reporting the bug */
function word(m: Machine, name: string, h: number): number {
  if (validObject(m.layout, h, Kind.WORD)) return indexOf(h);
  m.bug(h === 0 ? `NULL pointer dereference in ${name}()` : `${name}() needs a pointer to a shared variable (&x), got ${describeValue(m.layout, h)}`);
  return -1;
}

function wordName(m: Machine, addr: number): string {
  return m.program.globals[addr]?.name ?? `word ${addr}`;
}

/** spin_lock waits while the word is held (as an RMW by this CPU would see it) */
const lockBlocks: Builtin['blocks'] = (m, w, t, a) => {
  const h = w[a];
  if (!validObject(m.layout, h, Kind.WORD)) return false; // run() reports the bad pointer
  return m.memory.latest(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], indexOf(h)) !== 0;
};

const lockWaitsFor: Builtin['waitsFor'] = (m, w, t, a) => {
  const addr = indexOf(w[a]);
  const owner = m.memory.latest(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], addr) - 1;
  return { name: wordName(m, addr), holders: owner >= 0 && owner < m.taskNames.length ? [owner] : [] };
};

function runner(name: string, p: Primitive): Builtin['run'] {
  return (m, w, t, a) => {
    const L = m.layout;
    const cpu = m.taskCpu[t];
    const ms = m.memory;
    switch (p.kind) {
      case 'fence':
        if (!ms.fence(w, L.memBase, L.mem, cpu, p.fence)) m.status = Status.BLOCKED;
        else if (p.fence === 'mb') m.count('fullBarriers'); // explicit full barriers, counted once each (exercises cap them)
        return 0;
      case 'load': {
        const addr = word(m, name, w[a]);
        if (addr < 0) return 0;
        const v = ms.load(w, L.memBase, L.mem, cpu, addr);
        if (p.acquire) ms.fence(w, L.memBase, L.mem, cpu, 'acquire');
        return v;
      }
      case 'store': {
        const addr = word(m, name, w[a]);
        if (addr < 0) return 0;
        if (p.release) ms.fence(w, L.memBase, L.mem, cpu, 'release'); // if the store must wait, the explorer drops this step's writes
        if (!ms.store(w, L.memBase, L.mem, cpu, addr, w[a + 1])) { m.status = Status.BLOCKED; return 0; }
        if (p.mb) ms.fence(w, L.memBase, L.mem, cpu, 'mb');
        return 0;
      }
      case 'lock': {
        const addr = word(m, name, w[a]);
        if (addr < 0) return 0;
        if (p.lock === 'unlock') {
          if (ms.latest(w, L.memBase, L.mem, cpu, addr) === 0) { m.bug(`${name}() of ${wordName(m, addr)}, which is not locked`); return 0; }
          ms.fence(w, L.memBase, L.mem, cpu, 'release');
          if (!ms.store(w, L.memBase, L.mem, cpu, addr, 0)) { m.status = Status.BLOCKED; return 0; }
          spinReleased(m, w, t, addr); // spin_unlock() ends the atomic section spin_lock() began
          return 0;
        }
        // the owner is recorded as task + 1, so a deadlock can name who holds the lock
        const old = ms.rmw(w, L.memBase, L.mem, cpu, addr, 'cmpxchg', 0, t + 1, 'acquire');
        if (old !== 0) {
          if (p.lock === 'trylock') return 0;
          m.status = Status.BLOCKED; // blocks() said free: cannot happen
          return 0;
        }
        spinAcquired(m, w, t, addr); // spin_lock() disables preemption: the task is atomic until it unlocks
        return p.lock === 'trylock' ? 1 : 0;
      }
      case 'rmw': {
        const addr = word(m, name, w[a + p.locArg]);
        if (addr < 0) return 0;
        let x = typeof p.operand === 'number' ? w[a + p.operand] : p.operand.constant;
        if (negatedOperand.has(name)) x = -x | 0;
        const bit = bitOperand.has(name) ? x : 0;
        if (bitOperand.has(name)) x = 1 << x;
        if (p.op === 'add' && p.result === 'none') {
          // atomic_add/sub/inc/dec: no value returned, so the model may buffer it (weak); on a
          // page's _refcount, checked for overflow and freeing the page at zero (atomicAddWord)
          if (!atomicAddWord(m, w, t, addr, x)) m.status = Status.BLOCKED;
          return 0;
        }
        const y = p.op === 'cmpxchg' ? w[a + 2] : 0;
        const old = ms.rmw(w, L.memBase, L.mem, cpu, addr, p.op, x, y, p.order);
        if (p.op === 'add') checkRefcountAdd(m, addr, old, x); // a page's _refcount must not wrap
        switch (p.result) {
          case 'none': return 0;
          case 'old': return old;
          case 'new': return (old + x) | 0;
          case 'zero?': return ((old + x) | 0) === 0 ? 1 : 0;
          case 'bit': return (old >>> bit) & 1;
        }
      }
    }
  };
}

function docOf(name: string, p: Primitive): string {
  switch (p.kind) {
    case 'fence': return `${name}(): memory barrier (${p.fence})`;
    case 'lock': return `${name}(p): spin lock on the shared word *p (${p.lock === 'unlock' ? 'release' : 'acquire'})`;
    case 'load': return `${name}(p): load *p${p.acquire ? ', acquire' : ''}`;
    case 'store': return `${name}(p, v): store v to *p${p.release ? ', release' : ''}${p.mb ? ', then smp_mb()' : ''}`;
    case 'rmw': return `${name}: atomic ${p.op}, ${p.order === 'full' ? 'fully ordered' : p.order === 'relaxed' ? 'unordered' : p.order}`;
  }
}

/** the builtins, in a stable order (register them after the kernel's own) */
export const memoryBuiltins: Builtin[] = [...primitives()]
  .filter(([, p]) => !((p.kind === 'load' || p.kind === 'store') && p.deref))
  .map(([name, p]) => ({
    name, nargs: arity(p), visible: true, run: runner(name, p), doc: docOf(name, p),
    ...(p.kind === 'lock' && p.lock === 'lock' ? { blocks: lockBlocks, waitsFor: lockWaitsFor } : {}),
  }));
