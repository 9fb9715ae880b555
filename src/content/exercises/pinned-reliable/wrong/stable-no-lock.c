/*
 * Wait for writeback in flight, then pin: no page lock needed?
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
	wait_for_stable_page(page);
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
}

void put_page_pin(struct page *page)
{
	atomic_sub(PAGE_PIN_BIAS, &page->_refcount);
}

int page_pinned(struct page *page)
{
	return atomic_read(&page->_refcount) - page_mapcount(page) > PAGE_PIN_BIAS;
}

/* writeback, with the page locked */
int writeback_start(struct page *page)
{
	if (page_pinned(page))
		return 1;	/* leave it dirty for later */
	test_set_page_writeback(page);
	return 0;
}
