// The fixed layout of a world vector: where each page, lock, file, mm, task and shared word
// lives. One Int32Array holds the whole state, so copying is one `set` and hashing one loop.
import type { MemoryLayout } from '../memory/model.js';
import type { ScenarioSpec } from './spec.js';

// page words
export const P_FLAGS = 0, P_OWNER = 1, P_REF = 2, P_MAP = 3, P_MAPPING = 4, P_INDEX = 5, P_PRIVATE = 6, P_BYTES = 7;
// page flag bits
export const PG_locked = 1, PG_uptodate = 2, PG_dirty = 4, PG_writeback = 8, PG_private = 16, PG_free = 32, PG_mlocked = 64, PG_anon = 128;
export const PAGE_FLAG_NAMES: [number, string][] = [
  [PG_locked, 'locked'], [PG_uptodate, 'uptodate'], [PG_dirty, 'dirty'], [PG_writeback, 'writeback'],
  [PG_private, 'private'], [PG_free, 'free'], [PG_mlocked, 'mlocked'], [PG_anon, 'anon'],
];
// lock words: writer/owner (task + 1), readers (4 bits of count per task)
export const L_OWNER = 0, L_READERS = 1, LOCK_WORDS = 2;
// file words: i_size, then page-cache slots, then disk bytes
export const F_SIZE = 0, F_CACHE = 1;
// task words
// (T_PREEMPT: preempt_disable depth; T_SPINS: spinlocks held; T_SPINLOCK: address + 1 of the
// spinlock taken last, to name it; see context.ts)
export const T_STATUS = 0, T_PC = 1, T_FP = 2, T_SP = 3, T_PFDIS = 4, T_IRQ = 5, T_RET = 6, T_PREEMPT = 7, T_SPINS = 8, T_SPINLOCK = 9, T_HDR = 10;
export const TASK_RUNNING = 0, TASK_DONE = 1;
// byte tags (who wrote a byte): value | tag << 8
export const TAG_NOBODY = 0, TAG_STALE = 1, TAG_DISK = 2, TAG_ZERO = 3, TAG_TASK = 4;
// PTE: page index + 1, writable bit
export const PTE_WRITE = 1 << 20;
// VMA state bits
export const VMA_MAPPED = 1, VMA_LOCKED = 2;

export interface LockInfo { name: string; kind: 'mutex' | 'rwsem' }
export interface VmaInfo { mm: number; start: number; end: number; file: number; pgoff: number; writable: boolean; name: string }
export interface MmInfo { name: string; base: number; slots: number[]; vmas: number[]; mmapSem: number }
export interface FileInfo { name: string; base: number; pages: number; iMutex: number }

export interface Layout {
  size: number;
  pageSize: number;
  memBase: number;
  mem: MemoryLayout;
  pageBase: number;
  pageWords: number;
  nPages: number;
  pageNames: string[];
  lockBase: number;
  locks: LockInfo[];
  files: FileInfo[];
  fileWords: number;
  mms: MmInfo[];
  vmas: VmaInfo[];
  vmaBase: number;
  taskBase: number;
  taskWords: number;
  nTasks: number;
  stackWords: number;
}

/** compute the layout; `words` is the number of shared memory words after compiling */
export function computeLayout(spec: ScenarioSpec, words: number, memSize: (l: MemoryLayout) => number): Layout {
  const ps = spec.pageSize;
  const cpus = Math.max(1, ...spec.tasks.map((t) => t.cpu + 1));
  const pageWords = P_BYTES + ps;
  const pageNames = spec.pages.map((p) => p.name);
  for (let i = 0; i < spec.pool; i++) pageNames.push(`free${i}`);
  const nPages = pageNames.length;
  // The pages sit inside the memory system's words, after the shared globals, so that a page's
  // `_refcount` and `flags` are words an atomic or a barrier can name (`&page->_refcount`, see
  // kernel/pagewords.ts) and weak memory can reorder. Builtins that touch page words directly
  // act as sequentially consistent accesses to the memory itself.
  const mem: MemoryLayout = { cpus, words: words + nPages * pageWords, bufferSlots: 2 };
  let at = 0;
  const memBase = at;
  const pageBase = memBase + words;
  at += memSize(mem);
  const locks: LockInfo[] = spec.locks.map((l) => ({ ...l }));
  const files: FileInfo[] = [];
  const fileWords = F_CACHE + 0;
  const fileStart = at;
  void fileStart;
  for (const f of spec.files) {
    const iMutex = locks.length;
    locks.push({ name: spec.files.length > 1 ? `i_mutex of ${f.name}` : 'i_mutex', kind: 'mutex' });
    files.push({ name: f.name, base: 0, pages: f.pages, iMutex });
  }
  for (const f of files) { f.base = at; at += F_CACHE + f.pages + f.pages * ps; }
  const mms: MmInfo[] = [];
  const vmas: VmaInfo[] = [];
  for (let m = 0; m < spec.mms.length; m++) {
    const ms = spec.mms[m];
    const mmapSem = locks.length;
    locks.push({ name: spec.mms.length > 1 ? `mmap_sem of ${ms.name}` : 'mmap_sem', kind: 'rwsem' });
    const slots: number[] = [];
    const vmaIdx: number[] = [];
    for (const v of ms.vmas) {
      for (let k = 0; k < v.pages; k++) slots.push(v.start / ps + k);
      vmaIdx.push(vmas.length);
      const file = v.file ? spec.files.findIndex((f) => f.name === v.file) : -1;
      vmas.push({ mm: m, start: v.start, end: v.start + v.pages * ps, file, pgoff: v.pgoff, writable: v.writable, name: `${ms.name}:${v.start.toString(16)}` });
    }
    mms.push({ name: ms.name, base: 0, slots, vmas: vmaIdx, mmapSem });
  }
  for (const mm of mms) { mm.base = at; at += mm.slots.length; }
  const vmaBase = at;
  at += vmas.length;
  const lockBase = at;
  at += locks.length * LOCK_WORDS;
  const stackWords = spec.stackWords;
  const taskWords = T_HDR + stackWords;
  const taskBase = at;
  at += spec.tasks.length * taskWords;
  return {
    size: at, pageSize: ps, memBase, mem, pageBase, pageWords, nPages, pageNames, lockBase, locks, files, fileWords,
    mms, vmas, vmaBase, taskBase, taskWords, nTasks: spec.tasks.length, stackWords,
  };
}

export const pageAt = (l: Layout, p: number) => l.pageBase + p * l.pageWords;
export const lockAt = (l: Layout, k: number) => l.lockBase + k * LOCK_WORDS;
export const taskAt = (l: Layout, t: number) => l.taskBase + t * l.taskWords;
export const fileDisk = (l: Layout, f: number) => l.files[f].base + F_CACHE + l.files[f].pages;
