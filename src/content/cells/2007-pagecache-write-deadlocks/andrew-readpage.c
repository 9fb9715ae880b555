/*
 * Andrew Morton's readpage idea (5 February 2007): on a short atomic copy,
 * do not zero the rest of the page; bring its non-uptodate parts up to
 * date from disk with ->readpage() (which unlocks the page), relock, and
 * commit what was copied. Then go round again for the rest.
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
		unsigned long copied;
		struct page *page;

		if (bytes > count)
			bytes = count;
		if (fault_in_pages_readable(buf, bytes))
			return written ? written : -EFAULT;
		page = grab_cache_page(mapping, index);		/* locked */
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);	/* may allocate */
		pagefault_disable();
		copied = bytes - __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		if (copied < bytes && !PageUptodate(page)) {
			readpage(file, page);	/* the rest from disk; unlocks the page */
			wait_on_page_locked(page);
			lock_page(page);
		}
		commit_write(file, page, offset, offset + copied);
		unlock_page(page);
		put_page(page);
		written += copied;
		pos += copied;
		buf += copied;
		count -= copied;
	} while (count);
	return written;
}
