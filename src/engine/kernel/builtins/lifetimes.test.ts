// Page lifetimes: every reference increment is overflow-checked, as the kernel's get_page() is,
// and a page freed in use is "Bad page state", as mm/page_alloc.c free_pages_check() reports it.
import { describe, expect, it } from 'vitest';
import { evaluate, run } from '../../test/helpers.js';

const FILE = 'file A "abcd"\npage page0 file A index 0 uptodate';
const MAPPED = `${FILE}\nmm m0\nmap m0 0x1000 file A writable populated`;
// a count one below the limit, set through the page word (as a leak of 2^31 references would)
const NEAR = 'atomic_set(&page0->_refcount, 0x7fffffff);';

describe('reference increments are overflow-checked (include/linux/mm.h get_page())', () => {
  for (const [what, call] of [
    ['get_page', 'get_page(page0);'],
    ['find_get_page', 'find_get_page(A, 0);'],
    ['follow_page(FOLL_GET)', 'follow_page(find_vma(current->mm, 0x1000), 0x1000, FOLL_GET);'],
  ] as const) {
    it(`${what}: past 2^31 - 1 is a bug, not a wrap`, () => {
      const r = run(`void t(void) { ${NEAR} ${call} }`, { 'a@m0': 't()' }, MAPPED);
      expect(r.outcome, r.headline).toBe('bug');
      expect(r.headline).toContain('page refcount overflow on page0');
    });
  }
});

describe('a page freed in use is "Bad page state" (mm/page_alloc.c free_pages_check())', () => {
  it('freeing a locked page', () => {
    const r = run('void t(void) { struct page *p = alloc_page(); lock_page(p); put_page(p); }', { a: 't()' }, 'pool 1');
    expect(r.outcome).toBe('bug');
    expect(r.headline).toContain('Bad page state: freeing free0 while it is locked');
  });
  it('freeing a mapped page', () => {
    const r = run('void t(void) { atomic_set(&page0->_refcount, 1); delete_from_page_cache(page0); }', { 'a@m0': 't()' }, MAPPED.replace('uptodate', 'uptodate locked'));
    expect(r.outcome, r.headline).toBe('bug');
    expect(r.headline).toContain('Bad page state: freeing page0 while it is still mapped');
  });
});

// mm/vmscan.c shrink_page_list(): trylock_page(), try_to_unmap() (SWAP_FAIL for a VM_LOCKED
// mapping, mm/rmap.c try_to_unmap_one()), then __remove_mapping() if only the cache and reclaim
// hold references
describe('reclaim (shrink_page) as shrink_page_list() does it', () => {
  const reclaim = (before: string) => `void main(void) { struct page *p; ${before} p = find_get_page(A, 0); r = shrink_page(p) * 10 + page_mapcount(p); put_page(p); }`;
  it('reclaims a mapped, unlocked page nobody else holds', () => {
    expect(evaluate(reclaim(''), `pool 0\n${MAPPED}`, true)).toBe(10);
  });
  it('leaves a page in an mlock()ed mapping alone (try_to_unmap() fails)', () => {
    expect(evaluate(reclaim('sys_mlock(0x1000, 4);'), `pool 0\n${MAPPED}`, true)).toBe(1);
  });
  it('keeps a page somebody else holds a reference to (__remove_mapping())', () => {
    expect(evaluate(reclaim('get_page(page0);'), `pool 0\n${MAPPED}`, true)).toBe(0);
  });
  it('skips a locked page (trylock_page())', () => {
    expect(evaluate(reclaim(''), `pool 0\n${MAPPED.replace('uptodate', 'uptodate locked')}`, true)).toBe(1);
  });
});

describe('a page freed by its last put_page() and changed again is "use after free"', () => {
  for (const call of ['set_page_dirty(p);', 'zero_user(p, 0, 1);', 'SetPageUptodate(p);']) {
    it(call, () => {
      const r = run(`void t(void) { struct page *p = alloc_page(); put_page(p); ${call} }`, { a: 't()' }, 'pool 1');
      expect(r.outcome, r.headline).toBe('bug');
      expect(r.headline).toContain('use after free');
      expect(r.headline).toContain('free0, which its last put_page() freed');
    });
  }
  it('looking at a freed page is not a bug (page_count, PageUptodate): struct pages are never unmapped', () => {
    expect(evaluate('void main(void) { struct page *p = alloc_page(); put_page(p); r = page_count(p) * 10 + PageUptodate(p); }', 'pool 1')).toBe(0);
  });
});

// the seal oracle (memfd F_SEAL_WRITE, mm/shmem.c of 3.17) on every path that changes a sealed
// file's bytes: DMA (dma_write), a store through a writable shared mapping, and write()
describe('the seal oracle on every write path', () => {
  const MEMFD = 'file M "abcd"\npage pageM file M index 0 uptodate\nglobal seals_M\nmm m0\nmap m0 0x1000 file M writable populated\nanon m0 0x2000 "zz" writable';
  it('a store through a writable mapping after F_SEAL_WRITE changes the file: corruption', () => {
    const r = run('void t(void) { set_file_seals(M, 8); copy_to_user(0x1000, pageM, 0, 1); }', { 'a@m0': 't()' }, MEMFD);
    expect(r.outcome, r.headline).toBe('corruption');
    expect(r.headline).toContain('M is sealed against writes (F_SEAL_WRITE), and a store through a\'s writable mapping changed it');
  });
  it('a write() copied into the sealed file: corruption', () => {
    const r = run('void t(void) { set_file_seals(M, 8); sys_write(M, 0, 0x2000, 1); }', { 'a@m0': 't()' }, MEMFD);
    expect(r.outcome, r.headline).toBe('corruption');
    expect(r.headline).toContain('a write() by a changed it');
  });
  it('3.17\'s write() (shmem_write_begin()) refuses a sealed file with -EPERM, so nothing changes', () => {
    const r = run('int r;\nvoid t(void) { set_file_seals(M, 8); r = sys_write(M, 0, 0x2000, 1); }', { 'a@m0': 't()' }, `kernel 3.17\nobserve r\n${MEMFD}`);
    expect(r.outcome, r.headline).toBe('ok');
    expect(r.finals?.[0].values.r).toBe(-1);
  });
  it('before the seal, both are fine', () => {
    expect(run('void t(void) { copy_to_user(0x1000, pageM, 0, 1); sys_write(M, 0, 0x2000, 1); }', { 'a@m0': 't()' }, MEMFD).outcome).toBe('ok');
  });
});
