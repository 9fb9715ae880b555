/*
 * The count, atomic, but held only while GUP runs, the way a lock
 * would be: raised and lowered inside the pin. The device's reference
 * outlives it.
 */
atomic_t gup_writers;

void get_page_pin(struct page *page)
{
	atomic_inc(&gup_writers);
	get_page(page);
	atomic_dec(&gup_writers);
}

int memfd_add_seals(struct file *file, int seals)
{
	int busy;

	mutex_lock(&i_mmap_mutex);
	busy = mapping_deny_writable(file) || atomic_read(&gup_writers) > 0;
	if (!busy)
		set_file_seals(file, seals);
	mutex_unlock(&i_mmap_mutex);
	return busy ? -EBUSY : 0;
}
