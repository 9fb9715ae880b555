// Checked access to kernel objects from builtins: a wrong or NULL handle is the kernel's oops,
// reported as a bug naming the function, never a crash of the engine.
import { indexOf, isKind, Kind, kindOf } from './handles.js';
import { F_CACHE, fileDisk, pageAt, type Layout } from './layout.js';
import type { Machine } from './machine.js';

const KIND_WORDS: Record<number, string> = {
  [Kind.PAGE]: 'struct page *', [Kind.FILE]: 'struct file *', [Kind.MM]: 'struct mm_struct *',
  [Kind.VMA]: 'struct vm_area_struct *', [Kind.TASK]: 'struct task_struct *', [Kind.LOCK]: 'lock', [Kind.WORD]: 'int *',
};

/** how many objects of a kind the scenario has (handles index them from 0) */
export function objectCount(L: Layout, kind: number): number {
  switch (kind) {
    case Kind.PAGE: return L.nPages;
    case Kind.FILE: return L.files.length;
    case Kind.MM: return L.mms.length;
    case Kind.VMA: return L.vmas.length;
    case Kind.TASK: return L.nTasks;
    case Kind.LOCK: return L.locks.length;
    case Kind.WORD: return L.mem.words;
  }
  return 0;
}

/** is h a handle of this kind naming an object the scenario has? (`page0 + 3` in a two-page scenario is not) */
export const validObject = (L: Layout, h: number, kind: Kind): boolean => isKind(h, kind) && indexOf(h) < objectCount(L, kind);

const NOUNS: Record<number, string> = {
  [Kind.PAGE]: 'pages', [Kind.FILE]: 'files', [Kind.MM]: 'mms', [Kind.VMA]: 'VMAs', [Kind.TASK]: 'tasks', [Kind.LOCK]: 'locks', [Kind.WORD]: 'shared words',
};

/** a value as a message names it when it is not the object expected */
export function describeValue(L: Layout, h: number): string {
  const k = kindOf(h);
  if (!KIND_WORDS[k]) return String(h);
  const n = objectCount(L, k);
  const what = `${k === Kind.WORD ? 'an' : 'a'} ${KIND_WORDS[k]}`;
  const noun = n === 1 ? NOUNS[k].replace(/s$/, '') : NOUNS[k];
  return indexOf(h) < n ? what : `${what} past the scenario's ${n} ${noun} (index ${indexOf(h)}: pointer arithmetic on a handle?)`;
}

/** report the oops of handing `h` to `fn` where a `kind` was expected */
export function badObject(m: Machine, h: number, kind: Kind, fn: string): number {
  if (h === 0) return m.bug(`${fn}: NULL pointer dereference`);
  // the right kind of handle naming no object (`page0 + 3`): say that, not a type mismatch
  return m.bug(isKind(h, kind) ? `${fn}: ${describeValue(m.layout, h)}` : `${fn}: expected a ${KIND_WORDS[kind]}, got ${describeValue(m.layout, h)}`);
}

/** the index of the object, or -1 after reporting the oops */
export function expect(m: Machine, h: number, kind: Kind, fn: string): number {
  if (validObject(m.layout, h, kind)) return indexOf(h);
  badObject(m, h, kind, fn);
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
