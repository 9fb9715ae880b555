// Reclaim as the 2007 scenarios need it, reconstructed in the strategy language: a kswapd that
// knows the one page its world lets it take, finds it in the page cache and shrinks it.

/** `void kswapd(void)`, reclaiming page 0 of `file` (a file declared by the scenario) */
export function kswapdOf(file: string): string {
  return String.raw`/* reclaim, reduced to the one page it finds: file ${file}'s page 0 */
void kswapd(void)
{
	struct page *page = find_get_page(${file}, 0);

	if (page) {
		shrink_page(page);
		put_page(page);
	}
}`;
}
