// The kernels per era: each function cites the kernel source it follows, the fidelity table is
// what the code says, every built-in scenario names its kernel, and every version label has a
// difference behind it that a scenario can see.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, listScenarios, scenarioText } from '../index.js';
import { kernelTable } from './kernel-table.js';
import { KERNELS, chunks } from './kernels.js';

describe('the kernels', () => {
  it('every function of every kernel cites a kernel file and function, or says it is none', () => {
    for (const k of KERNELS) {
      for (const f of k.functions) {
        expect(f.follows, `${k.name} ${f.name}`).toMatch(/^(none:|nothing in|([\w.-]+\/)+[\w.-]+\.[ch] \w+\(\)|[a-z].*[\w.-]+\/[\w/.-]+\.[ch] \w+\(\))/);
      }
    }
  });
  it('kernels.md is the table the code gives (npx tsx scripts/kernel-table.ts)', () => {
    expect(readFileSync(new URL('./kernels.md', import.meta.url), 'utf8')).toBe(kernelTable());
  });
  it('no two kernels are the same text: each label has a difference behind it', () => {
    const texts = new Set(KERNELS.map((k) => k.text));
    expect(texts.size).toBe(KERNELS.length);
  });
  it('every built-in scenario names its kernel', () => {
    for (const s of listScenarios()) {
      expect(scenarioText(s.id), s.id).toMatch(/^kernel\s+\S+/m);
      expect(KERNELS.map((k) => k.name)).toContain(s.kernel);
    }
  });
  it('an era function replaces the base one in place, so the others keep their lines', () => {
    const base = KERNELS.find((k) => k.name === '2.6.20-fault-lock')!;
    const old = KERNELS.find((k) => k.name === '2.6.20')!;
    expect(old.functions.map((f) => f.name).slice(0, base.functions.length)).toEqual(base.functions.map((f) => f.name));
    expect(chunks(old.text).filter((c) => c.name === 'filemap_fault')).toHaveLength(1);
  });
  it('an unknown kernel is a clear error, in a scenario file and in id@kernel', () => {
    const bad = check({ scenario: '2007/same-page@2.6.99', strategy: '' });
    expect(bad.outcome).toBe('error');
    expect(bad.headline).toContain("unknown kernel '2.6.99'");
    const file = check({ scenario: 'id x\nkernel 9.9\ntask t : schedule()\n', strategy: '' });
    expect(file.outcome).toBe('error');
    expect(file.headline).toContain("unknown kernel '9.9'");
  });
});

describe('what differs between the kernels, each following the kernel function it cites', () => {
  // mm/filemap.c filemap_nopage() of 2.6.20: find_get_page(), and lock_page() only for a page that
  // is not up to date; d00806b18315 made it find_lock_page() for every page
  it('filemap_nopage(): 2.6.20 maps an up-to-date page without its lock, 2.6.20-fault-lock locks it', () => {
    const faultOnLockedPage = `id t\npage-size 4\nfile A "abcd"\npage pageA file A index 0 uptodate locked\nmm m0\nmap m0 0x1000 file A\ntask faulter cpu 0 mm m0 : do_page_fault(0x1000, 0)\n`;
    const withKernel = (k: string) => faultOnLockedPage.replace('page-size 4', `page-size 4\nkernel ${k}`);
    expect(check({ scenario: withKernel('2.6.20'), strategy: '' }).outcome).toBe('ok');
    expect(check({ scenario: withKernel('2.6.20-fault-lock'), strategy: '' }).outcome).toBe('deadlock');
  });
  // mm/truncate.c truncate_inode_pages_range() of 2.6.20 against the one d00806b18315 left
  it('truncate_inode_pages(): 2.6.20 leaves a page mapped by a racing locked fault; the fixed truncate does not', () => {
    const cell = readFileSync(new URL('../../content/cells/2006-fault-vs-invalidate/lock-page-fault.c', import.meta.url), 'utf8');
    expect(check({ scenario: '2006/truncate', strategy: cell }).outcome).toBe('corruption');
    expect(check({ scenario: '2006/truncate@2.6.20-fault-lock', strategy: cell }).outcome).toBe('ok');
  });
  // mm/filemap.c generic_perform_write() of 2.6.24: prefault, atomic copy, write_end, retry
  it('generic_perform_write(): 2.6.24\'s own write path is ok where 2.6.20\'s deadlocks', () => {
    for (const s of ['2007/same-page', '2007/two-writers', '2007/mlock', '2007/perform-write', '2007/evicted-mlock']) {
      expect(check({ scenario: `${s}@2.6.20-fault-lock`, strategy: '' }).outcome, s).toBe('deadlock');
      expect(check({ scenario: `${s}@2.6.24`, strategy: '' }).outcome, s).toBe('ok');
    }
  });
  // mm/vmscan.c __remove_mapping(): the page leaves the cache only if nobody else holds a reference,
  // tested and done under tree_lock, which find_get_page() takes too
  it('remove_mapping(): reclaim keeps a page that a fault has just found, on 2.6.20 where the fault maps it unlocked', () => {
    const original = readFileSync(new URL('../../content/cells/2007-pagecache-write-deadlocks/original-same-page.c', import.meta.url), 'utf8');
    const r = check({ scenario: '2007/short-commit-stale@2.6.20', strategy: original });
    expect(r.outcome, r.headline).toBe('ok');
    expect(r.stats.exhaustive).toBe(true);
  });
  // mm/memory.c __get_user_pages() of 3.17: follow_page_mask(FOLL_GET | FOLL_WRITE) checks the
  // PTE and takes the reference under the PTE lock, in one step
  it('__get_user_pages(): on 3.17 the seal oracle catches the DMA through a GUP reference, and waiting for extra references fixes it', () => {
    const cell = (id: string) => readFileSync(new URL(`../../content/cells/2019-gup-pinning/${id}.c`, import.meta.url), 'utf8');
    expect(check({ scenario: '2014/seal-vs-gup', strategy: cell('seal-naive') }).outcome).toBe('corruption');
    const fixed = check({ scenario: '2014/seal-vs-gup', strategy: cell('seal-wait-pins') });
    expect(fixed.outcome).toBe('ok');
    expect(fixed.stats.exhaustive).toBe(true);
  });
  // include/linux/mm.h page_maybe_dma_pinned() of 5.7: _refcount >= GUP_PIN_COUNTING_BIAS, the
  // mapping's reference included, against Jan Kara's _refcount - mapcount > 1024 of the thread
  it('page_maybe_dma_pinned(): on 5.7, 1022 ordinary references on a cached, mapped page read as pinned; Jan\'s formula needs 1024', () => {
    const count = (refs: number, extra = '') => check({ scenario: '2019/bias-count@5.7', strategy: `${extra}\nvoid count_refs(struct page *page) { page_ref_add(page, ${refs}); pinned = page_pinned(page); }` }).finals?.[0].values.pinned;
    expect([count(1021), count(1022)]).toEqual([0, 1]);
    const jan = 'int page_pinned(struct page *page) { return atomic_read(&page->_refcount) - page_mapcount(page) > 1024; }';
    expect([count(1023, jan), count(1024, jan)]).toEqual([0, 1]);
  });
  // mm/gup.c try_grab_page() and unpin_user_page() of 5.7: a pin is the bias, an unpin removes it
  it('FOLL_PIN: on 5.7 a pin adds 1024 to _refcount and its unpin takes it away', () => {
    // the page starts with 2 references (the cache's and the mapping's)
    const src = 'void count_refs(struct page *page) { get_page_pin(page); pinned = page_ref_count(page) * 10 + page_pinned(page); put_page_pin(page); pinned = pinned * 100 + page_ref_count(page) * 10 + page_pinned(page); }';
    const r = check({ scenario: '2019/bias-count@5.7', strategy: src });
    expect(r.outcome, r.headline).toBe('ok');
    expect(r.finals?.[0].values.pinned).toBe((1026 * 10 + 1) * 100 + 2 * 10 + 0);
  });
  // mm/gup.c try_grab_page() of 5.7 (FOLL_PIN) and try_grab_compound_head(): a pin the count
  // cannot take is refused and GUP returns no page (-ENOMEM); 5.0's get_page() cannot refuse
  it('on 5.7 a pin whose bias would overflow _refcount is refused by slow GUP and GUP-fast, not a bug', () => {
    // bias-count on 5.7, its task in the mapping's mm so that it can call GUP
    const scenario = scenarioText('2019/bias-count')!.replace('kernel      5.0', 'kernel      5.7').replace('task counter cpu 0 :', 'task counter cpu 0 mm m0 :');
    const near = (gup: string) => `void count_refs(struct page *page) { atomic_set(&page->_refcount, 0x7fffffff - 1000); pinned = ${gup} == NULL; pinned = pinned * 10 + (page_ref_count(page) == 0x7fffffff - 1000); atomic_set(&page->_refcount, 2); }`;
    for (const gup of ['get_user_pages_slow(current->mm, 0x1000)', 'get_user_pages_fast(0x1000)']) {
      const r = check({ scenario, strategy: near(gup) });
      expect(r.outcome, `${gup}: ${r.headline}`).toBe('ok');
      expect(r.finals?.[0].values.pinned, gup).toBe(11);
    }
    const room = check({ scenario, strategy: 'void count_refs(struct page *page) { atomic_set(&page->_refcount, 0x7fffffff - 1024); pinned = get_user_pages_slow(current->mm, 0x1000) == page; put_user_page(page); }' });
    expect(room.outcome, room.headline).toBe('ok');
    expect(room.finals?.[0].values.pinned).toBe(1);
  });
});
