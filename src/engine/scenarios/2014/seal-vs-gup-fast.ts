// The 2014 sealing hole again, with the pin taken by get_user_pages_fast(): a lockless page-table
// walk with interrupts off that never looks at a VMA (Hugh Dickins: a fast path "which expressly
// avoids the vmas"). A proposal that tracks pins on the file must work here too, without sleeping.
import { PINS_PRELUDE } from '../../kernel/prelude-pins.js';
import { DENY_WRITABLE } from '../library/index.js';

export default String.raw`id          2014/seal-vs-gup-fast
title       A memfd sealed while a device holds a page pinned by GUP-fast
description A process maps page 0 of a memfd, starts an asynchronous read into it through
description get_user_pages_fast() (no mmap_sem, no VMA, interrupts off), unmaps it, and asks for
description F_SEAL_WRITE. The device finishes the read when it likes. Once the seal is granted, the
description file must never change.
model       sc
kernel      3.17
strategy    src/content/cells/2014-memfd-sealing/seal-naive.c
page-size   4
param stable_pages boolean false "the disk requires stable pages"

file M "abcd"
page pageM file M index 0 uptodate
mm   m0
map  m0 0x1000 file M writable populated
global seals_M
mutex i_mmap_mutex                       # guards the file's i_mmap_writable

task app    cpu 0 mm m0 : app(M, 0x1000)
task device cpu 1 device : dma_device()

code:
#define F_SEAL_WRITE 8

/* io_submit() of a read into the mapping (the driver uses GUP-fast), munmap(), F_SEAL_WRITE */
void app(struct file *file, unsigned long addr)
{
	struct page *page = get_user_pages_fast(addr);

	if (page)
		dma_start(page);
	sys_munmap(addr, PAGE_SIZE);
	memfd_add_seals(file, F_SEAL_WRITE);
}

${DENY_WRITABLE}` + PINS_PRELUDE;
