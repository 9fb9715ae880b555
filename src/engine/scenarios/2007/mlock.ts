// Patch 9/9's deadlock "2,6;b,f": the writer holds the page lock and faults on its buffer
// (needs mmap_sem for reading); mlock holds mmap_sem for writing and faults the same page in
// through get_user_pages (needs the page lock). The writer's prefault maps its buffer first, so
// its copy faults only if the buffer is dropped meanwhile (madvise(MADV_DONTNEED) by a third
// thread). The destination page is cached and up to date: mlock's fault locks it only on a
// kernel whose fault path locks every page (2.6.20-fault-lock; see 2007/mlock@2.6.20).
export default String.raw`id          2007/mlock
title       write() against mlock(): mmap_sem and the page lock
description A writer thread write()s into file A's page 0 from an anonymous buffer; a second thread
description drops the buffer's mapping (madvise(MADV_DONTNEED)) at any moment. A third thread mlock()s
description a mapping of file A's page 0: it takes mmap_sem for writing and faults the page in (2,6;b,f).
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/original-mlock.c
page-size   4

file A "abcd"
page pageA file A index 0 uptodate
pool 2                                   # for the buffer's first touch, and its second
mm   m0
map  m0 0x1000 file A                    # the mapping mlock() faults in
anon m0 0x2000 writable                  # the writer's buffer, never touched yet

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer  cpu 0 mm m0 : sys_write(A, 0, 0x2000, 2)
task mlocker cpu 1 mm m0 : sys_mlock(0x1000, 4)
task zapper  cpu 2 mm m0 : sys_madvise_dontneed(0x2000, 0x2004)
`;
