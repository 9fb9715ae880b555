/*
 * The same count on the kernel that landed the bias (5.7). This cell
 * does not define page_pinned(): the kernel's is page_maybe_dma_pinned(),
 * _refcount >= GUP_PIN_COUNTING_BIAS, with the mapping's reference
 * counted. The page is cached and mapped once, as before; count_refs()
 * adds REFS ordinary references. Where does the answer turn now?
 */
#define REFS 1022

void count_refs(struct page *page)
{
	page_ref_add(page, REFS);
	pinned = page_pinned(page);
}
