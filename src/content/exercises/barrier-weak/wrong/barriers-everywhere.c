/*
 * When in doubt, smp_mb() everywhere.
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
retry:
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	smp_mb();
	if (PageWriteback(page)) {
		/* back off */
		atomic_add(-PAGE_PIN_BIAS, &page->_refcount);
		wait_on_page_writeback(page);
		goto retry;
	}
}

void put_page_pin(struct page *page)
{
	atomic_add(-PAGE_PIN_BIAS, &page->_refcount);
}

int page_pinned(struct page *page)
{
	smp_mb();
	return atomic_read(&page->_refcount) - page_mapcount(page) > PAGE_PIN_BIAS;
}

/* test_set_page_writeback() with the pin check; the page is locked */
int writeback_start(struct page *page)
{
	TestSetPageWriteback(page);
	smp_mb();
	if (page_pinned(page)) {
		/* report the page as pinned: writeback leaves it */
		end_page_writeback(page);
		return 1;
	}
	return 0;
}
