/*
 * Idea #42, probing the first and the last byte of the source: if both are
 * mapped, the whole copy is, so it cannot fault.
 */

/* the atomic get_user(): the byte, or -EFAULT if it is not mapped (no fault taken) */
int get_user_atomic(char __user *addr)
{
	int c;

	pagefault_disable();
	c = user_byte(addr);		/* the simulator's probe of a user byte */
	pagefault_enable();
	return c < 0 ? -EFAULT : c;
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
		page = grab_cache_page(mapping, index);		/* locked */
		if (!page)
			return written ? written : -ENOMEM;
		if (get_user_atomic(buf) < 0 || get_user_atomic(buf + bytes - 1) < 0) {
			/* would fault: nothing done yet, so back off and retry */
			unlock_page(page);
			put_page(page);
			if (do_page_fault(buf, 0))
				return written ? written : -EFAULT;
			continue;
		}
		prepare_write(file, page, offset, offset + bytes);
		left = filemap_copy_from_user(page, offset, buf, bytes);	/* may still fault */
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
