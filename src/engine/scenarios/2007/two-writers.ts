// Patch 9/9's deadlock "2,8;2,8": two writers, each copying from an mmap of the other's
// destination page. Each holds its own page lock and faults on the other's.
export default String.raw`id          2007/two-writers
title       Two writers, each reading from a mapping of the other's page
description writer_a write()s to file A from a buffer mapping file B's page; writer_b write()s to
description file B from a buffer mapping file A's page. Each locks its destination page, then its copy
description faults on the other's page (2,8;2,8 in the patch description).
model       sc
strategy    src/content/cells/2007-pagecache-write-deadlocks/original-two-writers.c
page-size   4

file A "abcd"
file B "wxyz"
page pageA file A index 0 uptodate
page pageB file B index 0 uptodate
mm   ma
map  ma 0x2000 file B                   # writer_a's buffer: file B, not yet faulted in
mm   mb
map  mb 0x1000 file A                   # writer_b's buffer: file A, not yet faulted in

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer_a cpu 0 mm ma : sys_write(A, 0, 0x2000, 2)
task writer_b cpu 1 mm mb : sys_write(B, 0, 0x1000, 2)
`;
