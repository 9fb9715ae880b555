/*
 * The same count made an atomic_t, so GUP-fast can raise it with
 * interrupts off (Hugh Dickins: "Easy to make i_mmap_writable an
 * atomic"). The pin raises it before the page reference goes to the
 * device; the seal reads it under i_mmap_mutex. Every release site of
 * every get_user_pages() caller must now call put_page_pin(), not
 * put_page(): in this scenario the one driver does.
 */
atomic_t gup_writers;

void get_page_pin(struct page *page)
{
	if (page->mapping)
		atomic_inc(&gup_writers);
	get_page(page);
}

void put_page_pin(struct page *page)
{
	if (page->mapping)
		atomic_dec(&gup_writers);
	put_page(page);
}

int memfd_add_seals(struct file *file, int seals)
{
	int busy;

	mutex_lock(&i_mmap_mutex);
	/* in the kernel mappings and pins would be one number, read at once; here, mappings first */
	busy = mapping_deny_writable(file) || atomic_read(&gup_writers) > 0;
	if (!busy)
		set_file_seals(file, seals);
	mutex_unlock(&i_mmap_mutex);
	return busy ? -EBUSY : 0;
}
