// Anton's flag extended to readpage(), against the write that Patch 9/9 starts from: the source
// is a mapping of the destination page itself. The writer sets the flag and unlocks; copying the
// source faults on that same page, and the fault path, which must honour the flag before it
// reads the page, waits for a flag that only the writer will clear.
export default String.raw`id          2007/anton-readpage-flag
title       write() into an uncached page from a mapping of it, with readpage() excluded
description A task write()s two bytes to file A's page 0, which is not in the page cache, from a buffer
description that maps file A's page 0 and is not yet faulted in (2,8 of the patch description).
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/anton-readpage-flag.c
page-size   4

file A "abcd"
pool 3
mm   m0
map  m0 0x1000 file A writable           # the writer's buffer: file A's own page 0
mutex dont_truncate                      # Anton's page flag, for the one page in play (a sleeping bit)

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)

task writer cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
`;
