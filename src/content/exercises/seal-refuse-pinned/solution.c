/*
 * Refuse the seal while page 0 has a reference beyond the page cache's,
 * the page tables' and our own lookup's: someone, a device perhaps,
 * may still write into it.
 */
int memfd_add_seals(struct file *file, int seals)
{
	struct page *page = find_get_page(file, 0);
	int others = 0;

	if (page) {
		/* page cache: 1; each PTE: 1 (counted by mapcount); this lookup: 1 */
		others = page_count(page) - page_mapcount(page) - 2;
		put_page(page);
	}
	if (others > 0)
		return -EBUSY;
	set_file_seals(file, seals);
	return 0;
}
