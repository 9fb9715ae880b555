// page_mkclean() waits for CPUs that run the page's mm with interrupts off, as the TLB flush that
// follows the write-protect does (mm/rmap.c page_mkclean_one() -> flush_tlb_page(), whose IPI a
// CPU in GUP-fast takes only when it enables interrupts again).
import { describe, expect, it } from 'vitest';
import { run } from '../../test/helpers.js';

const MAPPED = 'file A "abcd"\npage page0 file A index 0 uptodate\nmm m0\nmap m0 0x1000 file A writable populated\nglobal s';

// the cleaner holds a spinlock that a task with interrupts off wants (taken after the page lock:
// lock_page() may sleep, so it cannot come under a spinlock)
const SPIN = 'void wb(void) { lock_page(page0); spin_lock(&s); page_mkclean(page0); spin_unlock(&s); unlock_page(page0); }\n' +
  'void gup(void) { local_irq_disable(); spin_lock(&s); spin_unlock(&s); local_irq_enable(); }';

describe('page_mkclean() and interrupts-off GUP-fast', () => {
  it('waits for the IPI: a spinlock the cleaner holds and the interrupts-off CPU wants is a deadlock', () => {
    const r = run(
      SPIN,
      { 'a@m0': 'wb()', 'b@m0': 'gup()' }, MAPPED);
    expect(r.outcome, r.headline).toBe('deadlock');
    expect(r.cycle?.some((e) => e.task === 'a' && e.wants === 'the TLB-flush IPI to b (interrupts off)')).toBe(true);
  });
  it('once interrupts are back on, the clean goes through', () => {
    const r = run(
      'void wb(void) { lock_page(page0); page_mkclean(page0); unlock_page(page0); }\n' +
      'void gup(void) { local_irq_disable(); gup_fast_walk(current->mm, 0x1000, 1); local_irq_enable(); }',
      { 'a@m0': 'wb()', 'b@m0': 'gup()' }, MAPPED);
    expect(r.outcome, r.headline).toBe('ok');
  });
  it('a task without the page\'s mm (a kernel thread) is not waited for', () => {
    const r = run(
      SPIN,
      { 'a@m0': 'wb()', 'b': 'gup()' }, MAPPED);
    expect(r.outcome, r.headline).toBe('ok');
  });
});

// mm/memory.c unmap_mapping_range() / zap_page_range() flush the TLB of every CPU running the mm:
// that is what lets GUP-fast take its reference after its lockless walk (arch/x86/mm/gup.c)
describe('an unmap waits for interrupts-off GUP-fast', () => {
  const GUP = 'void gup(void) { struct page *p; local_irq_disable(); p = gup_fast_walk(current->mm, 0x1000, 0); if (p) get_page(p); local_irq_enable(); if (p) put_page(p); }';
  it('truncate cannot free the page between GUP-fast\'s walk and its get_page()', () => {
    const r = run(GUP, { 'a@m0': 'gup()', t: 'sys_truncate(A, 0)' }, MAPPED);
    expect(r.outcome, r.headline).toBe('ok');
    expect(r.stats.exhaustive).toBe(true);
  });
  it('madvise(MADV_DONTNEED) in the same mm waits too', () => {
    const r = run(`${GUP}\nvoid z(void) { sys_madvise_dontneed(0x1000, 0x1004); }`, { 'a@m0': 'gup()', 'z@m0': 'z()' }, MAPPED);
    expect(r.outcome, r.headline).toBe('ok');
  });
  it('a spinlock held across the unmap and wanted with interrupts off is a deadlock on the IPI', () => {
    // the zap itself under the spinlock (madvise's down_read() may sleep, so it comes first)
    const r = run('void z(void) { struct mm_struct *mm = current->mm; struct vm_area_struct *vma; down_read(&mm->mmap_sem); vma = find_vma(mm, 0x1000); spin_lock(&s); zap_page_range(vma, 0x1000, PAGE_SIZE); spin_unlock(&s); up_read(&mm->mmap_sem); }\n' +
      'void gup(void) { local_irq_disable(); spin_lock(&s); spin_unlock(&s); local_irq_enable(); }', { 'z@m0': 'z()', 'b@m0': 'gup()' }, MAPPED);
    expect(r.outcome, r.headline).toBe('deadlock');
    expect(r.cycle?.some((e) => e.task === 'z' && e.wants === 'the TLB-flush IPI to b (interrupts off)')).toBe(true);
  });
});
