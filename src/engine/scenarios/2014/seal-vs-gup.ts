// The 2014 memfd sealing thread (Hugh Dickins, Jan Kara, David Herrmann): a page reference from
// get_user_pages() outlives the mapping it came from, so an I/O still in flight can write into a
// file after F_SEAL_WRITE was granted. The oracle: once sealed, the file never changes.

export default String.raw`id          2014/seal-vs-gup
title       A memfd sealed while a device still holds one of its pages
description A process maps page 0 of a memfd, starts an asynchronous read into it (the driver pins
description the page with get_user_pages() and hands it to a device), unmaps it, and asks for
description F_SEAL_WRITE. The device finishes the read when it likes. Once the seal is granted, the
description file must never change.
model       sc
kernel      3.17
strategy    src/content/cells/2019-gup-pinning/seal-naive.c
page-size   4
param stable_pages boolean false "the disk requires stable pages"

file M "abcd"
page pageM file M index 0 uptodate
mm   m0
map  m0 0x1000 file M writable populated
global seals_M

task app    cpu 0 mm m0 : app(M, 0x1000)
task device cpu 1 device : dma_device()

code:
#define F_SEAL_WRITE 8

/* io_submit() of a read into the mapping, munmap(), then fcntl(F_ADD_SEALS, F_SEAL_WRITE) */
void app(struct file *file, unsigned long addr)
{
	struct page *page = get_user_pages_slow(current->mm, addr);

	if (page)
		dma_start(page);
	sys_munmap(addr, PAGE_SIZE);
	memfd_add_seals(file, F_SEAL_WRITE);
}
`;
