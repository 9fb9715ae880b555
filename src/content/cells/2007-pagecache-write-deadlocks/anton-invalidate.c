/*
 * Anton Altaparmakov's fallback (4 February 2007), first variant: copy
 * atomically; only if that fails, set a do-not-truncate flag, unlock the
 * destination (keeping a reference), copy the user's bytes into a
 * temporary page with faults allowed, relock and copy them in. Truncate
 * treats the flag like the page lock. (One page is in play here, so the
 * flag is the scenario's sleeping bit `dont_truncate`.)
 */

/* truncate, changed as Anton proposes: wait while the flag is set */
void truncate_inode_pages(struct file *mapping, loff_t lstart)
{
	unsigned long index;

	for (index = (lstart + PAGE_SIZE - 1) / PAGE_SIZE; index < file_max_pages(mapping); index++) {
		struct page *page = find_lock_page(mapping, index);
		if (!page)
			continue;
		while (mutex_is_locked(&dont_truncate)) {	/* PageDoNotTruncate */
			unlock_page(page);
			mutex_lock(&dont_truncate);		/* sleep until it clears */
			mutex_unlock(&dont_truncate);
			lock_page(page);
		}
		unmap_mapping_page(page);
		delete_from_page_cache(page);
		unlock_page(page);
		put_page(page);
	}
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
