/*
 * filemap_nopage() as 2.6.15 had it, unlocked; do_no_page() locks the
 * page it was given, checks that it is still the file's page, and keeps
 * the lock until the PTE is set.
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
	struct file *mapping = vma->vm_file->f_mapping;
	struct page *page;

retry:
	page = filemap_nopage(vma, address);
	if (!page)
		return VM_FAULT_SIGBUS;
	lock_page(page);
	if (page->mapping != mapping) {			/* gone while we looked */
		unlock_page(page);
		put_page(page);
		goto retry;
	}
	mutex_lock(&ptl);
	install_pte(vma, address, page);
	mutex_unlock(&ptl);
	unlock_page(page);
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
