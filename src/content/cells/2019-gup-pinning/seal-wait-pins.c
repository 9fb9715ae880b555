/*
 * Hugh Dickins's answer (2014), reconstructed: before sealing, look for
 * pages with references beyond the page cache's and the page tables',
 * wait a little for them to go (the kernel sleeps 10, 20, 40, 80 ms),
 * and refuse with -EBUSY if they do not.
 */
#define LAST_SCAN 4

/* page_count - page_mapcount > 1, plus the reference find_get_page() just took */
int page_has_extra_refs(struct page *page)
{
	return page_count(page) - page_mapcount(page) > 2;
}

int memfd_wait_for_pins(struct file *file)
{
	int scan;

	for (scan = 0; scan <= LAST_SCAN; scan++) {
		struct page *page = find_get_page(file, 0);
		int busy = page && page_has_extra_refs(page);

		if (page)
			put_page(page);
		if (!busy)
			return 0;
		if (scan < LAST_SCAN)
			schedule();
	}
	return -EBUSY;
}

int memfd_add_seals(struct file *file, int seals)
{
	int err = memfd_wait_for_pins(file);

	if (err)
		return err;
	set_file_seals(file, seals);
	return 0;
}
