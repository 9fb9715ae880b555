// Anton's do-not-truncate flag against an invalidation that does not hold i_mutex (Nick: "Not
// all truncates hold i_mutex. Neither do all invalidates"). invalidate_inode_pages2(), as NFS
// revalidation and direct I/O use it, locks each page and removes it from the cache unless it is
// dirty; it knows nothing of the flag. The writer's page can go while it is unlocked.
// invalidate_inode_pages2() as NFS and direct I/O call it, without i_mutex; shared with
// 2007/anton-retry.
export const INVALIDATE_NO_IMUTEX = String.raw`
/* invalidate_inode_pages2(): no i_mutex; lock each page, unmap it, drop it unless dirty */
int invalidate_inode_pages2(struct file *mapping)
{
	unsigned long index;

	for (index = 0; index < file_max_pages(mapping); index++) {
		struct page *page = find_lock_page(mapping, index);
		if (!page)
			continue;
		if (page_mapcount(page))
			unmap_mapping_page(page);
		if (!PageDirty(page))
			delete_from_page_cache(page);
		unlock_page(page);
		put_page(page);
	}
	return 0;
}
`;

export default String.raw`id          2007/anton-invalidate
title       write() with a short atomic copy, against invalidate_inode_pages2()
description A task write()s two bytes to file A's page 0 (cached) from a mapping of file B that is not
description faulted in, so an atomic copy comes up short. Another task invalidates file A's page cache
description without i_mutex. After both, and a sync, file A on disk must be what one of them done
description after the other leaves.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/anton-invalidate.c
page-size   4
check       serial

file A "abcd"
file B "WX"
page pageA file A index 0 uptodate
pool 3
mm   m0
map  m0 0x1000 file B                    # the writer's buffer, not in memory
mutex dont_truncate                      # Anton's page flag, for the one page in play (a sleeping bit)

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)

task writer      cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
task invalidator cpu 1       : invalidate_inode_pages2(A)

code:
${INVALIDATE_NO_IMUTEX}`;
