/*
 * Jérôme Glisse's scheme with one full barrier: the pin side needs one
 * (a store, the bias, ordered before a load, PG_writeback), and the
 * writeback side already has one, inside TestSetPageWriteback().
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
retry:
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	smp_mb__after_atomic();	/* the bias before the PG_writeback check */
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

/* test_set_page_writeback() with the pin check; the page is locked.
 * No smp_mb() here: TestSetPageWriteback() orders PG_writeback before the
 * page_pinned() load by itself. */
int writeback_start(struct page *page)
{
	TestSetPageWriteback(page);	/* value-returning: fully ordered already */
	if (page_pinned(page)) {
		/* report the page as pinned: writeback leaves it */
		end_page_writeback(page);
		return 1;
	}
	return 0;
}
