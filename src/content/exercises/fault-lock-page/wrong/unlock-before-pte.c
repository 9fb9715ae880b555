/*
 * The page lock around the lookup and the recheck, released before
 * do_no_page() sets the PTE.
 */
struct page *filemap_nopage(struct vm_area_struct *vma, unsigned long address)
{
	struct file *mapping = vma->vm_file->f_mapping;
	unsigned long pgoff = vma->vm_pgoff + (address - vma->vm_start) / PAGE_SIZE;
	struct page *page;

	if (pgoff * PAGE_SIZE >= i_size_read(mapping))
		return NULL;				/* SIGBUS */
	page = grab_cache_page(mapping, pgoff);	/* find_lock_page, or read it in */
	if (!page)
		return NULL;
	if (!PageUptodate(page)) {
		readpage(vma->vm_file, page);		/* unlocks it */
		lock_page(page);
	}
	if (page->mapping != mapping || pgoff * PAGE_SIZE >= i_size_read(mapping)) {
		unlock_page(page);			/* truncated meanwhile */
		put_page(page);
		return NULL;
	}
	unlock_page(page);				/* checked: done with the lock */
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
