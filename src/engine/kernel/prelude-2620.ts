// Linux 2.6.20 as released (February 2007), where it differs from the base prelude (prelude.ts,
// which carries Nick Piggin's fault-vs-invalidate fix d00806b18315 as mailed with his January
// 2007 series). Two differences, the two halves of that fix:
// - the fault path (filemap_nopage + do_no_page) looks a cached, up-to-date page up without its
//   lock and maps it unlocked; it locks a page only to read it in;
// - truncate_inode_pages removes each page under its lock without looking at its mappings: only
//   vmtruncate's unmap_mapping_range, before it, unmapped the range, once.
// 2.6.20's do_no_page also retried when mapping->truncate_count moved; that retry is not here:
// the 2006 chapter's cells, which argue about it, write it themselves (see kernels.md).
export const PRELUDE_2620 = String.raw`/* ---- 2.6.20 as released: the fault path and truncate before d00806b18315 ---- */

/* the fault handler of file mappings: a cached, up-to-date page is found and mapped without its
 * lock; the lock is taken only to read a page in (readpage unlocks it when the read is done) */
/* follows: mm/filemap.c filemap_nopage() and mm/memory.c do_no_page() of 2.6.20 */
int filemap_fault(struct vm_area_struct *vma, unsigned long address)
{
	struct file *file = vma->vm_file;
	struct file *mapping = file->f_mapping;
	unsigned long index = vma->vm_pgoff + (address - vma->vm_start) / PAGE_SIZE;
	struct page *page;

	if (index * PAGE_SIZE >= i_size_read(mapping))
		return VM_FAULT_SIGBUS;
retry_find:
	page = find_get_page(mapping, index);
	if (!page) {
		page = page_cache_alloc(mapping);	/* page_cache_read() */
		if (!page)
			return VM_FAULT_OOM;
		if (!add_to_page_cache(page, mapping, index))
			readpage(file, page);
		put_page(page);
		goto retry_find;
	}
	if (!PageUptodate(page)) {		/* page_not_uptodate: */
		lock_page(page);
		if (!page->mapping) {		/* truncated while we waited */
			unlock_page(page);
			put_page(page);
			goto retry_find;
		}
		if (PageUptodate(page))
			unlock_page(page);
		else {
			readpage(file, page);
			wait_on_page_locked(page);
		}
	}
	install_pte(vma, address, page);	/* do_no_page(): the page is not locked */
	put_page(page);
	return 0;
}

/* drop the page-cache pages from lstart on, each under its lock, without looking at its mappings:
 * vmtruncate() unmapped the range before, once (one pass with lock_page: the kernel's first pass,
 * with trylock, only saves waiting) */
/* follows: mm/truncate.c truncate_inode_pages_range() of 2.6.20 */
void truncate_inode_pages(struct file *mapping, loff_t lstart)
{
	unsigned long index;

	for (index = (lstart + PAGE_SIZE - 1) / PAGE_SIZE; index < file_max_pages(mapping); index++) {
		struct page *page = find_get_page(mapping, index);
		if (!page)
			continue;
		lock_page(page);
		truncate_complete_page(mapping, page);
		unlock_page(page);
		put_page(page);
	}
}
`;
