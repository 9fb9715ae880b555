/* The count under i_mmap_mutex in slow GUP; GUP-fast takes a plain reference. */
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

int try_get_page_pin_fast(struct page *page)
{
	get_page(page);
	return 1;
}

void put_page_pin(struct page *page)
{
	put_page(page);
}

int memfd_add_seals(struct file *file, int seals)
{
	int busy;

	mutex_lock(&i_mmap_mutex);
	busy = mapping_deny_writable(file) || i_mmap_writable > 0;
	if (!busy)
		set_file_seals(file, seals);
	mutex_unlock(&i_mmap_mutex);
	return busy ? -EBUSY : 0;
}
