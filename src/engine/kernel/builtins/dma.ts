// Devices and pins: a DMA engine writes into pages it holds, with no page table and no fault, at
// points the explorer chooses (it is a task of its own); get_user_pages_fast's lockless page-table
// walk; page reference helpers through the memory model; completions between a driver and its
// device; and the oracle that DMA data reached the disk.
import type { Builtin } from '../builtin.js';
import { diskByte, expect, pageBase, validObject } from '../access.js';
import { handle, indexOf, Kind } from '../handles.js';
import { P_BYTES, P_INDEX, P_MAPPING, P_REF, PTE_WRITE, T_IRQ, T_STATUS, TAG_TASK, taskAt, TASK_DONE } from '../layout.js';
import { Status, type Machine } from '../machine.js';
import { lockOrder, pageWordAddr } from '../pagewords.js';
import { atomicAddWord, livePage } from './pages.js';
import { sealBuiltins, sealedWrite } from './seals.js';
import { pteIndex } from './usermem.js';

function word(m: Machine, h: number, fn: string): number {
  if (validObject(m.layout, h, Kind.WORD)) return indexOf(h);
  m.bug(h === 0 ? `NULL pointer dereference in ${fn}()` : `${fn}() needs a pointer to a shared variable (&x)`);
  return -1;
}

const pageIndex = (m: Machine, h: number, fn: string): number => (pageBase(m, h, fn) < 0 ? -1 : indexOf(h));

/** an atomic add to a page's _refcount (relaxed, like page_ref_add: the memory model may buffer it; pages.ts atomicAddWord) */
function refAdd(m: Machine, w: Int32Array, t: number, h: number, delta: number, fn: string): void {
  const i = pageIndex(m, h, fn);
  if (i >= 0 && !atomicAddWord(m, w, t, pageWordAddr(m, i, P_REF), delta)) m.status = Status.BLOCKED;
}

export const dmaBuiltins: Builtin[] = [
  {
    name: 'page_ref_count', nargs: 1, visible: true, doc: 'atomic_read(&page->_refcount), through the memory model',
    run(m, w, t, a) {
      const i = pageIndex(m, w[a], 'page_ref_count');
      return i < 0 ? 0 : m.memory.load(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], pageWordAddr(m, i, P_REF));
    },
  },
  {
    name: 'page_ref_add', nargs: 2, visible: true, doc: '(page, n): atomic_add(n, &page->_refcount), unordered; a bug if the count overflows',
    run: (m, w, t, a) => (refAdd(m, w, t, w[a], w[a + 1], 'page_ref_add'), 0),
  },
  {
    name: 'page_ref_sub', nargs: 2, visible: true, doc: '(page, n): atomic_sub(n, &page->_refcount), unordered',
    run: (m, w, t, a) => (refAdd(m, w, t, w[a], -w[a + 1], 'page_ref_sub'), 0),
  },
  {
    name: 'gup_fast_walk', nargs: 3, visible: true,
    doc: '(mm, addr, write): get_user_pages_fast\'s lockless page-table walk: the page mapped at addr (writable if write), or NULL. Needs interrupts off; never looks at a VMA; takes no reference',
    run(m, w, t, a) {
      const mm = expect(m, w[a], Kind.MM, 'gup_fast_walk');
      if (mm < 0) return 0;
      if (w[taskAt(m.layout, t) + T_IRQ] === 0) return m.bug('get_user_pages_fast walked the page tables with interrupts enabled: a concurrent unmap may free them under it');
      m.count('pageTableWalks');
      const e = pteIndex(m, mm, w[a + 1]);
      if (e < 0 || w[e] === 0 || (w[a + 2] && !(w[e] & PTE_WRITE))) return 0;
      return handle(Kind.PAGE, (w[e] & 0xfffff) - 1);
    },
  },
  {
    name: 'dma_write', nargs: 3, visible: true, doc: '(page, offset, byte): the device writes into the page by DMA: no page table, no fault, no lock',
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], 'dma_write');
      if (p < 0) return 0;
      const off = w[a + 1];
      if (off < 0 || off >= m.layout.pageSize) return m.bug(`dma_write at byte ${off} of a ${m.layout.pageSize}-byte page`);
      w[p + P_BYTES + off] = (w[a + 2] & 0xff) | ((TAG_TASK + t) << 8);
      m.count('bytesDMA');
      sealedWrite(m, w, w[p + P_MAPPING], `a DMA write through an earlier page reference (${m.taskNames[t]})`);
      return 0;
    },
  },
  {
    name: 'check_dma_reached_disk', nargs: 2, visible: true, doc: '(page, device): the oracle: every byte the device wrote into the page is on disk',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'check_dma_reached_disk');
      const dev = expect(m, w[a + 1], Kind.TASK, 'check_dma_reached_disk');
      if (p < 0 || dev < 0) return 0;
      const mapping = w[p + P_MAPPING];
      if (!mapping) return 0;
      const ps = m.layout.pageSize;
      const d = diskByte(m.layout, indexOf(mapping), w[p + P_INDEX] * ps);
      for (let k = 0; k < ps; k++) {
        const b = w[p + P_BYTES + k];
        if (b >>> 8 === TAG_TASK + dev && w[d + k] !== b) {
          return m.corrupt(`data the device wrote into ${m.layout.pageNames[indexOf(w[a])]} (byte ${k}) never reached the disk: the last writeback missed it`);
        }
      }
      return 0;
    },
  },
  {
    name: 'complete', nargs: 1, visible: true, doc: '(&done): signal a completion (fully ordered)',
    run(m, w, t, a) {
      const x = word(m, w[a], 'complete');
      if (x >= 0) m.memory.rmw(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], x, 'xchg', 1, 0, 'full');
      return 0;
    },
  },
  {
    name: 'wait_for_completion', nargs: 1, visible: true, sleeps: true, doc: '(&done): sleep until the completion is signalled (then fully ordered)',
    blocks(m, w, t, a) {
      const h = w[a];
      return validObject(m.layout, h, Kind.WORD) && m.memory.latest(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], indexOf(h)) === 0;
    },
    waitsFor: (m, w, _t, a) => ({ name: m.program.globals[indexOf(w[a])]?.name ?? 'a completion', holders: [] }),
    run(m, w, t, a) {
      if (word(m, w[a], 'wait_for_completion') >= 0 && !m.memory.fence(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], 'mb')) m.status = Status.BLOCKED;
      return 0;
    },
  },
  {
    name: 'oracle_not_both_zero', nargs: 2, visible: true,
    doc: '(&r0, &r1): scenario harness, not kernel API: corruption if both values, as memory settles, are still 0 (each CPU missed the other)',
    run(m, w, _t, a) {
      const x = word(m, w[a], 'oracle_not_both_zero');
      const y = word(m, w[a + 1], 'oracle_not_both_zero');
      if (x < 0 || y < 0) return 0;
      const L = m.layout;
      const name = (addr: number) => m.program.globals[addr]?.name ?? `word ${addr}`;
      if (m.memory.settled(w, L.memBase, L.mem, x) === 0 && m.memory.settled(w, L.memBase, L.mem, y) === 0) {
        return m.corrupt(`${name(x)} = 0 and ${name(y)} = 0: each CPU read the other's flag before the other's store reached it`);
      }
      return 0;
    },
  },
  {
    name: 'wait_for_other_tasks', nargs: 0, visible: true, doc: 'scenario harness, not kernel API: sleep until every other task has finished',
    readsOtherTasks: true,
    blocks(m, w, t) {
      for (let u = 0; u < m.layout.nTasks; u++) if (u !== t && w[taskAt(m.layout, u) + T_STATUS] !== TASK_DONE) return true;
      return false;
    },
    waitsFor: () => ({ name: 'the other tasks to finish', holders: [] }),
    run(m, w, t) {
      // every other task has exited, and exit is fully ordered: their CPUs' buffered stores and
      // atomics (weak, tso) are visible now, and so is everything to this CPU (a wake-up)
      const L = m.layout;
      for (let c = 0; c < L.mem.cpus; c++) if (c !== m.taskCpu[t]) m.memory.fence(w, L.memBase, L.mem, c, 'mb');
      lockOrder(m, w, t, 'wake');
      return 0;
    },
  },
  ...sealBuiltins,
];
