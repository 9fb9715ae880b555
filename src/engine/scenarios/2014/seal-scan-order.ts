// The order inside the seal that landed in 3.17: refuse new writable mappings first, then wait
// for pins. A thread of the same process starts an asynchronous read into the mapping and unmaps
// it while another thread seals. The model has no i_mmap_writable; mapping_deny_writable()
// (library/deny-writable.ts) stands in for it in this one-process world: it refuses while the process still maps the file.
import { PINS_PRELUDE } from '../../kernel/prelude-pins.js';
import { DENY_WRITABLE } from '../library/index.js';

export default String.raw`id          2014/seal-scan-order
title       Sealing a memfd while another thread starts I/O into it and unmaps it
description Thread io pins page 0 of a memfd mapping with get_user_pages() for an asynchronous read,
description hands it to the device and unmaps the buffer. Thread sealer, meanwhile, asks for
description F_SEAL_WRITE, which must be refused while a writable mapping exists. The device finishes
description the read when it likes. Once the seal is granted, the file must never change.
model       sc
kernel      3.17
strategy    src/content/cells/2014-memfd-sealing/scan-then-deny.c
page-size   4
param stable_pages boolean false "the disk requires stable pages"

file M "abcd"
page pageM file M index 0 uptodate
mm   m0
map  m0 0x1000 file M writable populated
global seals_M
mutex i_mmap_mutex                       # guards the file's i_mmap_writable

task io     cpu 0 mm m0 : io(0x1000)
task sealer cpu 1 mm m0 : memfd_add_seals(M, F_SEAL_WRITE)
task device cpu 2 device : dma_device()

code:
#define F_SEAL_WRITE 8

/* io_submit() of a read into the mapping, then munmap() */
void io(unsigned long addr)
{
	driver_slow(addr);
	sys_munmap(addr, PAGE_SIZE);
}

${DENY_WRITABLE}` + PINS_PRELUDE;
