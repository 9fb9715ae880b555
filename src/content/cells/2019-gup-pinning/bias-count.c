/*
 * Jan Kara's test for a pin, on a page nobody has pinned. The page is in
 * the page cache (one reference) and mapped once (one reference, one
 * mapcount). count_refs() adds REFS ordinary references, as REFS calls
 * of get_page() by transient users would, and asks page_pinned().
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
	page_ref_add(page, REFS);
	pinned = page_pinned(page);
}
