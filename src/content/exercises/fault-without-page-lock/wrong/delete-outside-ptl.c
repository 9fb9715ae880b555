/* The fault's check as in the solution; invalidation removes the page after dropping the page-table lock. */
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
	struct page *page;
	int sequence;

retry:
	sequence = truncate_count;
	smp_rmb();					/* truncate_count before i_size */
	page = filemap_nopage(vma, address);
	if (!page)
		return VM_FAULT_SIGBUS;
	mutex_lock(&ptl);				/* pte_offset_map_lock() */
	if (sequence != truncate_count || page->mapping != vma->vm_file->f_mapping) {
		mutex_unlock(&ptl);
		put_page(page);
		goto retry;
	}
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

int invalidate_inode_pages2(struct file *mapping)
{
	unsigned long index;

	for (index = 0; index < file_max_pages(mapping); index++) {
		struct page *page = find_lock_page(mapping, index);
		if (!page)
			continue;
		mutex_lock(&ptl);
		while (page_mapcount(page))
			unmap_mapping_page(page);
		mutex_unlock(&ptl);
		if (!PageDirty(page))
			delete_from_page_cache(page);
		unlock_page(page);
		put_page(page);
	}
	return 0;
}
