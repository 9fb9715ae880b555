/*
 * The pin side stores the bias, then loads PG_writeback: a load must not
 * pass it, so use smp_rmb(), the barrier that orders loads. Writeback's
 * smp_mb() is redundant after TestSetPageWriteback(), so drop it.
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
retry:
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	smp_rmb();
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
	return atomic_read(&page->_refcount) - page_mapcount(page) > PAGE_PIN_BIAS;
}

/* test_set_page_writeback() with the pin check; the page is locked */
int writeback_start(struct page *page)
{
	TestSetPageWriteback(page);
	if (page_pinned(page)) {
		/* report the page as pinned: writeback leaves it */
		end_page_writeback(page);
		return 1;
	}
	return 0;
}
