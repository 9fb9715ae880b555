// The write_begin/write_end loop's two hazards in one world: the source is a mapping of the
// destination page itself (2,8), and another thread unmaps the source between the prefault and
// the atomic copy, so the copy comes up short into a page that is not up to date.
export default String.raw`id          2007/perform-write
title       write() from a mapping of the same page, with the mapping dropped meanwhile
description A thread write()s two bytes to file A's page 0, which is not in the page cache, from a
description buffer that maps that page. Another thread of the process calls madvise(MADV_DONTNEED) on
description the buffer at any moment, so the next touch of it faults.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/perform-write.c
page-size   4

file A "abcd"
pool 2
mm   m0
map  m0 0x1000 file A writable           # the writer's buffer: file A's own page 0

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
task zapper cpu 1 mm m0 : sys_madvise_dontneed(0x1000, 0x1004)

`;
