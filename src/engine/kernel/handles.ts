// Pointers to kernel objects are integers: kind in the high bits, index in the low 16.
// NULL is 0, so `if (!page)` works as in C, and small integers never look like objects.

export const enum Kind { PAGE = 1, FILE = 2, MM = 3, VMA = 4, TASK = 5, LOCK = 6, WORD = 7 }

export const KIND_NAMES = ['', 'struct page *', 'struct file *', 'struct mm_struct *', 'struct vm_area_struct *', 'struct task_struct *', 'lock', 'int *'];

export const handle = (kind: Kind, index: number): number => (kind << 16) | index;
export const kindOf = (h: number): number => h >>> 16;
export const indexOf = (h: number): number => h & 0xffff;
export const isKind = (h: number, kind: Kind): boolean => h >>> 16 === kind;
