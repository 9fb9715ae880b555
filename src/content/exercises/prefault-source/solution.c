/*
 * The buffered write path of 2.6.20: lock the page-cache page, then copy
 * from the user's buffer into it. The copy may fault, and the fault is
 * taken with the page still locked.
 *
 * Two helpers are here for you (they are what 2.6.24 used); the write
 * path now faults the source in before it locks anything.
 */

/* __get_user() of one byte, faulting it in if it is not mapped */
int fault_in_user_byte(char __user *addr)
{
	if (!current->mm)		/* a kernel thread's buffer is kernel memory */
		return 0;
	if (user_byte(addr) >= 0)	/* the simulator's probe: is it mapped? */
		return 0;
	return do_page_fault(addr, 0);
}

/* iov_iter_fault_in_readable(): -EFAULT if the source is not readable */
int fault_in_pages_readable(char __user *buf, unsigned long bytes)
{
	if (fault_in_user_byte(buf))
		return -EFAULT;
	if (fault_in_user_byte(buf + bytes - 1))
		return -EFAULT;
	return 0;
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
		/* fault the source in while no page is locked */
		if (fault_in_pages_readable(buf, bytes))
			return written ? written : -EFAULT;
		page = grab_cache_page(mapping, index);		/* lock_page */
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);
		left = filemap_copy_from_user(page, offset, buf, bytes);	/* may fault */
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
