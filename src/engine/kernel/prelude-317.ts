// Linux 3.17 (memfd sealing, 2014), where it differs from 2.6.24: get_user_pages() of the time,
// whose page-table walk checks the PTE's write bit and takes the page's reference in one step
// (follow_page_mask() under the PTE lock, which page_mkclean() and unmapping also take), and a
// driver that drops its reference with put_page(); and write() refusing a file sealed against
// writes (memfd sealing came with 3.17). The driver and device are DMA_PRELUDE's.
export const PRELUDE_317 = String.raw`/* ---- 3.17: get_user_pages() takes a plain reference ---- */

/* get_user_pages(addr, 1, FOLL_WRITE) for one page: the PTE is checked for write and the
 * reference taken in one step; if that fails, fault the page in for write and look again */
/* follows: mm/memory.c __get_user_pages() of 3.17: follow_page_mask(FOLL_GET | FOLL_WRITE), then handle_mm_fault() */
struct page *get_user_pages_slow(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;

	down_read(&mm->mmap_sem);
	vma = find_vma(mm, addr);
	while (vma) {
		page = follow_page(vma, addr, FOLL_GET | FOLL_WRITE);
		if (page)
			break;
		if (handle_mm_fault(mm, vma, addr, 1)) {
			page = NULL;
			break;
		}
	}
	up_read(&mm->mmap_sem);
	return page;
}

/* get_user_pages_fast() for one page: the page-table walk with interrupts off, a plain reference;
 * the slow path if the walk finds nothing (interrupts off hold off the TLB-shootdown IPI that a
 * concurrent unmap or page_mkclean waits for, so the page cannot be freed before get_page) */
/* follows: arch/x86/mm/gup.c get_user_pages_fast() and gup_pte_range() of 3.17 */
struct page *get_user_pages_fast(unsigned long addr)
{
	struct page *page;

	local_irq_disable();
	page = gup_fast_walk(current->mm, addr, 1);
	if (page)
		get_page(page);
	local_irq_enable();
	if (!page)
		page = get_user_pages_slow(current->mm, addr);
	return page;
}

#define F_SEAL_WRITE	8

/* write(): a file sealed against writes refuses it, under i_mutex, which adding a seal takes too */
/* follows: mm/shmem.c shmem_write_begin() of 3.17 (-EPERM under F_SEAL_WRITE) */
ssize_t sys_write(struct file *file, loff_t pos, char __user *buf, size_t count)
{
	ssize_t written = -EPERM;

	mutex_lock(&file->f_mapping->i_mutex);
	if (!(file_seals(file->f_mapping) & F_SEAL_WRITE))
		written = generic_file_buffered_write(file, pos, buf, count);
	mutex_unlock(&file->f_mapping->i_mutex);
	return written;
}

/* the driver's release of a page it got from get_user_pages() */
/* follows: include/linux/mm.h put_page(), which a 3.17 driver called (the name put_user_page() came with 5.2) */
void put_user_page(struct page *page)
{
	put_page(page);
}
`;
