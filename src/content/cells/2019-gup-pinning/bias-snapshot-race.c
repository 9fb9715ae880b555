/*
 * Jan Kara's bias, 14 January 2019, with nothing else: a pin adds 1024
 * to _refcount, and writeback asks page_pinned() once before it starts.
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
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
