// Idea #42 against two writers whose sources are each other's pages. Checking the source with
// an atomic get_user() under the destination's lock proves it mapped at that moment, but the
// source page is not locked by this writer, so another thread can unmap it (madvise) before the
// copy; the copy then faults under the page lock, and the writers deadlock as in 2,8;2,8.
// Kept small for the cells' time target: one process (two writer threads and a third thread that
// unmaps both buffers with one madvise call), two-byte pages; about 7 400 states for the cell.
export default String.raw`id          2007/idea-42
title       Two writers with crossed sources, and their buffers unmapped meanwhile
description Two threads of one process write: writer_a to file A from its mapping of file B's page,
description writer_b to file B from its mapping of file A's page. Both mappings are present at the
description start. A third thread calls madvise(MADV_DONTNEED) on both buffers, which unmaps them
description (without the page lock) until the next touch faults them back in.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/idea-42.c
page-size   2

file A "ab"
file B "wx"
page pageA file A index 0 uptodate
page pageB file B index 0 uptodate
mm   m
map  m 0x1000 file A populated           # writer_b's buffer: file A's page
map  m 0x1002 file B populated           # writer_a's buffer: file B's page

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer_a cpu 0 mm m : sys_write(A, 0, 0x1002, 2)
task writer_b cpu 1 mm m : sys_write(B, 0, 0x1000, 2)
task zapper   cpu 2 mm m : sys_madvise_dontneed(0x1000, 0x1004)
`;
