// Andrew's repair of the unpaging_lock (4 February 2007): touch the source once before taking the
// lock, so that the fault, and the allocations it makes, happen outside it. Nick's objection, made
// concrete: a second task that needs memory reclaims the writer's source page between that first
// touch and down_read(), and takes the freed page for itself, so the second touch, under the lock,
// faults again, must allocate, reclaims in turn and meets its own lock. 2007/unpaging-lock has no
// such second task, and there the repair passes.
import { RECLAIMING_GRAB } from './unpaging-lock.js';

export default String.raw`id          2007/get-user-twice
title       write() under unpaging_lock while another task reclaims
description A task write()s two bytes to file A's page 0 (cached) from a mapping of file B, whose
description page is cached and mapped. No page is free. Another task allocates a page for file D: it
description reclaims, and it may pick the writer's source page, which it unmaps and then takes. The
description writer's process also maps file C's page, the only other page reclaim can free.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/get-user-twice.c
page-size   4

file A "abcd"
file B "WX"
file C "cccc"
file D "dddd"
page pageA file A index 0 uptodate
page pageB file B index 0 uptodate
page pageC file C index 0 uptodate
pool 0                                   # memory is full
mm   m0
map  m0 0x1000 file B populated          # the writer's buffer, in memory and mapped
map  m0 0x3000 file C populated          # something else the process uses
rwsem unpaging_lock                      # Andrew's proposal (one process, one lock)

task writer    cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
task allocator cpu 1       : allocate_page(D)

code:
/* direct reclaim, reduced to what this world has to give: file B's page, then file C's */
int try_to_free_pages(void)
{
	if (shrink_mapping(B))
		return 1;
	return shrink_mapping(C);
}
${RECLAIMING_GRAB}
/* any task that needs a page while memory is full: here, reading file D into the cache */
void allocate_page(struct file *mapping)
{
	struct page *page = grab_cache_page(mapping, 0);

	if (page) {
		unlock_page(page);
		put_page(page);
	}
}
`;
