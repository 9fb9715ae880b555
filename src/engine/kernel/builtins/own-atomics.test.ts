// Read-own-write for the page builtins under every memory model: a CPU's own atomics on a page's
// `_refcount` (atomic_inc(&page->_refcount), page_ref_add…) are seen by its get_page() and
// put_page() (include/linux/page_ref.h page_ref_inc() and put_page_testzero(), atomics on the same
// word), by page_count() (include/linux/mm.h: atomic_read(&page->_refcount)) and by a read of
// page->_refcount, even while the weak model keeps the add in the CPU's store buffer.
import { describe, expect, it } from 'vitest';
import type { MemoryModel } from '../../api.js';
import { run } from '../../test/helpers.js';

// page0 is in the page cache: one reference, the cache's
const FILE = 'file A "abcd"\npage page0 file A index 0 uptodate\nobserve r';

describe("page builtins see the CPU's own buffered atomics on _refcount", () => {
  for (const model of ['sc', 'tso', 'weak'] as MemoryModel[]) {
    it(`${model}: atomic_inc(&page->_refcount); put_page(page); get_page(page) takes a reference on a live page (get_page(): VM_BUG_ON_PAGE(page_ref_count(page) <= 0))`, () => {
      const r = run('int r;\nvoid t(void) { atomic_inc(&page0->_refcount); put_page(page0); get_page(page0); r = page_count(page0); }', { a: 't()' }, FILE, model);
      expect(r.outcome, r.headline).toBe('ok');
      expect(new Set(r.finals?.map((f) => f.values.r))).toEqual(new Set([2]));
    });
    it(`${model}: page_count() and page->_refcount read the CPU's own atomic_inc (page_count(): atomic_read(&page->_refcount))`, () => {
      const r = run('int r;\nvoid t(void) { page_ref_add(page0, 1024); r = page_count(page0) * 10000 + page0->_refcount; }', { a: 't()' }, FILE, model);
      expect(r.outcome, r.headline).toBe('ok');
      expect(new Set(r.finals?.map((f) => f.values.r))).toEqual(new Set([1025 * 10000 + 1025]));
    });
    it(`${model}: put_page() after the CPU's own page_ref_add drops that reference, not the cache's (put_page_testzero() on the same word)`, () => {
      const r = run('int r;\nvoid t(void) { page_ref_add(page0, 1); put_page(page0); r = page_count(page0); }', { a: 't()' }, FILE, model);
      expect(r.outcome, r.headline).toBe('ok');
      expect(new Set(r.finals?.map((f) => f.values.r))).toEqual(new Set([1]));
    });
  }
});

// include/linux/page_ref.h page_ref_sub_and_test() / put_page_testzero(), then __put_page(): the
// kernel drops a last reference with a decrement that tests for zero and frees the page
describe('a decrement that takes a page\'s count to zero frees it, as put_page() does', () => {
  for (const model of ['sc', 'tso', 'weak'] as MemoryModel[]) {
    for (const call of ['atomic_sub(1, &p->_refcount);', 'atomic_dec(&p->_refcount);', 'page_ref_sub(p, 1);']) {
      it(`${model}: ${call} on a page's last reference returns it to the free pool`, () => {
        // a freed page changed again is "use after free": only a freed page gives it
        const r = run(`void t(void) { struct page *p = alloc_page(); ${call} SetPageDirty(p); }`, { a: 't()' }, 'pool 1', model);
        expect(r.outcome, r.headline).toBe('bug');
        expect(r.headline).toContain('use after free: SetPageDirty() on free0, which its last put_page() freed');
      });
    }
    it(`${model}: freeing a page still in the page cache by atomic_dec is "Bad page state" (free_pages_check())`, () => {
      const r = run('void t(void) { atomic_dec(&page0->_refcount); }', { a: 't()' }, FILE, model);
      expect(r.headline).toContain('Bad page state: freeing page0 while it is still in the page cache');
    });
    it(`${model}: a decrement that leaves references is only a decrement`, () => {
      const r = run('int r;\nvoid t(void) { struct page *p = alloc_page(); get_page(p); page_ref_sub(p, 1); SetPageDirty(p); r = page_count(p); }', { a: 't()' }, 'pool 1\nobserve r', model);
      expect(r.outcome, r.headline).toBe('ok');
      expect(new Set(r.finals?.map((f) => f.values.r))).toEqual(new Set([1]));
    });
  }
});
