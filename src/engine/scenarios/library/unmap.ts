// unmap_mapping_range() as it was in 2.6.15 (the 2006 scenarios), reconstructed in the
// strategy language. unmap_mapping_range() bumps truncate_count (the i_size store ordered before
// it) and then zaps the page-table entries under the page-table lock, which is what lets the fault
// path's "has truncate_count changed?" test, made under that same lock, mean anything.
export const UNMAP = String.raw`
/* zap every PTE mapping page 'index' of the file; one page-table lock stands for those in play */
void unmap_mapping_range(struct file *mapping, unsigned long index)
{
	struct page *page;

	smp_wmb();			/* i_size before truncate_count */
	truncate_count++;
	smp_mb();
	mutex_lock(&ptl);
	page = find_get_page(mapping, index);
	if (page) {
		unmap_mapping_page(page);
		put_page(page);
	}
	mutex_unlock(&ptl);
}
`;
