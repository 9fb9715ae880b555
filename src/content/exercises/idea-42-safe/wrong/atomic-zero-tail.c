/*
 * Idea #42 with the copy made atomic: if it comes up short, zero the rest,
 * commit, and return a short write. No fault under the lock, ever.
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
		if (get_user_atomic(buf) < 0) {
			/* would fault: nothing done yet, so back off and retry */
			unlock_page(page);
			put_page(page);
			if (do_page_fault(buf, 0))
				return written ? written : -EFAULT;
			continue;
		}
		prepare_write(file, page, offset, offset + bytes);
		pagefault_disable();
		left = __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		if (left)	/* the source went away: zero what was not copied */
			zero_user(page, offset + bytes - left, left);
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
