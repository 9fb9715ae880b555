/*
 * Never pin in GUP-fast: slow GUP can sleep, so let it do every pin.
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
	lock_page(page);
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	unlock_page(page);
}

/* GUP-fast: interrupts are off here; return 0 to fall back to slow GUP */
int try_get_page_pin_fast(struct page *page)
{
	return 0;	/* always let slow GUP do it */
}

void put_page_pin(struct page *page)
{
	atomic_sub(PAGE_PIN_BIAS, &page->_refcount);
}

int page_pinned(struct page *page)
{
	return atomic_read(&page->_refcount) - page_mapcount(page) > PAGE_PIN_BIAS;
}

int writeback_start(struct page *page)
{
	if (page_pinned(page))
		return 1;
	test_set_page_writeback(page);
	return 0;
}
