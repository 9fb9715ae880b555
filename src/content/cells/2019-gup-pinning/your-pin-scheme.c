/*
 * Your pin scheme. It starts as Jan Kara's locked pin, with the GUP-fast
 * variant he proposed (trylock_page, else fall back to slow GUP). Change
 * it and run: the tables below run it against every scenario of the
 * chapter under each memory model.
 *
 * get_page_pin()          a pin on a page the caller holds, may sleep
 * grab_page_pin()         slow GUP's pin, in the page-table walk under the
 *                         PTE lock: 1, 0 to refuse, -1 to fault and retry
 * try_get_page_pin_fast() GUP-fast, interrupts off; return 0 to fall back
 * put_page_pin()          DMA completion (put_user_page)
 * page_pinned()           asked by writeback and reclaim, page locked
 * writeback_start()       writeback, page locked and cleaned: set
 *                         PG_writeback and return 0, or return 1 to leave
 *                         a pinned page dirty
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
	lock_page(page);
	wait_for_stable_page(page);
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	unlock_page(page);
}

int grab_page_pin(struct page *page)
{
	if (!trylock_page(page))
		return -1;	/* GUP faults, waiting for the lock, and walks again */
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	unlock_page(page);
	return 1;
}

int try_get_page_pin_fast(struct page *page)
{
	if (!trylock_page(page))
		return 0;
	if (PageWriteback(page)) {	/* cannot wait here */
		unlock_page(page);
		return 0;
	}
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	unlock_page(page);
	return 1;
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
