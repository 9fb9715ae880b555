/*
 * David Herrmann's question of May 2014, reconstructed: let
 * get_user_pages() raise the file's i_mmap_writable for every page it
 * hands out for writing, and the matching release lower it; a seal is
 * refused while the count is up, exactly as for a writable mapping.
 * i_mmap_writable is guarded by i_mmap_mutex. GUP-fast reaches
 * get_page_pin() through try_get_page_pin_fast(), interrupts off.
 */
int i_mmap_writable;

void get_page_pin(struct page *page)
{
	get_page(page);
	if (page->mapping) {
		mutex_lock(&i_mmap_mutex);
		i_mmap_writable = i_mmap_writable + 1;
		mutex_unlock(&i_mmap_mutex);
	}
}

void put_page_pin(struct page *page)
{
	if (page->mapping) {
		mutex_lock(&i_mmap_mutex);
		i_mmap_writable = i_mmap_writable - 1;
		mutex_unlock(&i_mmap_mutex);
	}
	put_page(page);
}

int memfd_add_seals(struct file *file, int seals)
{
	int busy;

	mutex_lock(&i_mmap_mutex);
	/* in the kernel mappings and pins would be one number, read at once; here, mappings first */
	busy = mapping_deny_writable(file) || i_mmap_writable > 0;
	if (!busy)
		set_file_seals(file, seals);
	mutex_unlock(&i_mmap_mutex);
	return busy ? -EBUSY : 0;
}
