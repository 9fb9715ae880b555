// The race of Andrea Arcangeli's report (13 December 2005): invalidate_inode_pages2(), as NFS
// revalidation and O_DIRECT use it, locks the page, unmaps it while it is mapped, and removes it
// from the page cache, while a page fault in another process finds the page without the page
// lock and maps it afterwards. Another process has the page mapped already, so the invalidation
// does call unmap_mapping_range() and truncate_count does move: the race does not depend on it
// standing still.
import { UNMAP } from '../library/index.js';

export default String.raw`id          2006/invalidate
title       A page fault against invalidate_inode_pages2()
description A task faults on its mapping of file A's page 0, which is cached and up to date and
description already mapped by another process. Another task invalidates file A's page cache, as NFS
description does when the file changed on the server. No page-table entry may map a page that is
description no longer in the file's page cache.
model       sc
kernel      2.6.20
strategy    src/content/cells/2006-fault-vs-invalidate/nopage-unlocked.c
page-size   2

file A "ab"
page pageA file A index 0 uptodate
pool 1
mm   m0
mm   m1
map  m0 0x1000 file A                    # the faulting process: not mapped yet
map  m1 0x1000 file A populated          # another process has the page mapped
mutex ptl                                # the page-table lock
global truncate_count = 0                # mapping->truncate_count

task faulter     cpu 0 mm m0 : do_page_fault(0x1000, 0)
task invalidator cpu 1       : invalidate_inode_pages2(A)

code:
${UNMAP}
/* invalidate_inode_pages2() of 2.6.15: lock each page, unmap it while mapped, drop it */
int invalidate_inode_pages2(struct file *mapping)
{
	unsigned long index;

	for (index = 0; index < file_max_pages(mapping); index++) {
		struct page *page = find_lock_page(mapping, index);
		if (!page)
			continue;
		while (page_mapcount(page))
			unmap_mapping_range(mapping, index);
		if (!PageDirty(page))
			delete_from_page_cache(page);
		unlock_page(page);
		put_page(page);
	}
	return 0;
}
`;
