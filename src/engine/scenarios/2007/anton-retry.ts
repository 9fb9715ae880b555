// Anton's second variant (4 February 2007): no page flag; after the slow copy, if the destination
// left the file, restart, and after a bounded number of restarts fail with -EDEADLOCK. One
// invalidation only costs a restart (2007/anton-invalidate is OK with it). Here the destination is
// invalidated twice (NFS revalidating the file again) and the writer's buffer is dropped once
// (another thread's madvise(MADV_DONTNEED)), so the atomic copy fails again after the restart, and
// the bound is reached. With check serial, a write that gives up leaves the disk unlike any serial
// order, where the write always completes.
import { INVALIDATE_NO_IMUTEX } from './anton-invalidate.js';

export default String.raw`id          2007/anton-retry
title       write() with a short atomic copy, against repeated invalidation
description A task write()s two bytes to file A's page 0 (cached) from a mapping of file B that is not
description faulted in, so an atomic copy comes up short. Another task invalidates file A's page cache
description twice, without i_mutex; a thread of the writer's process drops the buffer's mapping once.
description After all three, and a sync, file A on disk must be what some serial order leaves.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/anton-retry.c
page-size   4
check       serial

file A "abcd"
file B "WX"
page pageA file A index 0 uptodate
pool 6
mm   m0
map  m0 0x1000 file B                    # the writer's buffer, not in memory

task writer      cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
task invalidator cpu 1       : revalidate_twice(A)
task zapper      cpu 2 mm m0 : sys_madvise_dontneed(0x1000, 0x1004)

code:
${INVALIDATE_NO_IMUTEX}
/* NFS finding the file changed on the server twice while the write runs */
void revalidate_twice(struct file *mapping)
{
	invalidate_inode_pages2(mapping);
	invalidate_inode_pages2(mapping);
}
`;
