/*
 * The buffered write path of 2.6.20, reduced for this exercise: lock the
 * page-cache page, then copy from the user's buffer into it. One step
 * 2.6.20 took before locking the page is missing here, so the copy may
 * fault with the page locked.
 */
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
