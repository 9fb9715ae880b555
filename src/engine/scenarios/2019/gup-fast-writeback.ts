// The page-lock proposal meets GUP-fast, which walks the page tables with interrupts off and may
// not sleep. Same world as 2019/gup-writeback; the driver uses get_user_pages_fast().

export default String.raw`id          2019/gup-fast-writeback
title       The same race, with the driver pinning through get_user_pages_fast()
description A driver pins page 0 of an ext4 file, mapped writable in its process, with
description get_user_pages_fast() (interrupts off; it falls back to the slow path) and starts a DMA transfer into it. Writeback cleans and writes the page,
description then reclaim unmaps it and releases its buffers. The device writes, and the driver's
description completion calls set_page_dirty_lock() and put_user_page(). A last writeback must find
description the page with its buffers and put the device's byte on disk.
model       sc
kernel      5.0
strategy    src/content/cells/2019-gup-pinning/page-lock-gup-fast.c
page-size   4
param stable_pages boolean false "the disk requires stable pages"

file A "abcd"
page page0 file A index 0 uptodate dirty private
mm   m0
map  m0 0x1000 file A writable populated

task driver    cpu 0 mm m0 : driver_fast(0x1000)
task device    cpu 0 device : dma_device()
task writeback cpu 1 : writeback_then_reclaim(page0)
task sync      cpu 1 : final_sync(page0, device)

code:
`;
