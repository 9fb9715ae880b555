// The 2006 prelude: a write into a hole of a sparse file. The filesystem allocates the block in
// prepare_write (its old contents are still on disk), the atomic copy comes up short because
// kswapd reclaimed the source page after the prefault, a zero-length commit leaves the page not
// up to date, and it is unlocked: a reader's readpage() brings in the new block's stale bytes.
// Kept small for the cells' time target: two-byte pages, and one free page (for A's page over the
// hole; the source's refault after reclaim gets the page kswapd freed). When the writer and the
// reader both try to create A's page at once, the one that finds the pool empty gets -ENOMEM
// instead of losing the race with -EEXIST; the stale read needs only one of them to create it.
import { kswapdOf } from '../library/index.js';

export default String.raw`id          2007/short-commit-stale
title       A write into a hole, a short copy, and a reader
description File A holds two bytes and has i_size 4: its second block is a hole (reads as zeros). A
description writer write()s two bytes into the hole from a buffer mapping file B; kswapd may reclaim B's
description page at any moment. Another process read()s the same two bytes of file A.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/short-commit-stale.c
page-size   2

file A "ab" size 4 pages 2               # bytes 2..3: a hole
file B "WX"
page pageB file B index 0 uptodate
pool 1
mm   m0
map  m0 0x1000 file B populated          # the writer's buffer
mm   m1
anon m1 0x3000 ".." writable             # the reader's buffer

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer cpu 0 mm m0 : sys_write(A, 2, 0x1000, 2)
task kswapd cpu 1       : kswapd()
task reader cpu 2 mm m1 : sys_read(A, 2, 0x3000, 2)

code:
${kswapdOf('B')}

/* the filesystem's prepare_write: map the block, allocating it in a hole (BH_New) */
int prepare_write(struct file *file, struct page *page, unsigned from, unsigned to)
{
	if (get_block_create(file, page->index))
		page->private = 1;			/* BH_New: its disk block holds stale data */
	if (PageUptodate(page))
		return 0;
	if (page->private) {				/* new: zero what the write will not cover */
		if (from > 0)
			zero_user(page, 0, from);
		if (to < PAGE_SIZE)
			zero_user(page, to, PAGE_SIZE - to);
	} else if (from != 0 || to != PAGE_SIZE) {
		block_read_page(file, page, from, to);	/* read-modify-write */
	}
	return 0;
}

/* block_commit_write(): nothing copied, nothing committed; otherwise the page is valid */
int commit_write(struct file *file, struct page *page, unsigned from, unsigned to)
{
	loff_t pos = page->index * PAGE_SIZE + to;

	if (from == to)
		return 0;
	page->private = 0;				/* the new block now holds data */
	SetPageUptodate(page);
	set_page_dirty(page);
	if (pos > i_size_read(file->f_mapping))
		i_size_write(file->f_mapping, pos);
	return 0;
}
`;
