/*
 * Jérôme Glisse, 11 January 2019: the page lock cannot be taken inside
 * GUP-fast's interrupts-off walk, but it can be "as a post pass before
 * GUP_fast return and after reenabling preempt". The walk takes an
 * ordinary reference; the post-pass locks the page, waits for a stable
 * page, adds the pin and drops the ordinary reference.
 */
#define PAGE_PIN_BIAS 1024

void get_page_pin(struct page *page)
{
	lock_page(page);
	wait_for_stable_page(page);
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	unlock_page(page);
}

/* in the walk, interrupts off: an ordinary reference, as 5.0 takes */
int try_get_page_pin_fast(struct page *page)
{
	get_page(page);
	return 1;
}

struct page *get_user_pages_fast(unsigned long addr)
{
	struct page *page;

	local_irq_disable();
	page = gup_fast_walk(current->mm, addr, 1);
	if (page && !try_get_page_pin_fast(page))
		page = NULL;
	if (page && gup_fast_walk(current->mm, addr, 1) != page) {
		put_page(page);		/* the PTE changed under us: back out */
		page = NULL;
	}
	local_irq_enable();
	if (!page)
		return get_user_pages_slow(current->mm, addr);
	/* the post-pass: interrupts are on again, so lock_page() may sleep */
	get_page_pin(page);
	put_page(page);
	return page;
}

/* slow GUP's pin: taken in the page-table walk, under the PTE lock, where
 * lock_page() may not sleep; so trylock_page(), and if the lock is busy,
 * -1: GUP faults the page in, waiting for the lock in page_mkwrite() */
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

/* writeback, with the page locked */
int writeback_start(struct page *page)
{
	if (page_pinned(page))
		return 1;
	test_set_page_writeback(page);
	return 0;
}
