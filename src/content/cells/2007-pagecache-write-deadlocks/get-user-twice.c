/*
 * Andrew Morton's per-mm unpaging_lock (4 February 2007), with his repair:
 * touch the source once before taking the lock, so that the fault and its
 * allocations happen outside it; then hold the lock for reading while the
 * source is touched again and copied. Everyone who unmaps user pages takes
 * it for writing. (One process here, so one unpaging_lock.)
 */

/* reclaim of one page, as in the prelude, but unmapping under unpaging_lock */
int shrink_page(struct page *page)
{
	int kept = 0;

	if (!trylock_page(page))
		return 0;
	if (!page->mapping) {
		unlock_page(page);
		return 0;
	}
	if (page_mapcount(page)) {
		down_write(&unpaging_lock);
		kept = try_to_unmap(page);	/* mlock()ed: it stays */
		up_write(&unpaging_lock);
	}
	if (!kept && PageDirty(page) && clear_page_dirty_for_io(page))
		writepage(page);
	if (kept || !remove_mapping(page)) {	/* still in use: keep it */
		unlock_page(page);
		return 0;
	}
	unlock_page(page);
	return 1;
}

/* madvise(MADV_DONTNEED) unmaps user pages too: under unpaging_lock */
void zap_page_range(struct vm_area_struct *vma, unsigned long address,
		    unsigned long size)
{
	unsigned long end = address + size;

	down_write(&unpaging_lock);
	for (; address < end; address += PAGE_SIZE)
		zap_pte(vma, address);
	up_write(&unpaging_lock);
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
		if (get_user(buf) || get_user(buf + bytes - 1))	/* fault it in, unlocked */
			return written ? written : -EFAULT;
		down_read(&unpaging_lock);
		if (get_user(buf) || get_user(buf + bytes - 1)) {	/* and again, locked */
			up_read(&unpaging_lock);
			return written ? written : -EFAULT;
		}
		/* the source cannot be unmapped now: this copy will not fault */
		page = grab_cache_page(mapping, index);
		if (!page) {
			up_read(&unpaging_lock);
			return written ? written : -ENOMEM;
		}
		prepare_write(file, page, offset, offset + bytes);
		left = filemap_copy_from_user(page, offset, buf, bytes);
		commit_write(file, page, offset, offset + bytes);
		unlock_page(page);
		put_page(page);
		up_read(&unpaging_lock);
		if (left)
			return written ? written : -EFAULT;
		written += bytes;
		pos += bytes;
		buf += bytes;
		count -= bytes;
	} while (count);
	return written;
}
