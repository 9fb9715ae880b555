// Patch 9/9's deadlock "2,8": write() whose user buffer is an mmap of the very page being
// written. The write path faults its source in first (fault_in_pages_readable), so the copy only
// faults if the mapping is dropped between that prefault and the copy: another thread's
// madvise(MADV_DONTNEED) here. The page stays cached and up to date, so the deadlock needs a
// fault path that locks every page (2.6.20-fault-lock); 2.6.20 as released maps an up-to-date
// page without its lock (run it as 2007/same-page@2.6.20).
export default String.raw`id          2007/same-page
title       write() from an mmap of the page being written, the mapping dropped meanwhile
description A task write()s two bytes to file A at offset 0 from a buffer that maps file A's page 0.
description The write path faults the buffer in, then locks the page and copies; another thread of
description the process drops the buffer's mapping (madvise(MADV_DONTNEED)) at any moment, so the
description copy can fault, and the fault handler locks the same page (2,8 in the patch description).
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/original-same-page.c
page-size   4

file A "abcd"
page pageA file A index 0 uptodate
mm   m0
map  m0 0x1000 file A writable          # not populated: the prefault maps it

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
task zapper cpu 1 mm m0 : sys_madvise_dontneed(0x1000, 0x1004)
`;
