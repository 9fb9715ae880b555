// A write into a page that is not in the cache (so not up to
// date), from a mapping of that same page, while another thread mlock()s the mapping. 2,8 and
// 2,6;b,f at once, on the path (!PageUptodate) where the merged fix uses its temporary page.
export default String.raw`id          2007/uncached-mlock
title       write() into an uncached page from a mapping of it, against mlock()
description A writer thread write()s two bytes to file A's page 0, which is not in the page cache,
description from a buffer that maps file A's page 0 (not yet faulted in). Another thread of the same
description process mlock()s that mapping: it holds mmap_sem for writing while it faults the page in.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/temp-page.c
page-size   4

file A "abcd"
pool 2                                   # the page-cache page and one more (a temporary page)
mm   m0
map  m0 0x1000 file A writable           # the writer's buffer, and what mlock() faults in

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer  cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
task mlocker cpu 1 mm m0 : sys_mlock(0x1000, 4)
`;
