// Memory pressure inside the fault. The write's source is not in memory, the free pool is
// empty, so faulting it in allocates through direct reclaim, and the one page reclaim can take
// is mapped by the writer's own process: reclaim must unmap it. Under Andrew's unpaging_lock the
// writer holds the lock for reading while reclaim, in the same task, wants it for writing.
// grab_cache_page() as the allocator of a full memory: it reclaims (the scenario's
// try_to_free_pages) when no page is free. Shared with 2007/get-user-twice.
export const RECLAIMING_GRAB = String.raw`
/* grab_cache_page() of the prelude, with the allocator reclaiming when memory is full */
struct page *grab_cache_page(struct file *mapping, unsigned long index)
{
	struct page *page;
	int err;
repeat:
	page = find_lock_page(mapping, index);
	if (page)
		return page;
	page = page_cache_alloc(mapping);
	if (!page && try_to_free_pages())
		page = page_cache_alloc(mapping);
	if (!page)
		return NULL;
	err = add_to_page_cache(page, mapping, index);
	if (err) {
		put_page(page);
		if (err == -EEXIST)
			goto repeat;
		return NULL;
	}
	return page;
}
`;

export default String.raw`id          2007/unpaging-lock
title       write() that faults under memory pressure
description A task write()s two bytes to file A's page 0 (cached) from a mapping of file B, whose page
description is not in memory. No page is free: allocating one reclaims, and the only reclaimable page
description is file C's, which the same process has mapped. The unpaging_lock of Andrew's proposal is
description declared here so a strategy can use it; the kernel of 2007 has no such lock.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/unpaging-lock.c
page-size   4

file A "abcd"
file B "WX"
file C "cccc"
page pageA file A index 0 uptodate
page pageC file C index 0 uptodate
pool 0                                   # memory is full
mm   m0
map  m0 0x1000 file B                    # the writer's buffer, not in memory
map  m0 0x3000 file C populated          # something else the process uses
rwsem unpaging_lock                      # Andrew's proposal (one process, one lock)

mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)

code:
/* direct reclaim, reduced to what this world has to give: file C's page */
int try_to_free_pages(void)
{
	return shrink_mapping(C);
}

${RECLAIMING_GRAB}`;
