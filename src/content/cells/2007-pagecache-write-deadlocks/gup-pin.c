/*
 * Nick Piggin's patch as posted on 29 January 2007: never fault with the page
 * locked. An up-to-date destination takes an atomic copy (a short copy is
 * harmless there); one that is not up to date is unlocked while the source
 * page is pinned with get_user_pages, then relocked and filled from the
 * pinned page through the kernel's mapping, which cannot fault.
 */
ssize_t generic_file_buffered_write(struct file *file, loff_t pos,
				    char __user *buf, size_t count)
{
	struct file *mapping = file->f_mapping;
	struct mm_struct *mm;
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
			/* the source must not cross a page: one page is pinned */
			if (bytes > PAGE_SIZE - buf % PAGE_SIZE)
				bytes = PAGE_SIZE - buf % PAGE_SIZE;
			mm = current->mm;
			down_read(&mm->mmap_sem);
			src_page = get_user_page(mm, buf - buf % PAGE_SIZE, 0);
			up_read(&mm->mmap_sem);
			if (!src_page) {
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
			/* kmap both pages and memcpy: no user access, no fault */
			memcpy_page(page, offset, src_page, buf % PAGE_SIZE, bytes);
			copied = bytes;
		} else {
			pagefault_disable();
			copied = bytes - __copy_from_user_inatomic(page, offset, buf, bytes);
			pagefault_enable();
		}
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
