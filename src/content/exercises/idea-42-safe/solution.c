/*
 * Idea #42, made safe: the get_user() probe is only a hint. The copy under
 * the page lock is itself atomic, and when it comes up short (the source
 * was unmapped after the probe) the write backs off exactly as it does when
 * the probe faults: nothing committed, lock dropped, source faulted in,
 * start again.
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
		/* the source may have been unmapped since get_user(): never fault here */
		pagefault_disable();
		left = __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		if (left) {
			/* same as a failed get_user(): commit nothing, back off, retry */
			unlock_page(page);
			put_page(page);
			if (do_page_fault(buf + bytes - left, 0))
				return written ? written : -EFAULT;
			continue;
		}
		commit_write(file, page, offset, offset + bytes);
		unlock_page(page);
		put_page(page);
		written += bytes;
		pos += bytes;
		buf += bytes;
		count -= bytes;
	} while (count);
	return written;
}
