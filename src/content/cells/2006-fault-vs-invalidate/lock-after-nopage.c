/*
 * Andrea Arcangeli's sketch of 11 January 2006, run literally:
 * filemap_nopage() is the unlocked lookup of 2.6.15 (find_get_page(), no
 * page lock), and do_no_page() takes the page lock only after ->nopage
 * has returned the page. Under the lock it bails out if the page has lost
 * its ->mapping, and it unlocks only after the PTE is set. Bailing out
 * returns to the faulting access, which faults again: the loop below.
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
	struct page *page;

fault_again:
	page = filemap_nopage(vma, address);
	if (!page)
		return VM_FAULT_SIGBUS;
	lock_page(page);				/* after ->nopage returned it */
	if (!page->mapping) {				/* bail_out: invalidated or truncated */
		unlock_page(page);
		put_page(page);
		goto fault_again;			/* the access faults again */
	}
	mutex_lock(&ptl);				/* pte_offset_map_lock() */
	install_pte(vma, address, page);
	mutex_unlock(&ptl);
	unlock_page(page);				/* after page_add_file_rmap() */
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
