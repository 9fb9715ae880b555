/*
 * John Hubbard, January 2019: take the page lock around the pin, so
 * that writeback, which cleans a page under the same lock, sees it.
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
	lock_page(page);
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	unlock_page(page);
}

/* slow GUP's pin: taken in the page-table walk, under the PTE lock, where
 * lock_page() may not sleep; so trylock_page() (as follow_page_pte() does
 * for FOLL_MLOCK), and if the lock is busy, -1: GUP faults the page in,
 * waiting for the lock in page_mkwrite(), and walks again */
int grab_page_pin(struct page *page)
{
	if (!trylock_page(page))
		return -1;
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

/* writeback, with the page locked: a pinned page stays dirty and keeps its buffers */
int writeback_start(struct page *page)
{
	if (page_pinned(page))
		return 1;
	test_set_page_writeback(page);
	return 0;
}
