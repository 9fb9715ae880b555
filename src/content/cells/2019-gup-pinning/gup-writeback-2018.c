/*
 * 2018: how drivers pinned pages. get_user_pages() takes an ordinary
 * reference, the device writes by DMA, and completion dirties and
 * releases the page. Nobody can ask whether a page is pinned.
 */
void get_page_pin(struct page *page)
{
	get_page(page);
}

void put_page_pin(struct page *page)
{
	put_page(page);
}

int page_pinned(struct page *page)
{
	return 0;	/* a GUP reference looks like any other */
}

/* writeback, with the page locked: start writeback, or leave the page alone */
int writeback_start(struct page *page)
{
	test_set_page_writeback(page);
	return 0;
}
