// The case the 2.6 fault path was built for: truncate() to zero while a page fault maps page 0.
// vmtruncate() shrinks i_size first, then unmap_mapping_range() bumps truncate_count and unmaps,
// then truncate_inode_pages() removes the page; the fault side's truncate_count/i_size protocol
// is meant to make this safe.
import { UNMAP } from '../library/index.js';

export default String.raw`id          2006/truncate
title       A page fault against truncate() to zero
description A task faults on its mapping of file A's page 0, which is cached and up to date and
description already mapped by another process. Another task truncates file A to zero bytes. No
description page-table entry may map a page that is no longer in the file's page cache.
model       sc
kernel      2.6.20
strategy    src/content/cells/2006-fault-vs-invalidate/truncate-count.c
page-size   2

file A "ab"
page pageA file A index 0 uptodate
pool 1
mm   m0
mm   m1
map  m0 0x1000 file A                    # the faulting process: not mapped yet
map  m1 0x1000 file A populated          # another process has the page mapped
mutex ptl                                # the page-table lock
global truncate_count = 0                # mapping->truncate_count

task faulter   cpu 0 mm m0 : do_page_fault(0x1000, 0)
task truncator cpu 1       : sys_truncate(A, 0)

code:
${UNMAP}
/* vmtruncate() of 2.6.15: i_size first, then unmap (truncate_count++), then drop the pages */
int vmtruncate(struct file *inode, loff_t offset)
{
	i_size_write(inode, offset);
	unmap_mapping_range(inode, offset / PAGE_SIZE);
	truncate_inode_pages(inode, offset);
	return 0;
}
`;
