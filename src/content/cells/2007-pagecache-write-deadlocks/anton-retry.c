/*
 * Anton Altaparmakov's fallback (4 February 2007), second variant: no page
 * flag. Copy atomically; only if that fails, unlock the destination
 * (keeping a reference), copy the user's bytes into a temporary page with
 * faults allowed, and relock it. If the page left the file meanwhile,
 * abandon it and start the page again; after a bounded number of restarts
 * (one here) give up, and the write fails with -EDEADLOCK.
 */

ssize_t generic_file_buffered_write(struct file *file, loff_t pos,
				    char __user *buf, size_t count)
{
	struct file *mapping = file->f_mapping;
	ssize_t written = 0;
	int restarts = 0;

	do {
		unsigned long index = pos / PAGE_SIZE;
		unsigned long offset = pos % PAGE_SIZE;
		unsigned long bytes = PAGE_SIZE - offset;
		unsigned long left;
		struct page *page;
		struct page *tmp;

		if (bytes > count)
			bytes = count;
again:
		page = grab_cache_page(mapping, index);		/* locked */
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);
		pagefault_disable();
		left = __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		if (left) {
			/* the rare slow path */
			unlock_page(page);			/* our reference stays */
			tmp = alloc_page();
			if (!tmp) {
				put_page(page);
				return written ? written : -ENOMEM;
			}
			left = copy_from_user(tmp, offset, buf, bytes);	/* may fault */
			lock_page(page);
			if (page->mapping != mapping) {		/* truncated or invalidated */
				unlock_page(page);
				put_page(page);
				put_page(tmp);
				if (++restarts > 1)
					return written ? written : -EDEADLOCK;
				goto again;
			}
			memcpy_page(page, offset, tmp, offset, bytes - left);
			put_page(tmp);
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
