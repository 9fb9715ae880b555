// Checked access to kernel objects from builtins: a wrong or NULL handle is the kernel's oops,
// reported as a bug naming the function, never a crash of the engine.
import { indexOf, isKind, Kind } from './handles.js';
import { F_CACHE, fileDisk, pageAt, P_BYTES, type Layout } from './layout.js';
import type { Machine } from './machine.js';

const KIND_WORDS: Record<number, string> = {
  [Kind.PAGE]: 'struct page *', [Kind.FILE]: 'struct file *', [Kind.MM]: 'struct mm_struct *',
  [Kind.VMA]: 'struct vm_area_struct *', [Kind.TASK]: 'struct task_struct *',
};

/** the index of the object, or -1 after reporting the oops */
export function expect(m: Machine, h: number, kind: Kind, fn: string): number {
  if (isKind(h, kind)) return indexOf(h);
  m.bug(h === 0 ? `${fn}: NULL pointer dereference` : `${fn}: expected a ${KIND_WORDS[kind]}, got ${h}`);
  return -1;
}

/** base of page h's words, or -1 */
export function pageBase(m: Machine, h: number, fn: string): number {
  const i = expect(m, h, Kind.PAGE, fn);
  return i < 0 ? -1 : pageAt(m.layout, i);
}

/** world index of page-cache slot `index` of file f, or -1 when out of range */
export function cacheSlot(L: Layout, f: number, index: number): number {
  return index >= 0 && index < L.files[f].pages ? L.files[f].base + F_CACHE + index : -1;
}

/** world index of disk byte `pos` of file f */
export const diskByte = (L: Layout, f: number, pos: number): number => fileDisk(L, f) + pos;

export const pageByte = (L: Layout, p: number, off: number): number => pageAt(L, p) + P_BYTES + off;
