// Andrew Morton's power4 oops: a kernel thread, which has no mm, calls sys_write. Any write path
// that takes current->mm->mmap_sem or walks page tables dereferences NULL.
export default String.raw`id          2007/gup-pin-kernel-thread
title       A kernel thread calls write()
description A kernel thread (no mm: current->mm is NULL) write()s two bytes into file A's page 0,
description which is not in the page cache. In the kernel its buffer is a kernel address (set_fs);
description the simulator has no kernel buffers, so here only the write path's own steps matter.
model       sc
strategy    src/content/cells/2007-pagecache-write-deadlocks/gup-pin.c
page-size   4

file A "abcd"
pool 2

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task kthread cpu 0 : sys_write(A, 0, 0x1000, 2)
`;
