// Sleeping locks: the page lock (PG_locked), rwsems (mmap_sem, writer-preferring) and mutexes
// (i_mutex). A task that cannot take a lock sleeps: the explorer simply does not schedule it
// until the lock is free, and a queued writer is a task sleeping at down_write().
import type { Builtin, Resource } from '../builtin.js';
import { badObject, describeValue, validObject } from '../access.js';
import { indexOf, Kind } from '../handles.js';
import { L_OWNER, L_READERS, lockAt, P_FLAGS, P_OWNER, PG_locked, pageAt } from '../layout.js';
import { pendingArgs, pendingBuiltin, type Machine } from '../machine.js';
import { lockOrder } from '../pagewords.js';

function page(m: Machine, h: number, fn: string): number {
  if (!validObject(m.layout, h, Kind.PAGE)) {
    if (h === 0) m.bug(`${fn}(NULL): NULL pointer dereference`); else badObject(m, h, Kind.PAGE, fn);
    return -1;
  }
  return pageAt(m.layout, indexOf(h));
}

function lock(m: Machine, h: number, fn: string, kind: 'rwsem' | 'mutex'): number {
  if (!validObject(m.layout, h, Kind.LOCK) || m.layout.locks[indexOf(h)].kind !== kind) {
    m.bug(h === 0 ? `${fn}(NULL): NULL pointer dereference` : `${fn}: not a ${kind === 'rwsem' ? 'struct rw_semaphore *' : 'struct mutex *'}, got ${describeValue(m.layout, h)}`);
    return -1;
  }
  return lockAt(m.layout, indexOf(h));
}

// blocks() runs before run(): a handle that names no object never blocks, and run() reports it
const pageLocked = (m: Machine, w: Int32Array, h: number) => validObject(m.layout, h, Kind.PAGE) && (w[pageAt(m.layout, indexOf(h)) + P_FLAGS] & PG_locked) !== 0;

const pageResource = (m: Machine, w: Int32Array, h: number): Resource => {
  const owner = w[pageAt(m.layout, indexOf(h)) + P_OWNER];
  return { name: `lock of ${m.layout.pageNames[indexOf(h)]}`, holders: owner ? [owner - 1] : [] };
};

const readers = (m: Machine, w: Int32Array, l: number): number[] => {
  const out: number[] = [];
  for (let t = 0; t < m.layout.nTasks; t++) if ((w[l + L_READERS] >>> (4 * t)) & 15) out.push(t);
  return out;
};

const lockName = (m: Machine, h: number) => m.layout.locks[indexOf(h)].name;

/** tasks other than t sleeping in down_write(h) */
function queuedWriters(m: Machine, w: Int32Array, h: number, t: number): number[] {
  const out: number[] = [];
  for (let u = 0; u < m.layout.nTasks; u++) {
    if (u !== t && pendingBuiltin(m, w, u) === DOWN_WRITE_ID.id && w[pendingArgs(m, w, u)] === h) {
      const l = lockAt(m.layout, indexOf(h));
      if (w[l + L_OWNER] !== 0 || w[l + L_READERS] !== 0) out.push(u);
    }
  }
  return out;
}

const isRwsem = (m: Machine, h: number) => validObject(m.layout, h, Kind.LOCK) && m.layout.locks[indexOf(h)].kind === 'rwsem';
const isMutex = (m: Machine, h: number) => validObject(m.layout, h, Kind.LOCK) && m.layout.locks[indexOf(h)].kind === 'mutex';

/** the id the down_write builtin gets in the table, filled in by the table */
export const DOWN_WRITE_ID = { id: -1 };

const countSem = (m: Machine, h: number) => { if (lockName(m, h).startsWith('mmap_sem')) m.count('mmap_sem'); };

export const lockBuiltins: Builtin[] = [
  {
    name: 'lock_page', nargs: 1, visible: true, sleeps: true, doc: 'sleep until the page is unlocked, then lock it (PG_locked)',
    blocks: (m, w, _t, a) => pageLocked(m, w, w[a]),
    waitsFor: (m, w, _t, a) => pageResource(m, w, w[a]),
    run(m, w, t, a) {
      const p = page(m, w[a], 'lock_page');
      if (p < 0) return 0;
      w[p + P_FLAGS] |= PG_locked;
      w[p + P_OWNER] = t + 1;
      m.count('pageLocks');
      lockOrder(m, w, t, 'acquire'); // lock_page is an ACQUIRE (test_and_set_bit_lock; x86: lock bts)
      return 0;
    },
  },
  {
    name: 'trylock_page', nargs: 1, visible: true, doc: 'lock the page if it is unlocked; 1 on success, 0 if it was locked',
    run(m, w, t, a) {
      const p = page(m, w[a], 'trylock_page');
      if (p < 0 || w[p + P_FLAGS] & PG_locked) return 0;
      w[p + P_FLAGS] |= PG_locked;
      w[p + P_OWNER] = t + 1;
      m.count('pageLocks');
      lockOrder(m, w, t, 'acquire'); // a successful trylock_page is an ACQUIRE; a failed one orders nothing
      return 1;
    },
  },
  {
    name: 'unlock_page', nargs: 1, visible: true, doc: 'unlock the page and wake its waiters; a bug if it was not locked',
    run(m, w, t, a) {
      const p = page(m, w[a], 'unlock_page');
      if (p < 0) return 0;
      if (!(w[p + P_FLAGS] & PG_locked)) return m.bug(`unlock_page() of an unlocked page (${m.layout.pageNames[indexOf(w[a])]})`);
      // 2.6.20's unlock_page clears PG_locked with test_and_clear_bit: fully ordered
      lockOrder(m, w, t, 'full');
      w[p + P_FLAGS] &= ~PG_locked;
      w[p + P_OWNER] = 0;
      return 0;
    },
  },
  {
    name: 'wait_on_page_locked', nargs: 1, visible: true, sleeps: true, doc: 'sleep until the page is unlocked (without taking the lock)',
    blocks: (m, w, _t, a) => pageLocked(m, w, w[a]),
    waitsFor: (m, w, _t, a) => pageResource(m, w, w[a]),
    run: (m, w, _t, a) => (page(m, w[a], 'wait_on_page_locked'), 0),
  },
  {
    name: 'PageLocked', nargs: 1, visible: true, doc: 'is the page locked?',
    run: (m, w, _t, a) => { const p = page(m, w[a], 'PageLocked'); return p < 0 ? 0 : +((w[p + P_FLAGS] & PG_locked) !== 0); },
  },
  {
    name: 'down_read', nargs: 1, visible: true, sleeps: true, doc: 'take the rwsem for reading; sleeps while a writer holds it or waits for it',
    readsOtherTasks: true, // queuedWriters
    blocks: (m, w, t, a) => isRwsem(m, w[a]) && (w[lockAt(m.layout, indexOf(w[a])) + L_OWNER] !== 0 || queuedWriters(m, w, w[a], t).length > 0),
    waitsFor(m, w, t, a) {
      const owner = w[lockAt(m.layout, indexOf(w[a])) + L_OWNER];
      return { name: `${lockName(m, w[a])} (read)`, holders: owner ? [owner - 1] : queuedWriters(m, w, w[a], t) };
    },
    run(m, w, t, a) {
      const l = lock(m, w[a], 'down_read', 'rwsem');
      if (l < 0) return 0;
      if (((w[l + L_READERS] >>> (4 * t)) & 15) === 15) return m.bug('down_read: too many recursive read locks');
      w[l + L_READERS] += 1 << (4 * t);
      countSem(m, w[a]);
      lockOrder(m, w, t, 'acquire'); // down_read is an ACQUIRE (LKMM lock.cat; x86: lock xadd)
      return 0;
    },
  },
  {
    name: 'up_read', nargs: 1, visible: true, doc: 'release a read hold of the rwsem',
    run(m, w, t, a) {
      const l = lock(m, w[a], 'up_read', 'rwsem');
      if (l < 0) return 0;
      if (((w[l + L_READERS] >>> (4 * t)) & 15) === 0) return m.bug(`up_read() of ${lockName(m, w[a])}, which ${m.taskNames[t]} does not hold for reading`);
      lockOrder(m, w, t, 'release'); // up_read is a RELEASE: the reader's accesses happen before a writer takes it
      w[l + L_READERS] -= 1 << (4 * t);
      return 0;
    },
  },
  {
    name: 'down_write', nargs: 1, visible: true, sleeps: true, doc: 'take the rwsem for writing; sleeps while anyone holds it',
    blocks: (m, w, _t, a) => isRwsem(m, w[a]) && (w[lockAt(m.layout, indexOf(w[a])) + L_OWNER] !== 0 || w[lockAt(m.layout, indexOf(w[a])) + L_READERS] !== 0),
    waitsFor(m, w, _t, a) {
      const l = lockAt(m.layout, indexOf(w[a]));
      return { name: `${lockName(m, w[a])} (write)`, holders: w[l + L_OWNER] ? [w[l + L_OWNER] - 1] : readers(m, w, l) };
    },
    run(m, w, t, a) {
      const l = lock(m, w[a], 'down_write', 'rwsem');
      if (l < 0) return 0;
      w[l + L_OWNER] = t + 1;
      countSem(m, w[a]);
      lockOrder(m, w, t, 'acquire'); // down_write is an ACQUIRE
      return 0;
    },
  },
  {
    name: 'up_write', nargs: 1, visible: true, doc: 'release the rwsem held for writing',
    run(m, w, t, a) {
      const l = lock(m, w[a], 'up_write', 'rwsem');
      if (l < 0) return 0;
      if (w[l + L_OWNER] !== t + 1) return m.bug(`up_write() of ${lockName(m, w[a])}, which ${m.taskNames[t]} does not hold for writing`);
      lockOrder(m, w, t, 'release'); // up_write is a RELEASE: the next holder sees every store made under it
      w[l + L_OWNER] = 0;
      return 0;
    },
  },
  {
    name: 'down_read_trylock', nargs: 1, visible: true, doc: 'take the rwsem for reading if that needs no sleep; 1 on success',
    readsOtherTasks: true, // queuedWriters
    run(m, w, t, a) {
      const l = lock(m, w[a], 'down_read_trylock', 'rwsem');
      if (l < 0 || w[l + L_OWNER] !== 0 || queuedWriters(m, w, w[a], t).length) return 0;
      w[l + L_READERS] += 1 << (4 * t);
      countSem(m, w[a]);
      lockOrder(m, w, t, 'acquire'); // a successful trylock is an ACQUIRE; a failed one orders nothing
      return 1;
    },
  },
  {
    name: 'mutex_lock', nargs: 1, visible: true, sleeps: true, doc: 'sleep until the mutex is free, then take it',
    blocks: (m, w, _t, a) => isMutex(m, w[a]) && w[lockAt(m.layout, indexOf(w[a])) + L_OWNER] !== 0,
    waitsFor(m, w, _t, a) {
      const owner = w[lockAt(m.layout, indexOf(w[a])) + L_OWNER];
      return { name: lockName(m, w[a]), holders: owner ? [owner - 1] : [] };
    },
    run(m, w, t, a) {
      const l = lock(m, w[a], 'mutex_lock', 'mutex');
      if (l < 0) return 0;
      w[l + L_OWNER] = t + 1;
      lockOrder(m, w, t, 'acquire'); // mutex_lock is an ACQUIRE: later loads see what the last holder wrote
      return 0;
    },
  },
  {
    name: 'mutex_trylock', nargs: 1, visible: true, doc: 'take the mutex if it is free; 1 on success',
    run(m, w, t, a) {
      const l = lock(m, w[a], 'mutex_trylock', 'mutex');
      if (l < 0 || w[l + L_OWNER] !== 0) return 0;
      w[l + L_OWNER] = t + 1;
      lockOrder(m, w, t, 'acquire'); // a successful trylock is an ACQUIRE; a failed one orders nothing
      return 1;
    },
  },
  {
    name: 'mutex_unlock', nargs: 1, visible: true, doc: 'release the mutex; a bug if the caller does not hold it',
    run(m, w, t, a) {
      const l = lock(m, w[a], 'mutex_unlock', 'mutex');
      if (l < 0) return 0;
      if (w[l + L_OWNER] !== t + 1) return m.bug(`mutex_unlock() of ${lockName(m, w[a])}, which ${m.taskNames[t]} does not hold`);
      lockOrder(m, w, t, 'release'); // mutex_unlock is a RELEASE: every store made under the mutex is visible first
      w[l + L_OWNER] = 0;
      return 0;
    },
  },
  {
    name: 'mutex_is_locked', nargs: 1, visible: true, doc: 'is the mutex held?',
    run: (m, w, _t, a) => { const l = lock(m, w[a], 'mutex_is_locked', 'mutex'); return l < 0 ? 0 : +(w[l + L_OWNER] !== 0); },
  },
];
