/*
 * What landed in 3.17 (05f65b5c7090, "shm: wait for pins to be released
 * when sealing"), reconstructed for a one-page file: deny new writable
 * mappings first, then look for pages with references the page cache
 * and the page tables do not account for, wait a little for them to go
 * (the kernel sleeps 10, 20, 40 and 80 ms between scans), and refuse
 * with -EBUSY if one stays.
 */
#define LAST_SCAN 4

/* page_count - page_mapcount > 1, counting our own lookup's reference too */
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
			schedule();		/* schedule_timeout_killable() */
	}
	return -EBUSY;
}

int memfd_add_seals(struct file *file, int seals)
{
	int err = mapping_deny_writable(file);

	if (!err)
		err = shmem_wait_for_pins(file);
	if (err)
		return err;
	set_file_seals(file, seals);
	return 0;
}
