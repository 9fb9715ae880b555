// Patch 9/9's deadlock "2,6;b,f": the writer holds the page lock and faults on its buffer
// (needs mmap_sem for reading); mlock holds mmap_sem for writing and faults the same page in
// through get_user_pages (needs the page lock).
export default String.raw`id          2007/mlock
title       write() against mlock(): mmap_sem and the page lock
description A writer thread write()s into file A's page 0 from an anonymous buffer that is not yet
description faulted in. Another thread of the same process mlock()s a mapping of file A's page 0:
description it takes mmap_sem for writing and faults the page in, which locks it (2,6;b,f).
model       sc
strategy    src/content/cells/2007-pagecache-write-deadlocks/original-mlock.c
page-size   4

file A "abcd"
page pageA file A index 0 uptodate
pool 1                                   # for the buffer's first touch
mm   m0
map  m0 0x1000 file A                    # the mapping mlock() faults in
anon m0 0x2000 writable                  # the writer's buffer, never touched yet

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer  cpu 0 mm m0 : sys_write(A, 0, 0x2000, 2)
task mlocker cpu 1 mm m0 : sys_mlock(0x1000, 4)
`;
