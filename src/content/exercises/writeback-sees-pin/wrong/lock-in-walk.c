/*
 * The pin under the page lock, in get_page_pin(): but slow GUP grabs its
 * pin (grab_page_pin(), which calls get_page_pin()) in the page-table
 * walk, under the PTE lock, where lock_page() may not sleep.
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
	lock_page(page);
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	unlock_page(page);
}

void put_page_pin(struct page *page)
{
	atomic_sub(PAGE_PIN_BIAS, &page->_refcount);
}

int page_pinned(struct page *page)
{
	return atomic_read(&page->_refcount) - page_mapcount(page) > PAGE_PIN_BIAS;
}

/* writeback, with the page locked: a pinned page stays dirty and keeps its buffers */
int writeback_start(struct page *page)
{
	if (page_pinned(page))
		return 1;
	test_set_page_writeback(page);
	return 0;
}
