/*
 * Anton Altaparmakov's fallback, second variant (4 February 2007): the
 * do-not-truncate flag also excludes readpage(), so that a reader cannot
 * read the blocks prepare_write() allocated before the data is in. A
 * reader that finds the flag set sleeps until it clears. Nick: then the
 * fault path must wait too (read() would wait the same way; this world
 * has no reader). One page is in play, so the flag is the
 * scenario's sleeping bit `dont_truncate`.
 */

/* sleep while the flag is set (wait_on_bit) */
void wait_on_dont_truncate(void)
{
	mutex_lock(&dont_truncate);
	mutex_unlock(&dont_truncate);
}

/* the fault handler of the prelude, with readpage() excluded by the flag */
int filemap_fault(struct vm_area_struct *vma, unsigned long address)
{
	struct file *file = vma->vm_file;
	unsigned long index = vma->vm_pgoff + (address - vma->vm_start) / PAGE_SIZE;
	struct page *page;

	if (index * PAGE_SIZE >= i_size_read(file->f_mapping))
		return VM_FAULT_SIGBUS;
	page = grab_cache_page(file->f_mapping, index);
	if (!page)
		return VM_FAULT_OOM;
	if (!PageUptodate(page)) {
		unlock_page(page);
		wait_on_dont_truncate();	/* new: wait instead of reading */
		lock_page(page);
		if (!PageUptodate(page)) {
			readpage(file, page);
			lock_page(page);
		}
	}
	if (page->mapping == file->f_mapping)
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
		struct page *tmp;

		if (bytes > count)
			bytes = count;
		page = grab_cache_page(mapping, index);		/* locked */
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);
		pagefault_disable();
		left = __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		if (left) {
			/* the rare slow path */
			mutex_lock(&dont_truncate);		/* SetDoNotTruncatePage() */
			unlock_page(page);			/* our reference stays */
			tmp = alloc_page();
			if (tmp) {
				left = copy_from_user(tmp, offset, buf, bytes);	/* may fault */
				lock_page(page);
				memcpy_page(page, offset, tmp, offset, bytes - left);
				put_page(tmp);
			} else {
				lock_page(page);
			}
			mutex_unlock(&dont_truncate);		/* ClearDoNotTruncatePage() */
		}
		commit_write(file, page, offset, offset + bytes - left);
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
