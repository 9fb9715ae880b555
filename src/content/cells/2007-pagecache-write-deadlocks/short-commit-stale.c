/*
 * Nick Piggin's first fix (RFC, 22 October 2006): copy atomically with
 * the page locked. If the copy comes up short, an up-to-date page can
 * take a short commit; a page that is not up to date gets a zero-length
 * commit. Then unlock, fault the source in, and try again.
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
		if (copied < bytes && !PageUptodate(page))
			copied = 0;		/* !uptodate: commit nothing */
		commit_write(file, page, offset, offset + copied);
		unlock_page(page);		/* short: the page is still !uptodate */
		put_page(page);
		written += copied;
		pos += copied;
		buf += copied;
		count -= copied;
	} while (count);
	return written;
}
