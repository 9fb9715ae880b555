// Linux 5.7, where it differs from 5.0: the pin hooks as FOLL_PIN landed them (3faa52c03f44,
// "mm/gup: track FOLL_PIN pages"): a pin adds GUP_PIN_COUNTING_BIAS to _refcount, an unpin takes
// it away, and page_maybe_dma_pinned() answers "pinned?" from the count alone, mappings included.
// Writeback still does not ask (writeback_start is 5.0's). Cells may override any hook.
export const PRELUDE_57 = String.raw`/* ---- 5.7: FOLL_PIN, a bias in _refcount ---- */
#define GUP_PIN_COUNTING_BIAS	1024
#define PAGE_REF_MAX	0x7fffffff	/* INT_MAX: _refcount is an atomic_t */

/* a pin from slow GUP: the bias, added while the page-table walk holds the page */
/* follows: mm/gup.c try_grab_page() of 5.7 (FOLL_PIN) */
void get_page_pin(struct page *page)
{
	page_ref_add(page, GUP_PIN_COUNTING_BIAS);
}

/* slow GUP's pin: refused when the bias would not fit in _refcount (the kernel refuses a count that has wrapped) */
/* follows: mm/gup.c try_grab_page() of 5.7 (FOLL_PIN): WARN_ON_ONCE(page_ref_count(page) <= 0) */
int grab_page_pin(struct page *page)
{
	if (page_ref_count(page) > PAGE_REF_MAX - GUP_PIN_COUNTING_BIAS)
		return 0;
	get_page_pin(page);
	return 1;
}

/* a pin from GUP-fast, refused like slow GUP's (then slow GUP refuses it too) */
/* follows: mm/gup.c try_grab_compound_head() of 5.7 (FOLL_PIN), try_get_compound_head() */
int try_get_page_pin_fast(struct page *page)
{
	if (page_ref_count(page) > PAGE_REF_MAX - GUP_PIN_COUNTING_BIAS)
		return 0;
	get_page_pin(page);
	return 1;
}

/* an unpin: the bias goes, the last of it as a put_page(), which frees the page at zero */
/* follows: mm/gup.c unpin_user_page() of 5.7: put_compound_head(page, 1, FOLL_PIN), which subtracts the bias */
void put_page_pin(struct page *page)
{
	page_ref_sub(page, GUP_PIN_COUNTING_BIAS - 1);
	put_page(page);
}

/* "maybe pinned": false positives allowed (1024 ordinary references look pinned), false negatives not */
/* follows: include/linux/mm.h page_maybe_dma_pinned() of 5.7 */
int page_pinned(struct page *page)
{
	return page_ref_count(page) >= GUP_PIN_COUNTING_BIAS;
}

/* the driver's release of a pinned page */
/* follows: mm/gup.c unpin_user_page() of 5.7 */
void put_user_page(struct page *page)
{
	put_page_pin(page);
}
`;
