// `->` fields of kernel objects. A file, its inode and its address_space are one object, so
// `file->f_mapping->host` is the file again. Lock fields are only addressable (`&mm->mmap_sem`),
// though reading them gives the same lock handle, for readers who write `down_read(mm->mmap_sem)`.
import { describeValue, validObject } from './access.js';
import type { FieldDef } from './builtin.js';
import { handle, indexOf, kindOf, Kind, KIND_NAMES } from './handles.js';
import { F_SIZE, P_FLAGS, P_INDEX, P_MAP, P_MAPPING, P_PRIVATE, P_REF, VMA_LOCKED } from './layout.js';
import type { Machine } from './machine.js';
import { pageWordAddr, pageWordHandle } from './pagewords.js';

type Getter = (m: Machine, w: Int32Array, i: number, t: number) => number;

interface FieldSpec {
  stable: boolean;
  on: Partial<Record<Kind, Getter>>;
  set?: Partial<Record<Kind, (m: Machine, w: Int32Array, i: number, v: number) => void>>;
  lock?: Partial<Record<Kind, (m: Machine, i: number) => number>>;
}

const page = (off: number): Getter => (m, w, i) => w[m.layout.pageBase + i * m.layout.pageWords + off];
/** `page->_refcount` read by task t: a load of the shared word through the memory model, so the task's CPU sees its own atomics on it */
const refcount: Getter = (m, w, i, t) => m.memory.load(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], pageWordAddr(m, i, P_REF));
const self = (kind: Kind): Getter => (_m, _w, i) => handle(kind, i);
const fileLock = (m: Machine, i: number) => handle(Kind.LOCK, m.layout.files[i].iMutex);

const SPECS: Record<string, FieldSpec> = {
  // addressable: `&page->_refcount` is a shared word for atomics and barriers (pagewords.ts)
  flags: { stable: false, on: { [Kind.PAGE]: page(P_FLAGS) }, lock: { [Kind.PAGE]: pageWordHandle(P_FLAGS) } },
  _refcount: { stable: false, on: { [Kind.PAGE]: refcount }, lock: { [Kind.PAGE]: pageWordHandle(P_REF) } },
  _count: { stable: false, on: { [Kind.PAGE]: refcount }, lock: { [Kind.PAGE]: pageWordHandle(P_REF) } },
  _mapcount: { stable: false, on: { [Kind.PAGE]: page(P_MAP) } },
  mapping: { stable: false, on: { [Kind.PAGE]: page(P_MAPPING) } },
  index: { stable: false, on: { [Kind.PAGE]: page(P_INDEX) } },
  private: {
    stable: false, on: { [Kind.PAGE]: page(P_PRIVATE) },
    set: { [Kind.PAGE]: (m, w, i, v) => { w[m.layout.pageBase + i * m.layout.pageWords + P_PRIVATE] = v; } },
  },
  f_mapping: { stable: true, on: { [Kind.FILE]: self(Kind.FILE) } },
  i_mapping: { stable: true, on: { [Kind.FILE]: self(Kind.FILE) } },
  f_inode: { stable: true, on: { [Kind.FILE]: self(Kind.FILE) } },
  host: { stable: true, on: { [Kind.FILE]: self(Kind.FILE) } },
  i_size: { stable: false, on: { [Kind.FILE]: (m, w, i) => w[m.layout.files[i].base + F_SIZE] } },
  i_mutex: { stable: true, on: { [Kind.FILE]: (m, _w, i) => fileLock(m, i) }, lock: { [Kind.FILE]: fileLock } },
  mmap_sem: {
    stable: true, on: { [Kind.MM]: (m, _w, i) => handle(Kind.LOCK, m.layout.mms[i].mmapSem) },
    lock: { [Kind.MM]: (m, i) => handle(Kind.LOCK, m.layout.mms[i].mmapSem) },
  },
  mm: { stable: true, on: { [Kind.TASK]: (m, _w, i) => (m.taskMm[i] < 0 ? 0 : handle(Kind.MM, m.taskMm[i])) } },
  pid: { stable: true, on: { [Kind.TASK]: (_m, _w, i) => i + 1 } },
  vm_start: { stable: true, on: { [Kind.VMA]: (m, _w, i) => m.layout.vmas[i].start } },
  vm_end: { stable: true, on: { [Kind.VMA]: (m, _w, i) => m.layout.vmas[i].end } },
  vm_pgoff: { stable: true, on: { [Kind.VMA]: (m, _w, i) => m.layout.vmas[i].pgoff } },
  vm_file: { stable: true, on: { [Kind.VMA]: (m, _w, i) => (m.layout.vmas[i].file < 0 ? 0 : handle(Kind.FILE, m.layout.vmas[i].file)) } },
  vm_mm: { stable: true, on: { [Kind.VMA]: (m, _w, i) => handle(Kind.MM, m.layout.vmas[i].mm) } },
  vm_flags: {
    stable: false,
    on: { [Kind.VMA]: (m, w, i) => ((w[m.layout.vmaBase + i] & VMA_LOCKED) ? VM_LOCKED : 0) | (m.layout.vmas[i].writable ? VM_WRITE : 0) | VM_READ },
    set: { [Kind.VMA]: (m, w, i, v) => { w[m.layout.vmaBase + i] = (w[m.layout.vmaBase + i] & ~VMA_LOCKED) | (v & VM_LOCKED ? VMA_LOCKED : 0); } },
  },
};

export const VM_READ = 1, VM_WRITE = 2, VM_LOCKED = 0x2000;

const TYPE_NAMES: Record<number, string> = {
  [Kind.PAGE]: 'struct page', [Kind.FILE]: 'struct file', [Kind.MM]: 'struct mm_struct', [Kind.VMA]: 'struct vm_area_struct',
  [Kind.TASK]: 'struct task_struct', [Kind.LOCK]: 'a lock', [Kind.WORD]: 'an int',
};

function noField(m: Machine, h: number, name: string): number {
  const k = kindOf(h);
  return m.bug(TYPE_NAMES[k] ? `${TYPE_NAMES[k]} has no field '${name}'` : `'->${name}' on ${h}, which is not a pointer to a kernel object (${KIND_NAMES[k] ?? 'an integer'})`);
}

/** `->name` on a handle of the right kind that names no object of the scenario (`page0 + 3`) */
function noObject(m: Machine, h: number, name: string): number {
  return m.bug(`'->${name}' on ${describeValue(m.layout, h)}`);
}

/** the C struct each object kind is, for compile-time checks of `->` */
export const STRUCT_OF_KIND: Record<number, string> = {
  [Kind.PAGE]: 'struct page', [Kind.FILE]: 'struct file', [Kind.MM]: 'struct mm_struct', [Kind.VMA]: 'struct vm_area_struct', [Kind.TASK]: 'struct task_struct',
};

export const fieldTable: FieldDef[] = Object.entries(SPECS).map(([name, s]) => ({
  name,
  structs: Object.keys(s.on).map((k) => STRUCT_OF_KIND[Number(k)]).filter(Boolean),
  stable: s.stable,
  writable: !!s.set,
  addressable: !!s.lock,
  get(m, w, h, t) {
    const g = s.on[kindOf(h) as Kind];
    return !g ? noField(m, h, name) : validObject(m.layout, h, kindOf(h)) ? g(m, w, indexOf(h), t) : noObject(m, h, name);
  },
  set: s.set ? (m, w, h, v) => {
    const f = s.set![kindOf(h) as Kind];
    if (!f) noField(m, h, name); else if (validObject(m.layout, h, kindOf(h))) f(m, w, indexOf(h), v); else noObject(m, h, name);
  } : undefined,
  address: s.lock ? (m, _w, h) => {
    const f = s.lock![kindOf(h) as Kind];
    return !f ? noField(m, h, name) : validObject(m.layout, h, kindOf(h)) ? f(m, indexOf(h)) : noObject(m, h, name);
  } : undefined,
}));
