/*
 * Ask page_pinned() twice: a pin that lands between the two is caught.
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
		return 1;
	if (page_pinned(page))	/* and look again, to be sure */
		return 1;	/* leave it dirty for later */
	test_set_page_writeback(page);
	return 0;
}
