// The kernel of the 2019 pinning debate, in the strategy language: get_user_pages (slow and
// fast), writeback with ext4's writepage, reclaim of a clean page, a DMA driver and its device.
// The 2019 scenarios put this text in their `code:` section, after the prelude (so the 2007
// scenarios keep the 2.6.20 kernel), and a cell overrides the pin hooks at the top:
//
//   get_page_pin(page)            take a pin on a page the caller holds (may sleep)
//   grab_page_pin(page)           slow GUP's pin, in its page-table walk under the PTE lock (may not
//                                 sleep): 1 taken, 0 refused (GUP returns no page), -1 busy (GUP
//                                 faults the page in and walks again); by default get_page_pin()
//   try_get_page_pin_fast(page)   take a pin in GUP-fast, interrupts off; 0: fall back to slow GUP
//   put_page_pin(page)            drop a pin (put_user_page, at DMA completion)
//   page_pinned(page)             may writeback or reclaim treat the page as pinned?
//   writeback_start(page)         writeback, page locked and cleaned: set PG_writeback and return 0,
//                                 or return 1 to leave a pinned page dirty
//
// The defaults are 2018's: a pin is a plain reference, and nobody can ask about it.
// A scenario declares `param stable_pages boolean …`: whether the disk needs stable pages.
export const PINS_PRELUDE = String.raw`/* ---- the pin hooks: 2018's defaults ---- */
/* follows: mm/gup.c follow_page_pte() of 5.0: FOLL_GET takes a plain get_page() */
void get_page_pin(struct page *page)
{
	get_page(page);
}

/* slow GUP's grab of the page it found, under the PTE lock: 1, 0 when the kernel refuses the pin (-ENOMEM), -1 to fault and walk again */
/* follows: mm/gup.c follow_page_pte() of 5.0: FOLL_GET, a get_page() that cannot fail */
int grab_page_pin(struct page *page)
{
	get_page_pin(page);
	return 1;
}

/* follows: mm/gup.c gup_pte_range() of 5.0: page_cache_get_speculative() */
int try_get_page_pin_fast(struct page *page)
{
	get_page_pin(page);
	return 1;
}

/* follows: mm/gup.c put_user_page() of John Hubbard's series (a put_page() until pins are counted) */
void put_page_pin(struct page *page)
{
	put_page(page);
}

/* follows: nothing in 5.0: no caller can ask whether a page is pinned */
int page_pinned(struct page *page)
{
	return 0;
}

/* follows: mm/page-writeback.c __test_set_page_writeback() */
int writeback_start(struct page *page)
{
	test_set_page_writeback(page);
	return 0;
}

/* ---- mm/gup.c ---- */

/* get_user_pages(addr, 1, FOLL_WRITE) for one page: the slow path. The PTE's write bit is
 * checked and the pin grabbed as the lookup reference in one step under the PTE lock, which
 * page_mkclean() and every unmap take too; an interrupts-off section stands for that spinlock
 * (both wait for it), so a pin hook that sleeps here is a kernel bug, as under the real lock. */
/* follows: mm/gup.c __get_user_pages() of 5.0: follow_page_mask() -> follow_page_pte() (FOLL_WRITE, then the reference, under pte_offset_map_lock()), then faultin_page() */
struct page *get_user_pages_slow(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;
	int refused = 0;
	int pinned;

	down_read(&mm->mmap_sem);
	vma = find_vma(mm, addr);
	while (vma) {
		local_irq_disable();	/* pte_offset_map_lock() */
		page = follow_page(vma, addr, FOLL_WRITE);
		if (page) {
			/* the pin is the lookup reference (FOLL_GET's get_page(), 5.7's try_grab_page()),
			 * taken while the PTE lock keeps the page mapped */
			pinned = grab_page_pin(page);
			refused = !pinned;	/* refused: -ENOMEM */
			if (pinned < 0)		/* busy: fault, then walk again */
				page = NULL;
		}
		local_irq_enable();	/* pte_unmap_unlock() */
		if (refused)
			page = NULL;
		if (page || refused)
			break;
		if (handle_mm_fault(mm, vma, addr, 1))
			break;
	}
	up_read(&mm->mmap_sem);
	return page;
}

/* get_user_pages_fast(): no mmap_sem, no VMA, interrupts off; falls back to the slow path */
/* follows: mm/gup.c get_user_pages_fast(): gup_pgd_range() with interrupts off, then the slow path */
struct page *get_user_pages_fast(unsigned long addr)
{
	struct page *page;

	local_irq_disable();
	page = gup_fast_walk(current->mm, addr, 1);
	if (page && !try_get_page_pin_fast(page))
		page = NULL;
	if (page && gup_fast_walk(current->mm, addr, 1) != page) {
		put_page_pin(page);	/* the PTE changed under us: back out */
		page = NULL;
	}
	local_irq_enable();
	if (!page)
		page = get_user_pages_slow(current->mm, addr);
	return page;
}

/* follows: mm/gup.c put_user_page() of John Hubbard's series (commit fc1d8e7cca2d, 2019: a put_page() until pins were tracked) */
void put_user_page(struct page *page)
{
	put_page_pin(page);
}

/* ---- faults: a write to a write-protected PTE of a file page ---- */
/* follows: mm/page-writeback.c wait_for_stable_page() */
void wait_for_stable_page(struct page *page)
{
	if (stable_pages)
		wait_on_page_writeback(page);
}

/* follows: fs/ext4/inode.c ext4_page_mkwrite() via fs/buffer.c block_page_mkwrite() */
int ext4_page_mkwrite(struct vm_area_struct *vma, unsigned long address, struct page *page)
{
	lock_page(page);
	if (page->mapping != vma->vm_file) {	/* truncated: retry the fault */
		unlock_page(page);
		return 0;
	}
	if (!PagePrivate(page))
		attach_page_buffers(page);	/* block_page_mkwrite */
	wait_for_stable_page(page);
	set_page_dirty(page);
	wp_page_reuse(vma, address, page);	/* unless the PTE changed: then the fault is retried */
	unlock_page(page);
	return 0;
}

/* follows: mm/memory.c handle_mm_fault(): do_fault(), then do_page_mkwrite() and wp_page_reuse() for a write */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long address, int write)
{
	struct page *page;
	int ret = 0;

	count_vm_event(PGFAULT);
	if (write && !(vma->vm_flags & VM_WRITE))
		return VM_FAULT_SIGBUS;
	page = follow_page(vma, address, FOLL_GET);
	if (!page) {
		ret = filemap_fault(vma, address);
		if (ret || !write)
			return ret;
		page = follow_page(vma, address, FOLL_GET);
		if (!page)
			return 0;
	}
	if (write)
		ret = ext4_page_mkwrite(vma, address, page);
	put_page(page);
	return ret;
}

/* ---- writeback: write_one_page() with ext4's writepage ---- */

/* the bio is done: a disk that checksums its data checks what it was sent */
/* follows: fs/buffer.c end_buffer_async_write(), mm/filemap.c end_page_writeback() */
void end_write_io(struct page *page)
{
	if (stable_pages)
		verify_stable_write(page);
	end_page_writeback(page);
}

/* follows: fs/ext4/inode.c ext4_writepage() */
int ext4_writepage(struct page *page)
{
	BUG_ON(!PagePrivate(page));	/* fs/ext4/inode.c: the 2018 crash */
	unlock_page(page);
	submit_page_write(page);
	end_write_io(page);
	return 0;
}

/* follows: mm/page-writeback.c write_one_page(), with clear_page_dirty_for_io()'s page_mkclean() */
int write_one_page(struct page *page)
{
	lock_page(page);
	wait_on_page_writeback(page);
	page_mkclean(page);
	if (!clear_page_dirty_for_io(page)) {
		unlock_page(page);
		return 0;
	}
	if (writeback_start(page)) {	/* pinned: leave it dirty for later */
		set_page_dirty(page);
		unlock_page(page);
		return 0;
	}
	return ext4_writepage(page);
}

/* ---- reclaim of one clean page: shrink_page_list() ---- */
/* follows: mm/vmscan.c shrink_page_list(), for one clean page */
int reclaim_page(struct page *page)
{
	lock_page(page);
	if (PageDirty(page) || PageWriteback(page) || page_pinned(page)) {
		unlock_page(page);
		return 0;
	}
	unmap_mapping_page(page);	/* try_to_unmap */
	try_to_release_page(page);	/* the buffers go; the extra reference keeps the page */
	unlock_page(page);
	return 1;
}

/* follows: none: a scenario driver (writeback, then reclaim, of one page) */
void writeback_then_reclaim(struct page *page)
{
	write_one_page(page);
	reclaim_page(page);
}

/* follows: none: a driver pinning a page it already has */
void pin_and_dma(struct page *page)
{
	get_page_pin(page);
	dma_start(page);
}

/* after everything: a last writeback, then the device's data must be on disk */
/* follows: none: the scenario's final check (a last writeback, then the oracle) */
void final_sync(struct page *page, struct task_struct *device)
{
	wait_for_other_tasks();
	write_one_page(page);
	check_dma_reached_disk(page, device);
}
`;

// A driver that hands user pages to a device, and the device: the same in the 3.17 and 5.0
// kernels (the driver calls put_user_page(), which each kernel defines).
export const DMA_PRELUDE = String.raw`/* ---- a driver and its device ---- */
int dma_started;
int dma_page;

/* follows: none: a driver submitting a buffer to its device */
void dma_start(struct page *page)
{
	dma_page = page;
	complete(&dma_started);		/* ring the doorbell */
}

/* the driver's completion handler */
/* follows: a driver's completion handler, as drivers/infiniband/core/umem.c __ib_umem_release() (set_page_dirty_lock, put_page) */
void dma_complete(struct page *page)
{
	set_page_dirty_lock(page);
	put_user_page(page);
}

/* the device: waits for a buffer, writes into it, completes */
/* follows: none: the device */
void dma_device(void)
{
	struct page *page;

	wait_for_completion(&dma_started);
	page = dma_page;
	dma_write(page, 0, 'D');
	dma_complete(page);
}

/* follows: none: a driver pinning with get_user_pages() */
void driver_slow(unsigned long addr)
{
	struct page *page = get_user_pages_slow(current->mm, addr);

	if (page)
		dma_start(page);
}

/* follows: none: a driver pinning with get_user_pages_fast() */
void driver_fast(unsigned long addr)
{
	struct page *page = get_user_pages_fast(addr);

	if (page)
		dma_start(page);
}
`;
