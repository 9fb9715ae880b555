// Patch 9/9's deadlock "2,8;2,8": two writers, each copying from an mmap of the other's
// destination page. Each faults its source in, then holds its own page lock; if its source's
// mapping is dropped meanwhile (a third thread's madvise(MADV_DONTNEED)), its copy faults on the
// other's page. Both pages stay cached and up to date, so the deadlock needs the fault-path page
// lock (2.6.20-fault-lock); on 2.6.20 as released (2007/two-writers@2.6.20) the faults get through.
export default String.raw`id          2007/two-writers
title       Two writers, each reading from a mapping of the other's page
description Two threads of one process write: writer_a to file A from its mapping of file B's page,
description writer_b to file B from its mapping of file A's page. A third thread drops both mappings
description (madvise(MADV_DONTNEED)) at any moment. Each writer locks its destination page, then its
description copy may fault on the other's page (2,8;2,8 in the patch description).
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/original-two-writers.c
page-size   2

file A "ab"
file B "wx"
page pageA file A index 0 uptodate
page pageB file B index 0 uptodate
mm   m
map  m 0x1000 file A                     # writer_b's buffer: file A's page
map  m 0x1002 file B                     # writer_a's buffer: file B's page

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer_a cpu 0 mm m : sys_write(A, 0, 0x1002, 2)
task writer_b cpu 1 mm m : sys_write(B, 0, 0x1000, 2)
task zapper   cpu 2 mm m : sys_madvise_dontneed(0x1000, 0x1004)
`;
