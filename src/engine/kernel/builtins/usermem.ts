// User memory: VMAs, page-table entries, and copies between user addresses and pages.
// The copies are the kernel's atomic variants: they never fault, they stop at the first
// address whose PTE is missing and return how many bytes they did NOT copy. The faulting
// copy_from_user/copy_to_user are prelude functions built on them, so a reader can see
// (and change) exactly where a fault is taken and which locks it needs.
import type { Builtin } from '../builtin.js';
import { expect, pageBase } from '../access.js';
import { handle, indexOf, isKind, Kind } from '../handles.js';
import {
  F_SIZE, P_BYTES, P_INDEX, P_MAP, P_MAPPING, pageAt, PTE_WRITE, T_IRQ, T_PFDIS, T_PREEMPT, TAG_NOBODY, TAG_STALE, TAG_TASK, TAG_ZERO,
  T_STATUS, taskAt, TASK_DONE, VMA_LOCKED, VMA_MAPPED,
} from '../layout.js';
import type { Machine } from '../machine.js';
import { inAtomic } from '../context.js';
import { sealedWrite } from './seals.js';
import { livePage, putPage, refInc } from './pages.js';

/** world index of the PTE for user address addr in mm, or -1 when no VMA slot covers it */
export function pteIndex(m: Machine, mm: number, addr: number): number {
  const info = m.layout.mms[mm];
  const vpn = Math.floor(addr / m.layout.pageSize);
  const s = info.slots.indexOf(vpn);
  return s < 0 ? -1 : info.base + s;
}

/** the mapped VMA of mm containing addr, or -1 */
export function vmaOf(m: Machine, w: Int32Array, mm: number, addr: number): number {
  for (const v of m.layout.mms[mm].vmas) {
    const vi = m.layout.vmas[v];
    if (addr >= vi.start && addr < vi.end && w[m.layout.vmaBase + v] & VMA_MAPPED) return v;
  }
  return -1;
}

/** remove the PTE at world index e (if present), dropping the mapping's reference */
export function zapPte(m: Machine, w: Int32Array, t: number, e: number) {
  const pte = w[e];
  if (pte === 0) return;
  w[e] = 0;
  const p = pageAt(m.layout, (pte & 0xfffff) - 1);
  w[p + P_MAP]--;
  putPage(m, w, t, p, m.layout.pageNames[(pte & 0xfffff) - 1]);
}

function vmaArg(m: Machine, h: number, fn: string): number {
  return expect(m, h, Kind.VMA, fn);
}

/** a task other than t, with interrupts off, running in address space mm (-1: any); or -1 */
function irqOffIn(m: Machine, w: Int32Array, t: number, mm: number, page: number, writableOnly: boolean): number {
  for (let u = 0; u < m.taskMm.length; u++) {
    const tb = taskAt(m.layout, u);
    if (u === t || m.taskMm[u] < 0 || w[tb + T_STATUS] === TASK_DONE || w[tb + T_IRQ] === 0) continue;
    if (mm >= 0 && m.taskMm[u] !== mm) continue;
    if (page < 0) return u;
    const s = m.layout.mms[m.taskMm[u]];
    for (let k = 0; k < s.slots.length; k++) {
      const e = w[s.base + k];
      if ((e & 0xfffff) === page + 1 && (!writableOnly || (e & PTE_WRITE))) return u;
    }
  }
  return -1;
}

/**
 * the task a TLB flush for page h waits for: one, other than t, that runs an mm mapping the page
 * (writable, for page_mkclean) with interrupts off, so the flush's IPI is not taken (GUP-fast); or -1
 */
export function irqOffMapper(m: Machine, w: Int32Array, t: number, h: number, writableOnly: boolean): number {
  return pageBase(m, h, 'TLB flush') < 0 ? -1 : irqOffIn(m, w, t, -1, indexOf(h), writableOnly);
}

/** what a TLB flush waits for, for a deadlock's cycle */
export function ipiWait(m: Machine, u: number): { name: string; holders: number[] } {
  return { name: `the TLB-flush IPI to ${u < 0 ? '?' : m.taskNames[u]} (interrupts off)`, holders: u < 0 ? [] : [u] };
}

/** the user address range check of copies: how many bytes of [addr, addr+n) have present PTEs, in order */
function copyable(m: Machine, w: Int32Array, mm: number, addr: number, n: number, write: boolean): number {
  let k = 0;
  let lastVpn = -1;
  for (; k < n; k++) {
    const e = pteIndex(m, mm, addr + k);
    if (e < 0 || w[e] === 0 || (write && !(w[e] & PTE_WRITE))) break;
    const vpn = Math.floor((addr + k) / m.layout.pageSize);
    if (vpn !== lastVpn) { m.count('pageTableWalks'); lastVpn = vpn; }
  }
  return k;
}

function userByte(m: Machine, w: Int32Array, mm: number, addr: number): number {
  const pte = w[pteIndex(m, mm, addr)];
  return pageAt(m.layout, (pte & 0xfffff) - 1) + P_BYTES + (addr % m.layout.pageSize);
}

/**
 * A kernel thread's buffer (set_fs(KERNEL_DS)): the world index of the byte at kernel address
 * addr in one of the scenario's `kbuf` pages, or -1. Only tasks without an mm look here.
 */
function kernelByte(m: Machine, addr: number): number {
  const bufs = m.spec.kernelBuffers;
  if (!bufs) return -1;
  const size = m.layout.pageSize;
  for (const b of bufs) if (addr >= b.start && addr < b.start + size) return pageAt(m.layout, b.page) + P_BYTES + (addr - b.start);
  return -1;
}

/** how many bytes of [addr, addr+n) are in kernel buffers, in order */
function kernelCopyable(m: Machine, addr: number, n: number): number {
  let k = 0;
  while (k < n && kernelByte(m, addr + k) >= 0) k++;
  return k;
}

/** the read oracle: bytes handed to a reader must have been written by someone */
function checkRead(m: Machine, w: Int32Array, p: number, off: number, n: number) {
  const L = m.layout;
  const mapping = w[p + P_MAPPING];
  const pageName = L.pageNames[(p - L.pageBase) / L.pageWords];
  for (let k = 0; k < n; k++) {
    const tag = w[p + P_BYTES + off + k] >>> 8;
    const pos = w[p + P_INDEX] * L.pageSize + off + k;
    const where = mapping !== 0 ? `byte ${pos} of file ${L.files[indexOf(mapping)].name}` : `byte ${off + k} of ${pageName}`;
    if (tag === TAG_NOBODY) { m.corrupt(`a read returned a byte nobody wrote (${where}: uninitialised memory)`); return; }
    if (tag === TAG_STALE) { m.corrupt(`a read returned stale data from disk (${where}: a block never written)`); return; }
    if (tag === TAG_ZERO && mapping !== 0) {
      const f = indexOf(mapping);
      const original = m.spec.files[f]?.content.length ?? 0;
      if (pos < original && pos < w[L.files[f].base + F_SIZE]) {
        m.corrupt(`a read returned a zero that no write() wrote (${where})`);
        return;
      }
    }
  }
}

const CONTEXTS: Record<number, [string, string]> = {
  [T_PFDIS]: ['pagefault-disabled', 'pagefault_disable'], [T_IRQ]: ['interrupts-off', 'local_irq_disable'],
  [T_PREEMPT]: ['preemption-disabled (atomic)', 'preempt_disable'],
};

function taskFlag(word: number, delta: number, name: string): Builtin {
  const [what, enter] = CONTEXTS[word];
  return {
    name, nargs: 0, visible: false, doc: `${delta > 0 ? 'enter' : 'leave'} ${what} context`,
    run(m, w, t) {
      const at = taskAt(m.layout, t) + word;
      if (w[at] + delta < 0) return m.bug(`${name}() without a matching ${enter}()`);
      w[at] += delta;
      return 0;
    },
  };
}

export const userMemoryBuiltins: Builtin[] = [
  {
    name: 'find_vma', nargs: 2, visible: true, doc: '(mm, addr): the VMA mapping addr, or NULL',
    run(m, w, _t, a) {
      const mm = expect(m, w[a], Kind.MM, 'find_vma');
      if (mm < 0) return 0;
      const v = vmaOf(m, w, mm, w[a + 1]);
      return v < 0 ? 0 : handle(Kind.VMA, v);
    },
  },
  {
    name: 'follow_page', nargs: 3, visible: true, doc: '(vma, addr, flags): walk the page table: the mapped page, or NULL; FOLL_GET takes a reference, FOLL_WRITE needs a writable PTE',
    run(m, w, t, a) {
      const v = vmaArg(m, w[a], 'follow_page');
      if (v < 0) return 0;
      m.count('pageTableWalks');
      const e = pteIndex(m, m.layout.vmas[v].mm, w[a + 1]);
      if (e < 0 || w[e] === 0 || ((w[a + 2] & 1) && !(w[e] & PTE_WRITE))) return 0;
      const i = (w[e] & 0xfffff) - 1;
      if ((w[a + 2] & 4) && !refInc(m, w, t, pageAt(m.layout, i), m.layout.pageNames[i])) return 0;
      return handle(Kind.PAGE, i);
    },
  },
  {
    name: 'install_pte', nargs: 3, visible: true, doc: '(vma, addr, page): map the page at addr (takes a reference); -EEXIST if already mapped',
    run(m, w, t, a) {
      const v = vmaArg(m, w[a], 'install_pte');
      const p = livePage(m, w, w[a + 2], 'install_pte');
      if (v < 0 || p < 0) return 0;
      const vi = m.layout.vmas[v];
      const e = pteIndex(m, vi.mm, w[a + 1]);
      if (e < 0 || w[a + 1] < vi.start || w[a + 1] >= vi.end) return m.bug(`install_pte: address ${w[a + 1]} is outside the VMA`);
      if (w[e] !== 0) return -17;
      if (!refInc(m, w, t, p, m.layout.pageNames[indexOf(w[a + 2])])) return 0;
      w[e] = (indexOf(w[a + 2]) + 1) | (vi.writable ? PTE_WRITE : 0);
      w[p + P_MAP]++;
      return 0;
    },
  },
  {
    name: 'zap_pte', nargs: 2, visible: true, doc: '(vma, addr): unmap addr (drops the mapping\'s reference); waits while another task of the mm has interrupts off (the TLB flush\'s IPI)',
    // the TLB flush after the unmap waits for every CPU running the mm: one with interrupts off
    // (GUP-fast) takes the IPI only when it enables them, so the page cannot go while it walks
    blocks: (m, w, t, a) => isKind(w[a], Kind.VMA) && irqOffIn(m, w, t, m.layout.vmas[indexOf(w[a])].mm, -1, false) >= 0,
    waitsFor: (m, w, t, a) => ipiWait(m, isKind(w[a], Kind.VMA) ? irqOffIn(m, w, t, m.layout.vmas[indexOf(w[a])].mm, -1, false) : -1),
    run(m, w, t, a) {
      const v = vmaArg(m, w[a], 'zap_pte');
      if (v < 0) return 0;
      const e = pteIndex(m, m.layout.vmas[v].mm, w[a + 1]);
      if (e >= 0) zapPte(m, w, t, e);
      return 0;
    },
  },
  {
    name: 'unmap_mapping_page', nargs: 1, visible: true, doc: 'zap every PTE, in every mm, that maps the page (truncate\'s unmap_mapping_range); waits while a task of such an mm has interrupts off (the TLB flush\'s IPI)',
    blocks: (m, w, t, a) => irqOffMapper(m, w, t, w[a], false) >= 0,
    waitsFor: (m, w, t, a) => ipiWait(m, irqOffMapper(m, w, t, w[a], false)),
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], 'unmap_mapping_page');
      if (p < 0) return 0;
      const target = indexOf(w[a]) + 1;
      for (const mm of m.layout.mms) for (let s = 0; s < mm.slots.length; s++) if ((w[mm.base + s] & 0xfffff) === target) zapPte(m, w, t, mm.base + s);
      return 0;
    },
  },
  {
    // mm/rmap.c try_to_unmap(): reclaim's unmap, which fails (SWAP_FAIL) for a page that a
    // VM_LOCKED mapping maps: mlock()ed memory stays resident
    name: 'try_to_unmap', nargs: 1, visible: true, doc: 'reclaim\'s unmap: zap every PTE that maps the page and return 0, or return 1 (SWAP_FAIL) and unmap nothing if an mlock()ed (VM_LOCKED) mapping maps it; waits like unmap_mapping_page',
    blocks: (m, w, t, a) => irqOffMapper(m, w, t, w[a], false) >= 0,
    waitsFor: (m, w, t, a) => ipiWait(m, irqOffMapper(m, w, t, w[a], false)),
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], 'try_to_unmap');
      if (p < 0) return 0;
      const target = indexOf(w[a]) + 1;
      const L = m.layout;
      for (let v = 0; v < L.vmas.length; v++) {
        if (!(w[L.vmaBase + v] & VMA_LOCKED)) continue;
        for (let addr = L.vmas[v].start; addr < L.vmas[v].end; addr += L.pageSize) {
          // a VM_LOCKED VMA maps the page: try_to_unmap_one() refuses, and the page stays
          if ((w[pteIndex(m, L.vmas[v].mm, addr)] & 0xfffff) === target) return 1;
        }
      }
      for (const mm of L.mms) for (let s = 0; s < mm.slots.length; s++) if ((w[mm.base + s] & 0xfffff) === target) zapPte(m, w, t, mm.base + s);
      return 0;
    },
  },
  {
    name: 'unmap_vma', nargs: 1, visible: true, doc: 'zap the VMA\'s PTEs and remove it from its mm (munmap); waits like zap_pte',
    blocks: (m, w, t, a) => isKind(w[a], Kind.VMA) && irqOffIn(m, w, t, m.layout.vmas[indexOf(w[a])].mm, -1, false) >= 0,
    waitsFor: (m, w, t, a) => ipiWait(m, isKind(w[a], Kind.VMA) ? irqOffIn(m, w, t, m.layout.vmas[indexOf(w[a])].mm, -1, false) : -1),
    run(m, w, t, a) {
      const v = vmaArg(m, w[a], 'unmap_vma');
      if (v < 0) return 0;
      const vi = m.layout.vmas[v];
      for (let addr = vi.start; addr < vi.end; addr += m.layout.pageSize) zapPte(m, w, t, pteIndex(m, vi.mm, addr));
      w[m.layout.vmaBase + v] &= ~VMA_MAPPED;
      return 0;
    },
  },
  {
    name: '__copy_from_user_inatomic', nargs: 4, visible: true, doc: '(page, offset, from, n): copy user bytes into the page without faulting; returns bytes not copied',
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], '__copy_from_user_inatomic');
      const off = w[a + 1], from = w[a + 2], n = w[a + 3];
      if (p < 0) return 0;
      if (off < 0 || n < 0 || off + n > m.layout.pageSize) return m.bug(`copy into bytes ${off}..${off + n} of a ${m.layout.pageSize}-byte page`);
      const mm = m.taskMm[t];
      if (mm < 0) { // a kernel thread: its buffer is kernel memory, or the copy fails
        const k = kernelCopyable(m, from, n);
        for (let i = 0; i < k; i++) w[p + P_BYTES + off + i] = (w[kernelByte(m, from + i)] & 0xff) | ((TAG_TASK + t) << 8);
        m.count('bytesCopied', k);
        return n - k;
      }
      const k = copyable(m, w, mm, from, n, false);
      for (let i = 0; i < k; i++) w[p + P_BYTES + off + i] = (w[userByte(m, w, mm, from + i)] & 0xff) | ((TAG_TASK + t) << 8);
      m.count('bytesCopied', k);
      // the seal oracle: a copy into a page of a file sealed F_SEAL_WRITE is a write() the kernel let through
      if (k > 0) sealedWrite(m, w, w[p + P_MAPPING], `a write() by ${m.taskNames[t]}`);
      return n - k;
    },
  },
  {
    name: '__copy_to_user_inatomic', nargs: 4, visible: true, doc: '(to, page, offset, n): copy page bytes to user memory without faulting; returns bytes not copied',
    run(m, w, t, a) {
      const to = w[a], p = livePage(m, w, w[a + 1], '__copy_to_user_inatomic');
      const off = w[a + 2], n = w[a + 3];
      if (p < 0) return 0;
      if (off < 0 || n < 0 || off + n > m.layout.pageSize) return m.bug(`copy from bytes ${off}..${off + n} of a ${m.layout.pageSize}-byte page`);
      const mm = m.taskMm[t];
      if (mm < 0) {
        const k = kernelCopyable(m, to, n);
        checkRead(m, w, p, off, k);
        for (let i = 0; i < k; i++) w[kernelByte(m, to + i)] = w[p + P_BYTES + off + i];
        m.count('bytesCopied', k);
        return n - k;
      }
      const k = copyable(m, w, mm, to, n, true);
      checkRead(m, w, p, off, k);
      for (let i = 0; i < k; i++) {
        w[userByte(m, w, mm, to + i)] = w[p + P_BYTES + off + i];
        // the seal oracle: a store through a writable mapping of a sealed file changes the file
        const dst = pageAt(m.layout, (w[pteIndex(m, mm, to + i)] & 0xfffff) - 1);
        sealedWrite(m, w, w[dst + P_MAPPING], `a store through ${m.taskNames[t]}'s writable mapping`);
      }
      m.count('bytesCopied', k);
      return n - k;
    },
  },
  {
    name: 'user_byte', nargs: 1, visible: true, doc: '(addr): the byte at a user address of the current mm (a kernel thread: of a kbuf), or -1 if not mapped (a test helper, not kernel API)',
    run(m, w, t, a) {
      const mm = m.taskMm[t];
      if (mm < 0) { const b = kernelByte(m, w[a]); return b < 0 ? -1 : w[b] & 0xff; }
      const e = pteIndex(m, mm, w[a]);
      return e < 0 || w[e] === 0 ? -1 : w[userByte(m, w, mm, w[a])] & 0xff;
    },
  },
  taskFlag(T_PFDIS, 1, 'pagefault_disable'),
  taskFlag(T_PFDIS, -1, 'pagefault_enable'),
  taskFlag(T_IRQ, 1, 'local_irq_disable'),
  taskFlag(T_IRQ, -1, 'local_irq_enable'),
  taskFlag(T_PREEMPT, 1, 'preempt_disable'),
  taskFlag(T_PREEMPT, -1, 'preempt_enable'),
  {
    name: 'pagefault_disabled', nargs: 0, visible: false, doc: 'is the caller under pagefault_disable()?',
    run: (m, w, t) => +(w[taskAt(m.layout, t) + T_PFDIS] !== 0),
  },
  {
    name: 'in_atomic', nargs: 0, visible: false, doc: 'may the caller not sleep (a spinlock held, preempt_disable, pagefault_disable or interrupts off)?',
    run: (m, w, t) => +inAtomic(m, w, t),
  },
  {
    name: 'irqs_disabled', nargs: 0, visible: false, doc: 'are interrupts off?',
    run: (m, w, t) => +(w[taskAt(m.layout, t) + T_IRQ] !== 0),
  },
  {
    name: 'might_sleep', nargs: 0, visible: false, sleeps: true, doc: 'a bug if the caller may not sleep',
    run: () => 0,
  },
];
