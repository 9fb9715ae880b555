// page_mkclean() waits for CPUs that run the page's mm with interrupts off, as the TLB flush that
// follows the write-protect does (mm/rmap.c page_mkclean_one() -> flush_tlb_page(), whose IPI a
// CPU in GUP-fast takes only when it enables interrupts again).
import { describe, expect, it } from 'vitest';
import { run } from '../../test/helpers.js';

const MAPPED = 'file A "abcd"\npage page0 file A index 0 uptodate\nmm m0\nmap m0 0x1000 file A writable populated\nglobal s';

// the cleaner holds a spinlock that a task with interrupts off wants
const SPIN = 'void wb(void) { spin_lock(&s); lock_page(page0); page_mkclean(page0); unlock_page(page0); spin_unlock(&s); }\n' +
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
