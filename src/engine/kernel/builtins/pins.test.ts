// Tests per builtin for pins, writeback, DMA and seals (the 2019 kernel model), through small
// ad-hoc scenarios; and the page words that go through the memory model.
import { describe, expect, it } from 'vitest';
import { evaluate, run } from '../../test/helpers.js';

const FILE = 'file A "abcd"\npage page0 file A index 0 uptodate dirty private';
const MAPPED = `${FILE}\nmm m0\nmap m0 0x1000 file A writable populated`;

describe('page words: &page->_refcount and page->flags through the memory model', () => {
  it('atomic_add/atomic_read on &page->_refcount agree with get_page/page_count', () => {
    expect(evaluate('void main(void) { get_page(page0); atomic_add(1024, &page0->_refcount); r = atomic_read(&page0->_refcount) * 10 + page_count(page0) - 10260; }', FILE)).toBe(1026);
  });
  it('page_ref_add/page_ref_sub/page_ref_count', () => {
    expect(evaluate('void main(void) { page_ref_add(page0, 5); page_ref_sub(page0, 2); r = page_ref_count(page0); }', FILE)).toBe(4);
  });
  it('a _refcount pushed past 2^31 - 1 is a bug (atomic_add and page_ref_add), and below 0 too', () => {
    const over = run('void t(void) { atomic_add(0x7fffffff, &page0->_refcount); }', { a: 't()' }, FILE);
    expect(over.outcome).toBe('bug');
    expect(over.headline).toContain('page refcount overflow');
    expect(run('void t(void) { page_ref_add(page0, 0x7fffffff); }', { a: 't()' }, FILE).headline).toContain('page refcount overflow');
    expect(run('void t(void) { atomic_sub(2, &page0->_refcount); }', { a: 't()' }, FILE).headline).toContain('page refcount underflow');
  });
  it('an atomic add to an ordinary shared word is not checked', () => {
    expect(evaluate('int x = 0x7fffffff;\nvoid main(void) { atomic_add(1, &x); r = x < 0; }')).toBe(1);
  });
  it('traces name page words', () => {
    const r = run('void t(void) { atomic_add(1024, &page0->_refcount); BUG_ON(1); }', { a: 't()' }, FILE);
    expect(r.trace!.steps[0].args).toEqual(['1024', '&page0->_refcount']);
  });
});

describe('writeback', () => {
  it('test_set_page_writeback, PageWriteback, end_page_writeback', () => {
    expect(evaluate('void main(void) { lock_page(page0); r = test_set_page_writeback(page0) * 100 + PageWriteback(page0) * 10 + TestSetPageWriteback(page0); end_page_writeback(page0); r = r * 10 + PageWriteback(page0); unlock_page(page0); }', FILE)).toBe(110);
  });
  it('test_set_page_writeback of an unlocked page and end_page_writeback of a page not under writeback are bugs', () => {
    expect(run('void t(void) { test_set_page_writeback(page0); }', { a: 't()' }, FILE).headline).toContain('not locked');
    expect(run('void t(void) { end_page_writeback(page0); }', { a: 't()' }, FILE).headline).toContain('not under writeback');
  });
  it('wait_on_page_writeback sleeps until writeback ends', () => {
    const r = run('int done;\nvoid wb(void) { lock_page(page0); test_set_page_writeback(page0); unlock_page(page0); done = 1; end_page_writeback(page0); }\nvoid w(void) { while (!READ_ONCE(done)) cpu_relax(); wait_on_page_writeback(page0); BUG_ON(PageWriteback(page0)); }', { wb: 'wb()', w: 'w()' }, FILE);
    expect(r.outcome).toBe('ok');
  });
  // include/linux/pagemap.h wait_on_page_writeback(): if (PageWriteback(page)) wait_on_page_bit(…)
  it('wait_on_page_writeback sleeps, so may not be called with interrupts off, only while PG_writeback is set', () => {
    const irq = run('void t(void) { lock_page(page0); test_set_page_writeback(page0); unlock_page(page0); local_irq_disable(); wait_on_page_writeback(page0); }', { a: 't()' }, FILE);
    expect(irq.headline).toContain('sleeping function called from invalid context: wait_on_page_writeback()');
    const clear = run('void t(void) { local_irq_disable(); wait_on_page_writeback(page0); local_irq_enable(); }', { a: 't()' }, FILE);
    expect(clear.outcome, clear.headline).toBe('ok');
  });
  it('PagePrivate, try_to_release_page (not while dirty or under writeback), attach_page_buffers', () => {
    expect(evaluate('void main(void) { lock_page(page0); r = try_to_release_page(page0) * 10 + PagePrivate(page0); ClearPageDirty(page0); r = r * 10 + try_to_release_page(page0); r = r * 10 + PagePrivate(page0); attach_page_buffers(page0); r = r * 10 + PagePrivate(page0); unlock_page(page0); }', FILE)).toBe(1101);
  });
  it('page_mkclean write-protects the PTE; wp_page_reuse makes it writable again only if it still maps the page', () => {
    expect(evaluate('void main(void) { struct vm_area_struct *vma = find_vma(current->mm, 0x1000); lock_page(page0); r = page_mkclean(page0) * 10 + !follow_page(vma, 0x1000, FOLL_WRITE); r = r * 10 + wp_page_reuse(vma, 0x1000, page0); r = r * 10 + (follow_page(vma, 0x1000, FOLL_WRITE) == page0); unlock_page(page0); }', MAPPED, true)).toBe(1101);
  });
  it('submit_page_write copies a page under writeback to disk; verify_stable_write catches a change since', () => {
    const ok = run('void t(void) { lock_page(page0); test_set_page_writeback(page0); submit_page_write(page0); verify_stable_write(page0); end_page_writeback(page0); unlock_page(page0); }', { a: 't()' }, FILE);
    expect(ok.outcome).toBe('ok');
    expect(ok.trace!.steps.at(-1)!.world.disk[0].bytes.map((b) => String.fromCharCode(b.value)).join('')).toBe('abcd');
    const torn = run('void t(void) { lock_page(page0); test_set_page_writeback(page0); submit_page_write(page0); dma_write(page0, 1, 90); verify_stable_write(page0); }', { a: 't()' }, FILE);
    expect(torn.outcome).toBe('corruption');
    expect(torn.headline).toContain('changed while it was under writeback');
    expect(run('void t(void) { submit_page_write(page0); }', { a: 't()' }, FILE).headline).toContain('not under writeback');
  });
});

describe('DMA, GUP-fast and completions', () => {
  it('dma_write writes a byte tagged with the device; check_dma_reached_disk wants it on disk', () => {
    const lost = run('void t(void) { dma_write(page0, 0, 68); check_dma_reached_disk(page0, a); }', { a: 't()' }, FILE);
    expect(lost.outcome).toBe('corruption');
    expect(lost.headline).toContain('never reached the disk');
    const kept = run('void t(void) { dma_write(page0, 0, 68); lock_page(page0); test_set_page_writeback(page0); submit_page_write(page0); end_page_writeback(page0); unlock_page(page0); check_dma_reached_disk(page0, a); }', { a: 't()' }, FILE);
    expect(kept.outcome).toBe('ok');
  });
  it('gup_fast_walk needs interrupts off, returns the mapped page, and NULL for a write to a read-only PTE', () => {
    expect(run('void t(void) { gup_fast_walk(current->mm, 0x1000, 1); }', { 'a@m0': 't()' }, MAPPED).headline).toContain('interrupts enabled');
    expect(evaluate('void main(void) { local_irq_disable(); r = gup_fast_walk(current->mm, 0x1000, 1) == page0; local_irq_enable(); lock_page(page0); page_mkclean(page0); unlock_page(page0); local_irq_disable(); r = r * 10 + !gup_fast_walk(current->mm, 0x1000, 1); r = r * 10 + (gup_fast_walk(current->mm, 0x1000, 0) == page0); local_irq_enable(); }', MAPPED, true)).toBe(111);
  });
  it('wait_for_completion sleeps until complete(); a task left waiting is a deadlock', () => {
    expect(run('int done;\nvoid a(void) { complete(&done); }\nvoid b(void) { wait_for_completion(&done); }', { a: 'a()', b: 'b()' }, '').outcome).toBe('ok');
    expect(run('int done;\nvoid b(void) { wait_for_completion(&done); }', { b: 'b()' }, '').outcome).toBe('deadlock');
  });
  it('wait_for_other_tasks runs last', () => {
    const r = run('int x;\nvoid a(void) { x = 1; }\nvoid b(void) { wait_for_other_tasks(); BUG_ON(x != 1); }', { a: 'a()', b: 'b()' }, '');
    expect(r.outcome).toBe('ok');
  });
  it('oracle_not_both_zero', () => {
    expect(run('int p; int q;\nvoid t(void) { oracle_not_both_zero(&p, &q); }', { a: 't()' }, '').outcome).toBe('corruption');
    expect(run('int p; int q = 1;\nvoid t(void) { oracle_not_both_zero(&p, &q); }', { a: 't()' }, '').outcome).toBe('ok');
  });
});

describe('seals', () => {
  const SEALED = 'file M "abcd"\npage pageM file M index 0 uptodate\nglobal seals_M';
  it('set_file_seals/file_seals; a DMA write after F_SEAL_WRITE is corruption, before it is not', () => {
    expect(evaluate('void main(void) { set_file_seals(M, 8); r = file_seals(M); }', SEALED)).toBe(8);
    expect(run('void t(void) { dma_write(pageM, 0, 68); set_file_seals(M, 8); }', { a: 't()' }, SEALED).outcome).toBe('ok');
    const r = run('void t(void) { set_file_seals(M, 8); dma_write(pageM, 0, 68); }', { a: 't()' }, SEALED);
    expect(r.outcome).toBe('corruption');
    expect(r.headline).toContain('sealed against writes');
  });
  it('a file without a seals global cannot be sealed (a scenario error, reported as a bug)', () => {
    expect(run('void t(void) { set_file_seals(A, 8); }', { a: 't()' }, FILE).headline).toContain("no 'global seals_A'");
  });
});

describe('the page lock orders page words under weak memory', () => {
  it('a reader that takes the page lock sees the pin taken under it', () => {
    const strategy = `int done;
void pinner(void) { lock_page(page0); atomic_add(1024, &page0->_refcount); unlock_page(page0); WRITE_ONCE(done, 1); }
void reader(void) { while (!READ_ONCE(done)) cpu_relax(); lock_page(page0); BUG_ON(atomic_read(&page0->_refcount) < 1024); unlock_page(page0); }`;
    expect(run(strategy, { p: 'pinner()', r: 'reader()' }, `${FILE}\nmodel weak`, 'weak').outcome).toBe('ok');
  });
});
