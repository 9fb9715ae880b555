// Writeback and stable pages: PG_writeback, write-protecting a page's PTEs, the filesystem's
// buffers (PagePrivate), and the I/O that copies a page to its blocks. PG_writeback is set,
// cleared and tested through the memory system (pagewords.ts): Jérôme Glisse's 2019 barrier
// scheme stands or falls on how a CPU sees that bit, so it must be reorderable like any word.
// The rest (PG_private, PTEs, bytes) is plain sequentially consistent kernel state.
import type { Builtin } from '../builtin.js';
import { diskByte, expect, pageBase } from '../access.js';
import { indexOf, Kind } from '../handles.js';
import { P_BYTES, P_FLAGS, P_INDEX, PG_dirty, PG_locked, PG_private, PG_writeback, PTE_WRITE } from '../layout.js';
import { Status, type Machine } from '../machine.js';
import { flagsAddr, lockOrder } from '../pagewords.js';
import { fileOf, livePage } from './pages.js';
import { ipiWait, irqOffMapper, pteIndex } from './usermem.js';

/** the page's flags word as this task's CPU sees it (may be stale under `weak`) */
function loadFlags(m: Machine, w: Int32Array, t: number, h: number, fn: string): number {
  const x = flagsAddr(m, h);
  if (x < 0) { pageBase(m, h, fn); return 0; }
  return m.memory.load(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], x);
}

/** an atomic bit operation on the flags word; returns the old word */
function rmwFlags(m: Machine, w: Int32Array, t: number, h: number, set: boolean, bit: number, fn: string): number {
  const x = flagsAddr(m, h);
  if (x < 0) { pageBase(m, h, fn); return 0; }
  return m.memory.rmw(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], x, set ? 'or' : 'andnot', bit, 0, 'full');
}

/** what a sleeping task sees when it is woken: the latest value of the flags word */
function latestFlags(m: Machine, w: Int32Array, t: number, h: number): number {
  const x = flagsAddr(m, h);
  return x < 0 ? 0 : m.memory.latest(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], x);
}

const pageName = (m: Machine, h: number) => m.layout.pageNames[indexOf(h)];

export const writebackBuiltins: Builtin[] = [
  {
    name: 'PageWriteback', nargs: 1, visible: true, doc: 'is PG_writeback set? (a plain test_bit: under weak memory it may see an old value)',
    run: (m, w, t, a) => +((loadFlags(m, w, t, w[a], 'PageWriteback') & PG_writeback) !== 0),
  },
  {
    name: 'TestSetPageWriteback', nargs: 1, visible: true, doc: 'set PG_writeback, returning whether it was set; fully ordered (a value-returning atomic)',
    run: (m, w, t, a) => +((rmwFlags(m, w, t, w[a], true, PG_writeback, 'TestSetPageWriteback') & PG_writeback) !== 0),
  },
  {
    name: 'test_set_page_writeback', nargs: 1, visible: true, doc: 'start writeback of a locked page: set PG_writeback (fully ordered); 1 if it was already set',
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], 'test_set_page_writeback');
      if (p < 0) return 0;
      if (!(w[p + P_FLAGS] & PG_locked)) return m.bug(`test_set_page_writeback() of ${pageName(m, w[a])}, which is not locked`);
      return +((rmwFlags(m, w, t, w[a], true, PG_writeback, 'test_set_page_writeback') & PG_writeback) !== 0);
    },
  },
  {
    name: 'end_page_writeback', nargs: 1, visible: true, doc: 'the write-out is done: clear PG_writeback (fully ordered) and wake its waiters',
    run(m, w, t, a) {
      const old = rmwFlags(m, w, t, w[a], false, PG_writeback, 'end_page_writeback');
      if (m.status === Status.OK && !(old & PG_writeback)) return m.bug(`end_page_writeback() of ${pageName(m, w[a])}, which is not under writeback`);
      return 0;
    },
  },
  {
    // include/linux/pagemap.h wait_on_page_writeback(): if (PageWriteback(page)) wait_on_page_bit(…):
    // a page not under writeback returns at once, and only the wait may sleep
    name: 'wait_on_page_writeback', nargs: 1, visible: true, doc: 'sleep until PG_writeback is clear (returns at once, without sleeping, when it is)',
    sleeps: (m, w, t, a) => (latestFlags(m, w, t, w[a]) & PG_writeback) !== 0,
    blocks: (m, w, t, a) => (latestFlags(m, w, t, w[a]) & PG_writeback) !== 0,
    waitsFor: (m, w, _t, a) => ({ name: `writeback of ${pageName(m, w[a])}`, holders: [] }),
    run(m, w, t, a) {
      if (livePage(m, w, w[a], 'wait_on_page_writeback') >= 0) lockOrder(m, w, t, 'wake');
      return 0;
    },
  },
  {
    name: 'PagePrivate', nargs: 1, visible: true, doc: 'does the page carry the filesystem\'s buffers (PG_private)?',
    run: (m, w, _t, a) => { const p = pageBase(m, w[a], 'PagePrivate'); return p < 0 ? 0 : +((w[p + P_FLAGS] & PG_private) !== 0); },
  },
  {
    name: 'attach_page_buffers', nargs: 1, visible: true, doc: 'give the locked page its filesystem buffers (create_empty_buffers): sets PG_private',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'attach_page_buffers');
      if (p < 0) return 0;
      if (!(w[p + P_FLAGS] & PG_locked)) return m.bug(`attach_page_buffers() of ${pageName(m, w[a])}, which is not locked`);
      w[p + P_FLAGS] |= PG_private;
      return 0;
    },
  },
  {
    name: 'try_to_release_page', nargs: 1, visible: true, doc: 'free the locked page\'s buffers if they are not busy (clean, not under writeback); 1 if released',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'try_to_release_page');
      if (p < 0) return 0;
      if (!(w[p + P_FLAGS] & PG_locked)) return m.bug(`try_to_release_page() of ${pageName(m, w[a])}, which is not locked`);
      if (w[p + P_FLAGS] & (PG_dirty | PG_writeback)) return 0;
      w[p + P_FLAGS] &= ~PG_private;
      return 1;
    },
  },
  {
    name: 'page_mkclean', nargs: 1, visible: true, doc: 'write-protect every PTE that maps the locked page, so a CPU store faults (a device\'s does not); how many it cleaned. Waits while a task of an mm that maps the page writable runs with interrupts off (the TLB flush\'s IPI is not taken until it enables them: GUP-fast)',
    // flush_tlb_page() after the write-protect sends an IPI to every CPU running the mm, and waits
    // for it: a CPU with interrupts off (GUP-fast) takes it only when it enables them again
    blocks: (m, w, t, a) => irqOffMapper(m, w, t, w[a], true) >= 0,
    waitsFor: (m, w, t, a) => {
      return ipiWait(m, irqOffMapper(m, w, t, w[a], true));
    },
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'page_mkclean');
      if (p < 0) return 0;
      if (!(w[p + P_FLAGS] & PG_locked)) return m.bug(`page_mkclean() of ${pageName(m, w[a])}, which is not locked`);
      const target = indexOf(w[a]) + 1;
      let n = 0;
      for (const mm of m.layout.mms) {
        for (let s = 0; s < mm.slots.length; s++) {
          const e = mm.base + s;
          if ((w[e] & 0xfffff) === target && w[e] & PTE_WRITE) { w[e] &= ~PTE_WRITE; n++; }
        }
      }
      return n;
    },
  },
  {
    name: 'wp_page_reuse', nargs: 3, visible: true,
    doc: '(vma, addr, page): the end of a write fault, under the PTE lock: if the PTE still maps the page, make it writable (0); if it changed meanwhile, 1 (the fault is retried)',
    run(m, w, _t, a) {
      const v = expect(m, w[a], Kind.VMA, 'wp_page_reuse');
      const p = livePage(m, w, w[a + 2], 'wp_page_reuse');
      if (v < 0 || p < 0) return 0;
      if (!m.layout.vmas[v].writable) return m.bug('wp_page_reuse: the VMA is not writable');
      const e = pteIndex(m, m.layout.vmas[v].mm, w[a + 1]);
      if (e < 0 || (w[e] & 0xfffff) !== indexOf(w[a + 2]) + 1) return 1;
      w[e] |= PTE_WRITE;
      return 0;
    },
  },
  {
    name: 'submit_page_write', nargs: 1, visible: true, doc: 'the write I/O of a page under writeback: copy its bytes to its blocks on disk',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'submit_page_write');
      if (p < 0) return 0;
      if (!(w[p + P_FLAGS] & PG_writeback)) return m.bug(`submit_page_write() of ${pageName(m, w[a])}, which is not under writeback`);
      const f = fileOf(w, p);
      if (f < 0) return m.bug(`submit_page_write() of ${pageName(m, w[a])}, which is not in a page cache`);
      const ps = m.layout.pageSize;
      const d = diskByte(m.layout, f, w[p + P_INDEX] * ps);
      for (let k = 0; k < ps; k++) w[d + k] = w[p + P_BYTES + k];
      m.count('pagesWritten');
      return 0;
    },
  },
  {
    name: 'verify_stable_write', nargs: 1, visible: true, doc: 'the disk checks what it was sent (a checksum, a RAID parity): the page must not have changed during its write',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'verify_stable_write');
      if (p < 0) return 0;
      const f = fileOf(w, p);
      if (f < 0) return 0;
      const ps = m.layout.pageSize;
      const d = diskByte(m.layout, f, w[p + P_INDEX] * ps);
      for (let k = 0; k < ps; k++) {
        if ((w[d + k] & 0xff) !== (w[p + P_BYTES + k] & 0xff)) {
          return m.corrupt(`${pageName(m, w[a])} changed while it was under writeback (byte ${k}): the disk requires stable pages, and what it checksummed is not what it stored`);
        }
      }
      return 0;
    },
  },
];
