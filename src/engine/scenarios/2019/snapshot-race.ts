// Jérôme Glisse's three CPUs (14 January 2019): CPU1 drops an old pin, CPU0 (writeback) asks
// page_pinned(), CPU2 takes a new pin. The oracle is the stable-pages rule: the device must not
// change the page while it is under writeback. Two stagings of CPU2's pin: on a page it already
// holds (pin_and_dma(), as the thread's get_page_pin()), and through get_user_pages_fast(), which
// falls back to slow GUP, so that the pin is taken in a page-table walk right after the write check.

const header = (id: string, title: string, pin: string) => String.raw`id          ${id}
title       ${title}
description Page 0 of an ext4 file is pinned by an earlier I/O. CPU1 completes that I/O (dirty,
description unpin); CPU0 writes the page back, asking page_pinned() first; CPU2 pins the page for a
description new DMA transfer (${pin}), which a device performs. The disk requires stable pages: the
description page must not change while it is under writeback. A last writeback must put the device's
description byte on disk.
model       sc
kernel      5.0
strategy    src/content/cells/2019-gup-pinning/bias-snapshot-race.c
page-size   4
param stable_pages boolean true "the disk requires stable pages"

file A "abcd"
page page0 file A index 0 uptodate dirty private
mm   m0
map  m0 0x1000 file A writable populated

`;

const tasks = (newIo: string) => String.raw`task old_io    cpu 1 : old_io(page0)
task writeback cpu 0 : wait_then_writeback(page0)
${newIo}
task device    cpu 2 device : dma_device()
task sync      cpu 0 : final_sync(page0, device)

code:
int old_pinned;

/* an earlier I/O holds a pin; its completion dirties the page and drops the pin (PUP) */
void old_io(struct page *page)
{
	get_page_pin(page);
	complete(&old_pinned);
	dma_complete(page);
}

void wait_then_writeback(struct page *page)
{
	wait_for_completion(&old_pinned);
	write_one_page(page);
}
`;

export default header('2019/snapshot-race', 'Three CPUs: an unpin, a page_pinned() snapshot, a new pin', 'a pin on the page it holds')
  + tasks('task new_io    cpu 2 : wait_then_pin(page0)') + String.raw`
/* a new I/O pins the page (GUP) and starts the device */
void wait_then_pin(struct page *page)
{
	wait_for_completion(&old_pinned);
	pin_and_dma(page);
}
`;

export const snapshotRaceGup = header('2019/snapshot-race-gup', 'Three CPUs, the new pin through GUP', 'through get_user_pages_fast(), or get_user_pages() when that falls back')
  + tasks('task new_io    cpu 2 mm m0 : wait_then_gup(0x1000)') + String.raw`
/* a new I/O pins the page through GUP-fast (or slow GUP) and starts the device */
void wait_then_gup(unsigned long addr)
{
	wait_for_completion(&old_pinned);
	driver_fast(addr);
}
`;
