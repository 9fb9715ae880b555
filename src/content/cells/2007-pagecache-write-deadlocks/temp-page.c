/*
 * Nick Piggin's temporary page (February 2007; merged for 2.6.24 as
 * 08291429cfa6). No fault is ever taken with a page-cache page locked:
 *  - destination up to date: copy atomically (faults disabled); a short
 *    copy is harmless, the page already holds valid data;
 *  - destination not up to date: unlock it, copy the user's bytes into a
 *    temporary page (faults allowed, no lock held), relock, and copy from
 *    the temporary page with a kernel memcpy that cannot fault.
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
		struct page *src_page = NULL;

		if (bytes > count)
			bytes = count;
		if (fault_in_pages_readable(buf, bytes))
			return written ? written : -EFAULT;
		page = grab_cache_page(mapping, index);		/* locked */
		if (!page)
			return written ? written : -ENOMEM;
		if (!PageUptodate(page)) {
			unlock_page(page);
			src_page = alloc_page();
			if (!src_page) {
				put_page(page);
				return written ? written : -ENOMEM;
			}
			/* may fault: no page-cache page is locked now */
			if (copy_from_user(src_page, offset, buf, bytes)) {
				put_page(src_page);
				put_page(page);
				return written ? written : -EFAULT;
			}
			lock_page(page);
			if (!page->mapping) {		/* truncated meanwhile */
				unlock_page(page);
				put_page(page);
				put_page(src_page);
				continue;
			}
		}
		prepare_write(file, page, offset, offset + bytes);
		if (src_page) {
			memcpy_page(page, offset, src_page, offset, bytes);
			copied = bytes;
		} else {
			pagefault_disable();
			copied = bytes - __copy_from_user_inatomic(page, offset, buf, bytes);
			pagefault_enable();
		}
		/* up to date: commit the full length, the tail is still valid */
		commit_write(file, page, offset, offset + bytes);
		unlock_page(page);
		put_page(page);
		if (src_page)
			put_page(src_page);
		written += copied;
		pos += copied;
		buf += copied;
		count -= copied;
	} while (count);
	return written;
}
