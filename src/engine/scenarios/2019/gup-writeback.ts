// The 2018 crash (John Hubbard's report): a driver pins a file page with get_user_pages() and a
// device DMAs into it; meanwhile writeback cleans the page and reclaim releases its buffers; the
// driver's completion dirties a page that has no buffers, and ext4's writepage hits
// BUG_ON(!PagePrivate(page)). The pin hooks come from the cell (see kernel/prelude-pins.ts).

export default String.raw`id          2019/gup-writeback
title       A device writes into a pinned file page while writeback and reclaim run
description A driver pins page 0 of an ext4 file, mapped writable in its process, with slow
description get_user_pages() and starts a DMA transfer into it. Writeback cleans and writes the page,
description then reclaim unmaps it and releases its buffers. The device writes, and the driver's
description completion calls set_page_dirty_lock() and put_user_page(). A last writeback must find
description the page with its buffers and put the device's byte on disk.
model       sc
kernel      5.0
strategy    src/content/cells/2019-gup-pinning/gup-writeback-2018.c
page-size   4
param stable_pages boolean false "the disk requires stable pages"

file A "abcd"
page page0 file A index 0 uptodate dirty private
mm   m0
map  m0 0x1000 file A writable populated

task driver    cpu 0 mm m0 : driver_slow(0x1000)
task device    cpu 0 device : dma_device()
task writeback cpu 1 : writeback_then_reclaim(page0)
task sync      cpu 1 : final_sync(page0, device)

code:
`;
