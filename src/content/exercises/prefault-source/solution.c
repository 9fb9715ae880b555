/*
 * The 2.6.20 write path with one change: the copy under the page lock
 * runs with page faults disabled, so it cannot fault. If the source went
 * away after the prefault, the copy comes up short; then nothing is
 * committed, the page is unlocked, and the loop goes round again: the
 * prefault, with no page locked, brings the source back.
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
		if (fault_in_pages_readable(buf, bytes))	/* no lock held yet */
			return written ? written : -EFAULT;
		page = grab_cache_page(mapping, index);		/* lock_page */
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);
		pagefault_disable();
		left = __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		if (!left)
			commit_write(file, page, offset, offset + bytes);
		unlock_page(page);
		put_page(page);
		if (left)
			continue;	/* the source went away: fault it in again */
		written += bytes;
		pos += bytes;
		buf += bytes;
		count -= bytes;
	} while (count);
	return written;
}
