/*
 * Andrew Morton's proposal (February 2007): copy atomically with the page
 * locked, so no fault is ever taken under the lock. If the copy comes up
 * short, zero the uncopied part of a page that is not up to date, commit,
 * unlock, fault the source in, and retry from where the copy stopped.
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
		if (fault_in_pages_readable(buf, bytes))
			return written ? written : -EFAULT;
		page = grab_cache_page(mapping, index);		/* locked */
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);
		pagefault_disable();
		left = __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		if (left && !PageUptodate(page))
			zero_user(page, offset + bytes - left, left);	/* the "fag end" */
		commit_write(file, page, offset, offset + bytes);	/* marks it uptodate */
		unlock_page(page);
		put_page(page);
		written += bytes - left;
		pos += bytes - left;
		buf += bytes - left;
		count -= bytes - left;
		/* a short copy: go round again, faulting the source in first */
	} while (count);
	return written;
}
