/*
 * The landed seal with its two steps swapped: look for pins first,
 * then deny writable mappings. Each step is the same as in 3.17.
 */
#define LAST_SCAN 4

int page_pinned_by_someone(struct page *page)
{
	return page_count(page) - page_mapcount(page) > 2;
}

int shmem_wait_for_pins(struct file *file)
{
	int scan;

	for (scan = 0; scan <= LAST_SCAN; scan++) {
		struct page *page = find_get_page(file, 0);
		int pinned = page && page_pinned_by_someone(page);

		if (page)
			put_page(page);
		if (!pinned)
			return 0;
		if (scan < LAST_SCAN)
			schedule();
	}
	return -EBUSY;
}

int memfd_add_seals(struct file *file, int seals)
{
	int err = shmem_wait_for_pins(file);

	if (!err)
		err = mapping_deny_writable(file);
	if (err)
		return err;
	set_file_seals(file, seals);
	return 0;
}
