// Kernel virtual addresses of pages, for code written with kmap(): `kaddr = kmap(page)`,
// then `kaddr + offset` handed to a copy. The compiler lowers memcpy(), kmap_atomic() and
// __copy_from_user_inatomic_nocache() onto the model's page copies through virt_to_page() and
// offset_in_page() (lang/compat.ts). An address is kind KADDR in the high bits, then the page
// index and a byte offset in a 256-byte window, so arithmetic that leaves the page is caught
// by the copy's bounds check instead of landing in the next page.
import type { Builtin } from '../builtin.js';
import { expect } from '../access.js';
import { handle, Kind } from '../handles.js';
import type { Machine } from '../machine.js';

/** the handle kind of a kernel virtual address (after handles.ts's kinds) */
export const KADDR = 15;
const WINDOW = 256;

/** the page index and offset of a kernel address, or null after reporting the bug */
function decode(m: Machine, k: number, fn: string): { page: number; offset: number } | null {
  const v = k - (KADDR << 16);
  const page = Math.floor(v / WINDOW);
  if (k >>> 16 !== KADDR || page < 0 || page >= m.layout.nPages) {
    // not an address kmap() gave (or NULL): the kernel would oops on it
    m.bug(k === 0 ? `${fn}: NULL pointer dereference` : `${fn}: ${k} is not a kernel address of a page (kmap() gives one)`);
    return null;
  }
  return { page, offset: v - page * WINDOW };
}

export const compatBuiltins: Builtin[] = [
  {
    name: 'kmap', nargs: 1, visible: false, doc: '(page): the page\'s kernel virtual address (highmem pages need no mapping in the model)',
    run(m, w, _t, a) {
      const p = expect(m, w[a], Kind.PAGE, 'kmap');
      return p < 0 ? 0 : (KADDR << 16) + p * WINDOW;
    },
  },
  {
    name: 'virt_to_page', nargs: 1, visible: false, doc: '(kaddr): the page a kernel address (from kmap) lies in',
    run(m, w, _t, a) { const d = decode(m, w[a], 'virt_to_page'); return d ? handle(Kind.PAGE, d.page) : 0; },
  },
  {
    name: 'offset_in_page', nargs: 1, visible: false, doc: '(kaddr): the byte offset of a kernel address in its page (the copy checks it)',
    run(m, w, _t, a) { const d = decode(m, w[a], 'offset_in_page'); return d ? d.offset : 0; },
  },
];
