// Page flags, reference counts and the free-page pool.
import type { Builtin } from '../builtin.js';
import { pageBase } from '../access.js';
import { handle, indexOf, Kind } from '../handles.js';
import {
  P_FLAGS, P_MAP, P_MAPPING, P_OWNER, P_REF, PG_dirty, PG_free, PG_locked, PG_uptodate, pageAt,
} from '../layout.js';
import type { Machine } from '../machine.js';
import { checkRefcountAdd, isRefcountWord } from '../pagewords.js';

function flagTest(name: string, bit: number): Builtin {
  return {
    name, nargs: 1, visible: true, doc: `is ${name.replace(/^Page/, 'PG_').toLowerCase()} set?`,
    run: (m, w, _t, a) => { const p = pageBase(m, w[a], name); return p < 0 ? 0 : +((w[p + P_FLAGS] & bit) !== 0); },
  };
}

function flagSet(name: string, bit: number, on: boolean): Builtin {
  return {
    name, nargs: 1, visible: true, doc: `${on ? 'set' : 'clear'} the page flag`,
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], name);
      if (p < 0) return 0;
      const was = +((w[p + P_FLAGS] & bit) !== 0);
      if (on) w[p + P_FLAGS] |= bit; else w[p + P_FLAGS] &= ~bit;
      return was;
    },
  };
}

/** the file of a page-cache page, or -1 */
export function fileOf(w: Int32Array, p: number): number {
  const mapping = w[p + P_MAPPING];
  return mapping === 0 ? -1 : indexOf(mapping);
}

/**
 * base of page h's words, or -1 after reporting a bug: a NULL or wrong handle (pageBase), or a
 * page that its last put_page() freed and that is changed again ("use after free"; pages in the
 * free pool at the start count as freed). Builtins that only look (PageUptodate, page_count…)
 * and put_page (its underflow check says it) use pageBase.
 */
export function livePage(m: Machine, w: Int32Array, h: number, fn: string): number {
  const p = pageBase(m, h, fn);
  // the page is in the free pool: whatever the caller does with it uses freed memory
  if (p >= 0 && (w[p + P_FLAGS] & PG_free)) { m.bug(`use after free: ${fn}() on ${m.layout.pageNames[indexOf(h)]}, which its last put_page() freed`); return -1; }
  return p;
}

/**
 * take a reference, as get_page() does in the kernel: a count that would pass 2^31 - 1 is a bug
 * (include/linux/mm.h get_page(): VM_BUG_ON_PAGE(page_ref_zero_or_close_to_overflow(page)))
 * rather than a silent wrap; false when it was one
 */
export function refInc(m: Machine, w: Int32Array, t: number, p: number, name: string): boolean {
  commitRef(m, w, t, p);
  // the increment would wrap to a negative count: the kernel's overflow check fires
  if (w[p + P_REF] >= 0x7fffffff) { m.bug(`page refcount overflow on ${name}`); return false; }
  w[p + P_REF]++;
  return true;
}

/**
 * the CPU of task t makes its own buffered atomics on page p's `_refcount` (atomic_inc(&page->
 * _refcount), page_ref_add…) reach memory, so that a builtin acting on the count directly sees
 * them: get_page() and put_page() are atomics on that word in the kernel (include/linux/page_ref.h
 * page_ref_inc(), put_page_testzero()), and a CPU's atomics on one word are read-own-write
 */
export function commitRef(m: Machine, w: Int32Array, t: number, p: number): void {
  m.memory.commit(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], p - m.layout.memBase + P_REF);
}

/** `atomic_read(&page->_refcount)` by task t: a load through the memory model (sees its own atomics) */
export function loadRef(m: Machine, w: Int32Array, t: number, p: number): number {
  return m.memory.load(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], p - m.layout.memBase + P_REF);
}

/** drop a reference, as task t's CPU sees the count; at zero the page returns to the free pool */
export function putPage(m: Machine, w: Int32Array, t: number, p: number, name: string): void {
  commitRef(m, w, t, p);
  if (w[p + P_REF] <= 0) { m.bug(`put_page: reference count underflow on ${name}`); return; }
  w[p + P_REF]--;
  if (w[p + P_REF] === 0) freePage(m, w, p, name);
}

/** the count of page p (at its words) has reached zero: the page returns to the free pool */
function freePage(m: Machine, w: Int32Array, p: number, name: string): void {
  // mm/page_alloc.c free_pages_check(): a page freed in use is "Bad page state"
  if (w[p + P_MAPPING] !== 0) { m.bug(`Bad page state: freeing ${name} while it is still in the page cache`); return; }
  if (w[p + P_MAP] !== 0) { m.bug(`Bad page state: freeing ${name} while it is still mapped`); return; }
  if (w[p + P_FLAGS] & PG_locked) { m.bug(`Bad page state: freeing ${name} while it is locked`); return; }
  w[p + P_FLAGS] = PG_free;
  w[p + P_OWNER] = 0;
}

/**
 * A non-value-returning atomic add of `delta` to shared word addr by task t (atomic_add/sub/
 * inc/dec, page_ref_add/sub): through the memory model (weak buffers it), overflow-checked on a
 * page's `_refcount`. A decrement that takes a page's count to zero frees the page as put_page()
 * does: the kernel drops a last reference only with a value-returning atomic that tests for zero
 * (page_ref_sub_and_test(), put_page_testzero()) and then frees it (__put_page()), so the
 * decrement is performed fully ordered, at memory, in this step. False: the store buffer is full,
 * the task retries after a drain.
 */
export function atomicAddWord(m: Machine, w: Int32Array, t: number, addr: number, delta: number): boolean {
  const L = m.layout;
  const cpu = m.taskCpu[t];
  const before = m.memory.latest(w, L.memBase, L.mem, cpu, addr);
  const page = isRefcountWord(m, addr);
  if (page >= 0 && delta < 0 && before + delta === 0) {
    // the last reference goes: the count the CPU sees is what a fully ordered RMW reads
    m.memory.rmw(w, L.memBase, L.mem, cpu, addr, 'add', delta, 0, 'full');
    freePage(m, w, pageAt(L, page), L.pageNames[page]);
    return true;
  }
  if (!m.memory.add(w, L.memBase, L.mem, cpu, addr, delta)) return false;
  checkRefcountAdd(m, addr, before, delta);
  return true;
}

/** take the lowest free page (deterministic), or -1 */
export function allocPage(m: Machine, w: Int32Array): number {
  const L = m.layout;
  for (let i = 0; i < L.nPages; i++) {
    const p = pageAt(L, i);
    if (w[p + P_FLAGS] & PG_free) {
      w[p + P_FLAGS] = 0;
      w[p + P_REF] = 1;
      w[p + P_MAPPING] = 0;
      m.count('pagesAllocated');
      return i;
    }
  }
  return -1;
}

export const pageBuiltins: Builtin[] = [
  flagTest('PageUptodate', PG_uptodate),
  flagSet('SetPageUptodate', PG_uptodate, true),
  flagSet('ClearPageUptodate', PG_uptodate, false),
  flagTest('PageDirty', PG_dirty),
  flagSet('SetPageDirty', PG_dirty, true),
  flagSet('ClearPageDirty', PG_dirty, false),
  // PageWriteback is in writeback.ts: it reads the flags word through the memory model
  {
    name: 'set_page_dirty', nargs: 1, visible: true, doc: 'mark the page dirty; 1 if it was clean',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'set_page_dirty');
      if (p < 0) return 0;
      const was = w[p + P_FLAGS] & PG_dirty;
      w[p + P_FLAGS] |= PG_dirty;
      return was ? 0 : 1;
    },
  },
  {
    name: 'clear_page_dirty_for_io', nargs: 1, visible: true, doc: 'clear PG_dirty before writing the page out; 1 if it was dirty',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'clear_page_dirty_for_io');
      if (p < 0) return 0;
      if (!(w[p + P_FLAGS] & PG_locked)) return m.bug('clear_page_dirty_for_io() on an unlocked page');
      const was = w[p + P_FLAGS] & PG_dirty;
      w[p + P_FLAGS] &= ~PG_dirty;
      return was ? 1 : 0;
    },
  },
  {
    name: 'get_page', nargs: 1, visible: true, doc: 'take a reference on the page',
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], 'get_page');
      if (p < 0) return 0;
      commitRef(m, w, t, p);
      // include/linux/mm.h get_page(): VM_BUG_ON_PAGE(page_ref_count(page) <= 0)
      if (w[p + P_REF] <= 0) return m.bug(`get_page() on a free page (${m.layout.pageNames[indexOf(w[a])]})`);
      refInc(m, w, t, p, m.layout.pageNames[indexOf(w[a])]);
      return 0;
    },
  },
  {
    name: 'put_page', nargs: 1, visible: true, doc: 'drop a reference; at zero the page is freed',
    run(m, w, t, a) {
      const p = pageBase(m, w[a], 'put_page');
      if (p >= 0) putPage(m, w, t, p, m.layout.pageNames[indexOf(w[a])]);
      return 0;
    },
  },
  {
    // include/linux/mm.h page_count(): atomic_read(&page->_refcount), a load through the memory model
    name: 'page_count', nargs: 1, visible: true, doc: 'the reference count: atomic_read(&page->_refcount), through the memory model',
    run: (m, w, t, a) => { const p = pageBase(m, w[a], 'page_count'); return p < 0 ? 0 : loadRef(m, w, t, p); },
  },
  {
    name: 'page_mapcount', nargs: 1, visible: true, doc: 'how many page-table entries map the page',
    run: (m, w, _t, a) => { const p = pageBase(m, w[a], 'page_mapcount'); return p < 0 ? 0 : w[p + P_MAP]; },
  },
  {
    name: 'alloc_page', nargs: 0, visible: true, doc: 'a free page with one reference, or NULL when the pool is empty',
    run: (m, w) => { const i = allocPage(m, w); return i < 0 ? 0 : handle(Kind.PAGE, i); },
  },
  {
    name: 'page_cache_alloc', nargs: 1, visible: true, doc: 'a free page for the mapping (not yet in the cache), or NULL',
    run: (m, w) => { const i = allocPage(m, w); return i < 0 ? 0 : handle(Kind.PAGE, i); },
  },
];
