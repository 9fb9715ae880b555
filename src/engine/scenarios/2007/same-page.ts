// Patch 9/9's deadlock "2,8": write() whose user buffer is an mmap of the very page being
// written. The copy faults, and the fault handler needs the page lock the writer holds.
export default String.raw`id          2007/same-page
title       write() from an mmap of the page being written
description A task write()s two bytes to file A at offset 0 from a buffer that maps file A's page 0,
description not yet faulted in. The write path locks the page, then copies from the buffer: the copy
description faults, and the fault handler locks the same page (2,8 in the patch description).
model       sc
strategy    src/content/cells/2007-pagecache-write-deadlocks/original-same-page.c
page-size   4

file A "abcd"
page pageA file A index 0 uptodate
mm   m0
map  m0 0x1000 file A writable          # not populated: the first touch faults

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
`;
