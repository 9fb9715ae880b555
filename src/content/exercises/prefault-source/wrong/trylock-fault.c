/*
 * Never sleep on a page lock in the fault path: if the page is locked
 * (perhaps by this very write), fail the fault instead.
 */
/* the fault handler of file mappings: find or read the page, lock it, map it */
int filemap_fault(struct vm_area_struct *vma, unsigned long address)
{
	struct file *file = vma->vm_file;
	unsigned long index = vma->vm_pgoff + (address - vma->vm_start) / PAGE_SIZE;
	struct page *page;

	if (index * PAGE_SIZE >= i_size_read(file->f_mapping))
		return VM_FAULT_SIGBUS;
	page = find_get_page(file->f_mapping, index);
	if (!page)
		return VM_FAULT_OOM;
	if (!trylock_page(page)) {	/* someone holds it: perhaps us. Do not wait. */
		put_page(page);
		return VM_FAULT_SIGBUS;
	}
	if (!PageUptodate(page)) {
		readpage(file, page);		/* unlocks the page when the read is done */
		lock_page(page);
	}
	if (page->mapping == file->f_mapping)	/* not truncated meanwhile */
		install_pte(vma, address, page);
	unlock_page(page);
	put_page(page);
	return 0;
}


ssize_t generic_file_buffered_write(struct file *file, loff_t pos,
				    char __user *buf, size_t count)
{
	struct file *mapping = file->f_mapping;
	ssize_t written = 0;

	do {
		unsigned long index = pos / PAGE_SIZE;
		unsigned long offset = pos % PAGE_SIZE;
		unsigned long bytes = PAGE_SIZE - offset;
		unsigned long left;
		struct page *page;

		if (bytes > count)
			bytes = count;
		page = grab_cache_page(mapping, index);		/* lock_page */
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);
		left = filemap_copy_from_user(page, offset, buf, bytes);	/* may fault */
		commit_write(file, page, offset, offset + bytes);
		unlock_page(page);
		put_page(page);
		if (left)
			return written ? written : -EFAULT;
		written += bytes;
		pos += bytes;
		buf += bytes;
		count -= bytes;
	} while (count);
	return written;
}
