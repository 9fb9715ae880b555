/*
 * Jan Kara's test for a pin, on a page nobody has pinned. The page is in
 * the page cache (one reference) and mapped once (one reference, one
 * mapcount). count_refs() takes REFS more ordinary references, as
 * transient users do with get_page(), and asks page_pinned().
 * Change REFS and run: where does the answer turn?
 */
#define PAGE_PIN_BIAS 1024
#define REFS 1023

int page_pinned(struct page *page)
{
	return atomic_read(&page->_refcount) - page_mapcount(page) > PAGE_PIN_BIAS;
}

void count_refs(struct page *page)
{
	int i;

	for (i = 0; i < REFS; i++)
		get_page(page);
	pinned = page_pinned(page);
}
