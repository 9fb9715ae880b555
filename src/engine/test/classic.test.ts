// The classic cases: the 2007 patch's three deadlocks are found with the fewest context switches
// and their cycles named; the write path that landed (prefault, then an atomic copy under the
// page lock, retrying a short copy) is ok and exhaustive against all three. Each deadlock's source
// is dropped after 2.6.20's prefault, while its page stays up to date, so each needs the fault
// path of d00806b18315 (mm/filemap.c filemap_nopage() locking every page): on 2.6.20 as
// released, whose filemap_nopage() locks only a page that is not up to date, all three are ok.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../index.js';

const original = readFileSync(new URL('../../content/cells/2007-pagecache-write-deadlocks/original-same-page.c', import.meta.url), 'utf8');

const FIXED = String.raw`
ssize_t generic_file_buffered_write(struct file *file, loff_t pos, char __user *buf, size_t count)
{
	struct file *mapping = file->f_mapping;
	ssize_t written = 0;

	do {
		unsigned long index = pos / PAGE_SIZE;
		unsigned long offset = pos % PAGE_SIZE;
		unsigned long bytes = PAGE_SIZE - offset;
		unsigned long copied;
		struct page *page;

		if (bytes > count)
			bytes = count;
again:
		if (fault_in_pages_readable(buf, bytes))	/* no page lock held here */
			return written ? written : -EFAULT;
		page = grab_cache_page(mapping, index);
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);
		pagefault_disable();
		copied = bytes - __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		if (copied < bytes && !PageUptodate(page))
			copied = 0;
		commit_write(file, page, offset, offset + copied);
		unlock_page(page);
		put_page(page);
		if (copied == 0)
			goto again;
		written += copied;
		pos += copied;
		buf += copied;
		count -= copied;
	} while (count);
	return written;
}
`;

const switches = (r: ReturnType<typeof check>) => r.trace!.steps.filter((s) => s.switched && !s.blocked).length;

describe('the 2007 patch description\'s three deadlocks', () => {
  it('2,8: recursive deadlock on the same page, once madvise() has dropped the prefaulted source', () => {
    const r = check({ scenario: '2007/same-page', strategy: original });
    expect(r.outcome).toBe('deadlock');
    expect(r.cycle).toEqual([{ task: 'writer', holds: 'lock of pageA', wants: 'lock of pageA' }]);
    expect(switches(r)).toBe(2); // to the zapper after the prefault, and back
  });
  it('2,8;2,8: ABBA between two writers, their sources dropped after the prefault', () => {
    const r = check({ scenario: '2007/two-writers', strategy: original });
    expect(r.cycle).toEqual([
      { task: 'writer_a', holds: 'lock of pageA', wants: 'lock of pageB' },
      { task: 'writer_b', holds: 'lock of pageB', wants: 'lock of pageA' },
    ]);
    expect(switches(r)).toBe(4);
  });
  it('2,6;b,f: the page lock against mmap_sem taken for mlock, the buffer dropped after the prefault', () => {
    const r = check({ scenario: '2007/mlock', strategy: original });
    expect(r.cycle).toEqual([
      { task: 'writer', holds: 'lock of pageA', wants: 'mmap_sem (read)' },
      { task: 'mlocker', holds: 'mmap_sem', wants: 'lock of pageA' },
    ]);
    expect(switches(r)).toBe(3);
  });
  it('on 2.6.20 as released (filemap_nopage() maps an up-to-date page unlocked) all three are ok', () => {
    for (const scenario of ['2007/same-page@2.6.20', '2007/two-writers@2.6.20', '2007/mlock@2.6.20']) {
      const r = check({ scenario, strategy: original });
      expect(r.outcome, `${scenario}: ${r.headline}`).toBe('ok');
      expect(r.stats.exhaustive).toBe(true);
    }
  });
  it('2.6.20 as released deadlocks when the source was evicted after the prefault (the new page is not up to date)', () => {
    const r = check({ scenario: '2007/evicted-mlock', strategy: original });
    expect(r.outcome).toBe('deadlock');
    expect(r.cycle).toEqual([{ task: 'writer', holds: 'lock of free0', wants: 'lock of free0' }]);
  });
  it('the prefault + atomic copy + retry write path is ok, exhaustively, against all three', () => {
    for (const scenario of ['2007/same-page', '2007/two-writers', '2007/mlock']) {
      const r = check({ scenario, strategy: FIXED });
      expect(r.outcome, `${scenario}: ${r.headline}`).toBe('ok');
      expect(r.stats.exhaustive).toBe(true);
    }
  });
});

describe('a kernel thread calls write() (2007/gup-pin-kernel-thread)', () => {
  const cell = (id: string) => readFileSync(new URL(`../../content/cells/2007-pagecache-write-deadlocks/${id}.c`, import.meta.url), 'utf8');
  it('from a kernel buffer the landed write path and the temporary page are ok; the January gup-pin patch dereferences a NULL mm', () => {
    for (const id of ['perform-write', 'temp-page']) {
      const r = check({ scenario: '2007/gup-pin-kernel-thread', strategy: cell(id) });
      expect(r.outcome, `${id}: ${r.headline}`).toBe('ok');
      expect(r.costs!.bytesCopied, id).toBeGreaterThanOrEqual(2);
    }
    expect(check({ scenario: '2007/gup-pin-kernel-thread', strategy: FIXED }).outcome).toBe('ok');
    const r = check({ scenario: '2007/gup-pin-kernel-thread', strategy: cell('gup-pin') });
    expect(r.outcome).toBe('bug');
    expect(r.headline).toMatch(/^Bug: NULL pointer dereference taking &->mmap_sem \(kthread/);
  });
});
