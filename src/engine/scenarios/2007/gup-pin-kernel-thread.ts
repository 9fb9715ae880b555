// Andrew Morton's power4 oops: a kernel thread, which has no mm, calls sys_write. Any write path
// that takes current->mm->mmap_sem or walks page tables dereferences NULL. Its buffer is kernel
// memory (a `kbuf`): under set_fs(KERNEL_DS) copy_from_user() reads it without a fault, so a
// write path that only copies (the landed one) completes.
export default String.raw`id          2007/gup-pin-kernel-thread
title       A kernel thread calls write()
description A kernel thread (no mm: current->mm is NULL) write()s two bytes into file A's page 0,
description which is not in the page cache. Its buffer is kernel memory at 0xc000 (set_fs(KERNEL_DS)):
description copying from it never faults, and there is no page table to walk or mmap_sem to take.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/gup-pin.c
page-size   4

file A "abcd"
pool 2
kbuf 0xc000 "XY"                         # the kernel thread's buffer: kernel memory

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task kthread cpu 0 : sys_write(A, 0, 0xc000, 2)
`;
