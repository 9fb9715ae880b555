// Jérôme Glisse's barrier scheme (15 January 2019): the pin side and writeback race with no lock,
// each writing its own word (_refcount, PG_writeback) and then reading the other's. Run it under
// sc, tso and weak: the answer depends on the barriers.

export default String.raw`id          2019/barrier-race
title       A lock-free pin against writeback
description A driver pins page 0 of an ext4 file (no page lock) and starts a DMA transfer into it,
description while writeback starts on the same page. The disk requires stable pages: the device must
description not change the page while it is under writeback. A last writeback must put the device's
description byte on disk. The page's _refcount and flags are words of the memory model.
model       sc
kernel      5.0
strategy    src/content/cells/2019-gup-pinning/barrier-scheme-sc.c
page-size   4
param stable_pages boolean true "the disk requires stable pages"

file A "abcd"
page page0 file A index 0 uptodate dirty private
mm   m0
map  m0 0x1000 file A writable populated

task pinner    cpu 0 : pin_and_dma(page0)
task writeback cpu 1 : write_one_page(page0)
task device    cpu 0 device : dma_device()
task sync      cpu 1 : final_sync(page0, device)

code:
`;
