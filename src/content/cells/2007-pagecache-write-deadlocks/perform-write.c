/*
 * What landed for 2.6.24 (afddba49d18f): the filesystem's write_begin
 * returns the page locked, the copy is atomic, and write_end is told how
 * much was really copied. A short copy into a page that is not up to date
 * counts as nothing copied, and the loop simply goes round again after
 * faulting the source in, with no page locked.
 */

/* block_write_begin(): a locked page, ready for len bytes at pos */
struct page *write_begin(struct file *file, loff_t pos, unsigned len)
{
	unsigned long offset = pos % PAGE_SIZE;
	struct page *page = grab_cache_page(file->f_mapping, pos / PAGE_SIZE);

	if (page)
		prepare_write(file, page, offset, offset + len);
	return page;
}

/* block_write_end(): commit what was copied, unlock; returns the bytes taken */
unsigned long write_end(struct file *file, loff_t pos, unsigned len,
			unsigned copied, struct page *page)
{
	unsigned long offset = pos % PAGE_SIZE;

	if (copied < len && !PageUptodate(page)) {
		copied = 0;	/* a short copy into a !uptodate page: redo it all */
		if (page->private) {	/* page_zero_new_buffers(): a new block */
			zero_user(page, offset, len);	/* gets zeros, not stale data */
			commit_write(file, page, offset, offset + len);
		}
	}
	if (copied)
		commit_write(file, page, offset, offset + copied);
	unlock_page(page);
	put_page(page);
	return copied;
}

ssize_t generic_file_buffered_write(struct file *file, loff_t pos,
				    char __user *buf, size_t count)
{
	ssize_t written = 0;

	do {
		unsigned long offset = pos % PAGE_SIZE;
		unsigned long bytes = PAGE_SIZE - offset;
		unsigned long copied;
		struct page *page;

		if (bytes > count)
			bytes = count;
		if (fault_in_pages_readable(buf, bytes))	/* no lock held */
			return written ? written : -EFAULT;
		page = write_begin(file, pos, bytes);		/* locked */
		if (!page)
			return written ? written : -ENOMEM;
		pagefault_disable();
		copied = bytes - __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		copied = write_end(file, pos, bytes, copied, page);	/* unlocked */
		cond_resched();
		/* copied == 0: the source went away again; fault it in and retry */
		written += copied;
		pos += copied;
		buf += copied;
		count -= copied;
	} while (count);
	return written;
}
