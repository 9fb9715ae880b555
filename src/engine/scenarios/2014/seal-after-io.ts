// A seal that must be granted: the asynchronous read has completed and its page reference is gone
// before the process asks for F_SEAL_WRITE. A seal that refuses here refuses for ever (the oracle
// is the WARN_ON in the scenario's app, a harness check, not kernel code).
import { PINS_PRELUDE } from '../../kernel/prelude-pins.js';
import { DENY_WRITABLE } from '../library/index.js';

export default String.raw`id          2014/seal-after-io
title       Sealing a memfd after its I/O has completed
description A process maps page 0 of a memfd, runs an asynchronous read into it to completion (the
description driver's reference is dropped), unmaps it and asks for F_SEAL_WRITE. Nothing holds the
description page any more, so the seal must be granted; the file must not change afterwards.
model       sc
kernel      3.17
strategy    src/content/cells/2014-memfd-sealing/wait-for-pins.c
page-size   4
param stable_pages boolean false "the disk requires stable pages"

file M "abcd"
page pageM file M index 0 uptodate
mm   m0
map  m0 0x1000 file M writable populated
global seals_M
global io_done
mutex i_mmap_mutex                       # guards the file's i_mmap_writable

task app    cpu 0 mm m0 : app(M, 0x1000)
task device cpu 1 device : device_then_done()

code:
#define F_SEAL_WRITE 8

/* io_submit() of a read into the mapping, io_getevents() until it is done, munmap(), seal */
void app(struct file *file, unsigned long addr)
{
	struct page *page = get_user_pages_slow(current->mm, addr);

	if (page)
		dma_start(page);
	wait_for_completion(&io_done);
	sys_munmap(addr, PAGE_SIZE);
	WARN_ON(memfd_add_seals(file, F_SEAL_WRITE) != 0);	/* harness: nobody holds the page now */
}

/* the device, then the completion the process waits for */
void device_then_done(void)
{
	dma_device();
	complete(&io_done);
}

${DENY_WRITABLE}` + PINS_PRELUDE;
