/*
 * The fault path of 2.6.15, reduced to what the race needs. do_no_page()
 * asks the vma's ->nopage (filemap_nopage) for the page, then maps it.
 * filemap_nopage() refuses offsets past i_size and finds the page with
 * find_get_page(): a reference, but not the page lock. Nothing stops
 * invalidate_inode_pages2() from removing the page from the cache between
 * the lookup and the moment the PTE is set.
 */
struct page *filemap_nopage(struct vm_area_struct *vma, unsigned long address)
{
	struct file *mapping = vma->vm_file->f_mapping;
	unsigned long pgoff = vma->vm_pgoff + (address - vma->vm_start) / PAGE_SIZE;
	struct page *page;

	if (pgoff * PAGE_SIZE >= i_size_read(mapping))
		return NULL;				/* SIGBUS */
retry:
	page = find_get_page(mapping, pgoff);		/* no page lock */
	if (!page) {
		page = page_cache_alloc(mapping);
		if (!page)
			return NULL;
		if (add_to_page_cache(page, mapping, pgoff)) {
			put_page(page);
			goto retry;
		}
		readpage(vma->vm_file, page);		/* unlocks it */
	}
	return page;
}

int do_no_page(struct vm_area_struct *vma, unsigned long address)
{
	struct page *page = filemap_nopage(vma, address);

	if (!page)
		return VM_FAULT_SIGBUS;
	mutex_lock(&ptl);				/* pte_offset_map_lock() */
	install_pte(vma, address, page);
	mutex_unlock(&ptl);
	put_page(page);
	return 0;
}

int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long address, int write)
{
	count_vm_event(PGFAULT);
	if (vma->vm_file)
		return do_no_page(vma, address);
	return do_anonymous_page(vma, address);
}
