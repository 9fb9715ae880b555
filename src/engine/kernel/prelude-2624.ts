// Linux 2.6.24, where it differs from the base prelude: the write path after 08291429cfa6 and
// afddba49d18f ("fs: introduce write_begin, write_end, and perform_write aops"): the source is
// faulted in with no page locked, the copy into the locked page is atomic, and write_end is told
// how much was copied. The fault path and truncate are the base prelude's, as d00806b18315
// landed them in 2.6.23. (2.6.23 itself is the base prelude in this model: its write path was
// still 2.6.20's.)
export const PRELUDE_2624 = String.raw`/* ---- 2.6.24: write_begin, an atomic copy, write_end ---- */

/* a locked page, ready for len bytes at pos */
/* follows: fs/buffer.c block_write_begin() */
struct page *write_begin(struct file *file, loff_t pos, unsigned len)
{
	unsigned long offset = pos % PAGE_SIZE;
	struct page *page = grab_cache_page(file->f_mapping, pos / PAGE_SIZE);

	if (page)
		prepare_write(file, page, offset, offset + len);
	return page;
}

/* commit what was copied and unlock; the bytes taken (a short copy into a page that is not up to
 * date counts as none, and a new block gets zeros, not what the disk held) */
/* follows: fs/buffer.c block_write_end(), generic_write_end(), page_zero_new_buffers() */
unsigned long write_end(struct file *file, loff_t pos, unsigned len, unsigned copied, struct page *page)
{
	unsigned long offset = pos % PAGE_SIZE;

	if (copied < len && !PageUptodate(page)) {
		copied = 0;
		if (page->private) {
			zero_user(page, offset, len);
			commit_write(file, page, offset, offset + len);
		}
	}
	if (copied)
		commit_write(file, page, offset, offset + copied);
	unlock_page(page);
	put_page(page);
	return copied;
}

/* the write loop: fault the source in, write_begin, atomic copy, write_end; a copy of nothing
 * goes round again */
/* follows: mm/filemap.c generic_perform_write() of 2.6.24 */
ssize_t generic_file_buffered_write(struct file *file, loff_t pos, char __user *buf, size_t count)
{
	ssize_t written = 0;

	do {
		unsigned long offset = pos % PAGE_SIZE;
		unsigned long bytes = PAGE_SIZE - offset;
		unsigned long copied;
		struct page *page;

		if (bytes > count)
			bytes = count;
		if (fault_in_pages_readable(buf, bytes))
			return written ? written : -EFAULT;
		page = write_begin(file, pos, bytes);
		if (!page)
			return written ? written : -ENOMEM;
		pagefault_disable();
		copied = bytes - __copy_from_user_inatomic(page, offset, buf, bytes);
		pagefault_enable();
		copied = write_end(file, pos, bytes, copied, page);
		cond_resched();
		written += copied;
		pos += copied;
		buf += copied;
		count -= copied;
	} while (count);
	return written;
}
`;
