// The simulated kernel's own code, written in the strategy language so readers can open it and
// override any function by defining one with the same name in a cell. Only the atomic steps
// underneath are TypeScript builtins (see builtins/). Modelled on Linux 2.6.20 (2007), with
// the page fault handler locking the page as after Nick Piggin's fault-vs-invalidate fix.
// Line numbers of this text appear in traces, so keep it tidy.
export const PRELUDE = String.raw`/* mm/filemap.c, mm/memory.c, mm/mlock.c ... in miniature */

#define VM_FAULT_OOM	1
#define VM_FAULT_SIGBUS	2

/* a page-cache page, locked, with a reference; NULL if not cached */
/* follows: mm/filemap.c find_lock_page() */
struct page *find_lock_page(struct file *mapping, unsigned long index)
{
	struct page *page;
repeat:
	page = find_get_page(mapping, index);
	if (page) {
		lock_page(page);
		if (page->mapping != mapping) {	/* truncated while we slept */
			unlock_page(page);
			put_page(page);
			goto repeat;
		}
	}
	return page;
}

/* find or create a locked page-cache page, with a reference */
/* follows: include/linux/pagemap.h grab_cache_page(), mm/filemap.c find_or_create_page() */
struct page *grab_cache_page(struct file *mapping, unsigned long index)
{
	struct page *page;
	int err;
repeat:
	page = find_lock_page(mapping, index);
	if (page)
		return page;
	page = page_cache_alloc(mapping);
	if (!page)
		return NULL;
	err = add_to_page_cache(page, mapping, index);
	if (err) {
		put_page(page);
		if (err == -EEXIST)
			goto repeat;
		return NULL;
	}
	return page;
}

/* the fault handler of file mappings: find or read the page, lock it, map it */
/* follows: mm/filemap.c filemap_nopage() and mm/memory.c do_no_page(), as d00806b18315 left them (find_lock_page; unlocked after the PTE is set) */
int filemap_fault(struct vm_area_struct *vma, unsigned long address)
{
	struct file *file = vma->vm_file;
	unsigned long index = vma->vm_pgoff + (address - vma->vm_start) / PAGE_SIZE;
	struct page *page;

	if (index * PAGE_SIZE >= i_size_read(file->f_mapping))
		return VM_FAULT_SIGBUS;
	page = grab_cache_page(file->f_mapping, index);
	if (!page)
		return VM_FAULT_OOM;
	if (!PageUptodate(page)) {
		readpage(file, page);		/* unlocks the page when the read is done */
		lock_page(page);
	}
	if (page->mapping == file->f_mapping)	/* not truncated meanwhile */
		install_pte(vma, address, page);
	unlock_page(page);
	put_page(page);
	return 0;
}

/* follows: mm/memory.c do_anonymous_page() */
int do_anonymous_page(struct vm_area_struct *vma, unsigned long address)
{
	struct page *page = alloc_page();

	if (!page)
		return VM_FAULT_OOM;
	zero_user(page, 0, PAGE_SIZE);
	install_pte(vma, address, page);
	put_page(page);
	return 0;
}

/* follows: mm/memory.c handle_mm_fault(), handle_pte_fault() */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long address, int write)
{
	count_vm_event(PGFAULT);
	if (write && !(vma->vm_flags & VM_WRITE))
		return VM_FAULT_SIGBUS;
	if (vma->vm_file)
		return filemap_fault(vma, address);
	return do_anonymous_page(vma, address);
}

/* the CPU faulted on a user address: 0 when the access can be retried */
/* follows: arch/i386/mm/fault.c do_page_fault() */
int do_page_fault(unsigned long address, int write)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int ret;

	if (pagefault_disabled() || !mm)
		return -EFAULT;		/* the exception table fixes up the copy */
	down_read(&mm->mmap_sem);
	vma = find_vma(mm, address);
	if (!vma) {
		up_read(&mm->mmap_sem);
		return -EFAULT;
	}
	ret = handle_mm_fault(mm, vma, address, write);
	up_read(&mm->mmap_sem);
	return ret ? -EFAULT : 0;
}

/* copy from user memory into a page, faulting as needed; zeroes what it could not copy */
/* follows: mm/filemap.h filemap_copy_from_user() */
unsigned long filemap_copy_from_user(struct page *page, unsigned long offset, char __user *buf, unsigned long bytes)
{
	unsigned long left = __copy_from_user_inatomic(page, offset, buf, bytes);

	while (left) {
		unsigned long done = bytes - left;
		if (do_page_fault(buf + done, 0))
			break;
		left = __copy_from_user_inatomic(page, offset + done, buf + done, left);
	}
	if (left)
		zero_user(page, offset + bytes - left, left);
	return left;
}

/* follows: include/asm-i386/uaccess.h copy_from_user() */
unsigned long copy_from_user(struct page *page, unsigned long offset, char __user *buf, unsigned long bytes)
{
	return filemap_copy_from_user(page, offset, buf, bytes);
}

/* copy from a page to user memory, faulting as needed */
/* follows: include/asm-i386/uaccess.h copy_to_user() */
unsigned long copy_to_user(char __user *buf, struct page *page, unsigned long offset, unsigned long bytes)
{
	unsigned long left = __copy_to_user_inatomic(buf, page, offset, bytes);

	while (left) {
		unsigned long done = bytes - left;
		if (do_page_fault(buf + done, 1))
			break;
		left = __copy_to_user_inatomic(buf + done, page, offset + done, left);
	}
	return left;
}

/* one user page, faulted in and with a reference; the caller holds mmap_sem */
/* follows: mm/memory.c get_user_pages(), the body of its loop (follow_page, then handle_mm_fault) */
struct page *get_user_page(struct mm_struct *mm, unsigned long address, int write)
{
	struct vm_area_struct *vma = find_vma(mm, address);
	struct page *page;

	if (!vma)
		return NULL;
	for (;;) {
		page = follow_page(vma, address, FOLL_GET | (write ? FOLL_WRITE : 0));
		if (page)
			return page;
		if (handle_mm_fault(mm, vma, address, write))
			return NULL;
	}
}

/* fault in nr_pages user pages from start; the number present, or -EFAULT */
/* follows: mm/memory.c get_user_pages() */
int get_user_pages(struct task_struct *tsk, struct mm_struct *mm, unsigned long start, int nr_pages, int write)
{
	int i;

	for (i = 0; i < nr_pages; i++) {
		struct page *page = get_user_page(mm, start + i * PAGE_SIZE, write);
		if (!page)
			return i ? i : -EFAULT;
		put_page(page);
	}
	return i;
}

/* follows: mm/memory.c make_pages_present() */
int make_pages_present(unsigned long addr, unsigned long end)
{
	return get_user_pages(current, current->mm, addr, (end - addr + PAGE_SIZE - 1) / PAGE_SIZE, 0);
}

/* follows: mm/mlock.c sys_mlock(), do_mlock(), mlock_fixup() */
int sys_mlock(unsigned long start, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	down_write(&mm->mmap_sem);
	vma = find_vma(mm, start);
	if (vma)
		vma->vm_flags = vma->vm_flags | VM_LOCKED;
	make_pages_present(start, start + len);
	up_write(&mm->mmap_sem);
	return 0;
}

/* follows: mm/mmap.c sys_munmap(), do_munmap() */
int sys_munmap(unsigned long start, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	down_write(&mm->mmap_sem);
	vma = find_vma(mm, start);
	if (vma)
		unmap_vma(vma);
	up_write(&mm->mmap_sem);
	return 0;
}

/* follows: fs/buffer.c block_prepare_write() */
int prepare_write(struct file *file, struct page *page, unsigned from, unsigned to)
{
	if (!PageUptodate(page) && (from != 0 || to != PAGE_SIZE))
		block_read_page(file, page, from, to);	/* read-modify-write */
	return 0;
}

/* follows: fs/buffer.c generic_commit_write() */
int commit_write(struct file *file, struct page *page, unsigned from, unsigned to)
{
	loff_t pos = page->index * PAGE_SIZE + to;

	SetPageUptodate(page);
	set_page_dirty(page);
	if (pos > i_size_read(file->f_mapping))
		i_size_write(file->f_mapping, pos);
	return 0;
}

/* the write path of 2.6.20: fault the source in, lock the page, copy_from_user with the page locked */
/* follows: mm/filemap.c generic_file_buffered_write() */
ssize_t generic_file_buffered_write(struct file *file, loff_t pos, char __user *buf, size_t count)
{
	struct file *mapping = file->f_mapping;
	ssize_t written = 0;

	do {
		unsigned long index = pos / PAGE_SIZE;
		unsigned long offset = pos % PAGE_SIZE;
		unsigned long bytes = PAGE_SIZE - offset;
		unsigned long left;
		struct page *page;

		if (bytes > count)
			bytes = count;
		fault_in_pages_readable(buf, bytes);	/* the source first: not under the page lock */
		page = grab_cache_page(mapping, index);
		if (!page)
			return written ? written : -ENOMEM;
		prepare_write(file, page, offset, offset + bytes);
		left = filemap_copy_from_user(page, offset, buf, bytes);
		commit_write(file, page, offset, offset + bytes);
		unlock_page(page);
		put_page(page);
		if (left)
			return written ? written : -EFAULT;
		written += bytes;
		pos += bytes;
		buf += bytes;
		count -= bytes;
	} while (count);
	return written;
}

/* follows: fs/read_write.c sys_write(), mm/filemap.c generic_file_aio_write() (i_mutex) */
ssize_t sys_write(struct file *file, loff_t pos, char __user *buf, size_t count)
{
	ssize_t written;

	mutex_lock(&file->f_mapping->i_mutex);
	written = generic_file_buffered_write(file, pos, buf, count);
	mutex_unlock(&file->f_mapping->i_mutex);
	return written;
}

/* read(): copy count bytes at pos of the file to user memory */
/* follows: mm/filemap.c do_generic_mapping_read() */
ssize_t do_generic_file_read(struct file *file, loff_t pos, char __user *buf, size_t count)
{
	struct file *mapping = file->f_mapping;
	ssize_t copied = 0;

	while (count > 0) {
		unsigned long index = pos / PAGE_SIZE;
		unsigned long offset = pos % PAGE_SIZE;
		unsigned long nr = PAGE_SIZE - offset;
		loff_t isize = i_size_read(mapping);
		unsigned long left;
		struct page *page;

		if (pos >= isize)
			break;
		if (nr > count)
			nr = count;
		if (nr > isize - pos)
			nr = isize - pos;
		page = find_get_page(mapping, index);
		if (!page) {
			page = page_cache_alloc(mapping);
			if (!page)
				return copied ? copied : -ENOMEM;
			if (add_to_page_cache(page, mapping, index)) {
				put_page(page);
				continue;
			}
			readpage(file, page);
		} else if (!PageUptodate(page)) {
			lock_page(page);
			if (!page->mapping) {		/* truncated: look again */
				unlock_page(page);
				put_page(page);
				continue;
			}
			if (!PageUptodate(page))
				readpage(file, page);
			else
				unlock_page(page);
		}
		left = copy_to_user(buf + copied, page, offset, nr);
		put_page(page);
		copied += nr - left;
		if (left)
			return copied ? copied : -EFAULT;
		pos += nr;
		count -= nr;
	}
	return copied;
}

/* follows: mm/filemap.c generic_file_aio_read() */
ssize_t generic_file_read(struct file *file, loff_t pos, char __user *buf, size_t count)
{
	return do_generic_file_read(file, pos, buf, count);
}

/* follows: fs/read_write.c sys_read() */
ssize_t sys_read(struct file *file, loff_t pos, char __user *buf, size_t count)
{
	return generic_file_read(file, pos, buf, count);
}

/* zap every PTE that maps a page of the file from page 'index' on */
/* follows: mm/memory.c unmap_mapping_range() */
void unmap_mapping_range(struct file *mapping, unsigned long index)
{
	for (; index < file_max_pages(mapping); index++) {
		struct page *page = find_get_page(mapping, index);
		if (!page)
			continue;
		unmap_mapping_page(page);
		put_page(page);
	}
}

/* take one locked page out of the cache */
/* follows: mm/truncate.c truncate_complete_page() */
void truncate_complete_page(struct file *mapping, struct page *page)
{
	if (page->mapping != mapping)
		return;
	ClearPageDirty(page);
	ClearPageUptodate(page);
	delete_from_page_cache(page);
}

/* drop the page-cache pages from lstart on; a page mapped again since vmtruncate() unmapped the
 * range is unmapped here, under its lock (one pass with lock_page: the kernel's first pass, with
 * trylock, only saves waiting) */
/* follows: mm/truncate.c truncate_inode_pages_range(), as d00806b18315 left it */
void truncate_inode_pages(struct file *mapping, loff_t lstart)
{
	unsigned long index;

	for (index = (lstart + PAGE_SIZE - 1) / PAGE_SIZE; index < file_max_pages(mapping); index++) {
		struct page *page = find_get_page(mapping, index);
		if (!page)
			continue;
		lock_page(page);
		if (page_mapcount(page))
			unmap_mapping_page(page);
		truncate_complete_page(mapping, page);
		unlock_page(page);
		put_page(page);
	}
}

/* shrink the file: i_size, then unmap the range, then drop the pages */
/* follows: mm/memory.c vmtruncate() */
int vmtruncate(struct file *inode, loff_t offset)
{
	i_size_write(inode, offset);
	unmap_mapping_range(inode->i_mapping, (offset + PAGE_SIZE - 1) / PAGE_SIZE);
	truncate_inode_pages(inode->i_mapping, offset);
	return 0;
}

/* follows: fs/open.c do_truncate() (i_mutex) */
int sys_truncate(struct file *file, loff_t size)
{
	mutex_lock(&file->f_mapping->i_mutex);
	vmtruncate(file->f_mapping, size);
	mutex_unlock(&file->f_mapping->i_mutex);
	return 0;
}

/* drop clean, unmapped, unlocked pages (invalidate_mapping_pages) */
/* follows: mm/truncate.c invalidate_mapping_pages() */
int invalidate_mapping_pages(struct file *mapping)
{
	unsigned long index;
	int n = 0;

	for (index = 0; index < file_max_pages(mapping); index++) {
		struct page *page = find_get_page(mapping, index);
		if (!page)
			continue;
		if (trylock_page(page)) {
			if (page->mapping == mapping && !PageDirty(page) && !page_mapcount(page)) {
				delete_from_page_cache(page);
				n++;
			}
			unlock_page(page);
		}
		put_page(page);
	}
	return n;
}

/* reclaim one page-cache page if it can be taken now: unmap it (unless mlock()ed), write it if
 * dirty, free it; the caller holds a reference, so the cache's and the caller's are the only ones
 * a free page has */
/* follows: mm/vmscan.c shrink_page_list() and remove_mapping(), for one page */
int shrink_page(struct page *page)
{
	if (!trylock_page(page))
		return 0;
	if (!page->mapping) {
		unlock_page(page);
		return 0;
	}
	if (page_mapcount(page) && try_to_unmap(page)) {	/* mlock()ed: it stays */
		unlock_page(page);
		return 0;
	}
	if (PageDirty(page) && clear_page_dirty_for_io(page))
		writepage(page);
	if (!remove_mapping(page)) {	/* somebody still uses the page: keep it */
		unlock_page(page);
		return 0;
	}
	unlock_page(page);
	return 1;
}

/* reclaim what can be reclaimed from a file's cache */
/* follows: mm/vmscan.c shrink_inactive_list(), reduced to one file's pages */
int shrink_mapping(struct file *mapping)
{
	unsigned long index;
	int n = 0;

	for (index = 0; index < file_max_pages(mapping); index++) {
		struct page *page = find_get_page(mapping, index);
		if (!page)
			continue;
		n += shrink_page(page);
		put_page(page);
	}
	return n;
}

/* mark a page dirty, under its lock */
/* follows: mm/page-writeback.c set_page_dirty_lock() */
void set_page_dirty_lock(struct page *page)
{
	lock_page(page);
	set_page_dirty(page);
	unlock_page(page);
}

/* write every dirty page of the file to disk */
/* follows: fs/mpage.c mpage_writepages() (lock_page, clear_page_dirty_for_io, writepage) */
int sync_mapping(struct file *mapping)
{
	unsigned long index;

	for (index = 0; index < file_max_pages(mapping); index++) {
		struct page *page = find_get_page(mapping, index);
		if (!page)
			continue;
		lock_page(page);
		if (page->mapping == mapping && clear_page_dirty_for_io(page))
			writepage(page);
		unlock_page(page);
		put_page(page);
	}
	return 0;
}

/* follows: fs/buffer.c sys_sync(), do_sync() */
void sys_sync(void)
{
	int i;

	for (i = 0; i < nr_files(); i++)
		sync_mapping(file_at(i));
}

/* madvise(start, end - start, MADV_DONTNEED): drop the PTEs, without the page lock; the next touch
 * faults the pages back in */
/* follows: mm/madvise.c madvise_dontneed(), mm/memory.c zap_page_range() */
int sys_madvise_dontneed(unsigned long start, unsigned long end)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long addr;

	down_read(&mm->mmap_sem);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		vma = find_vma(mm, addr);
		if (vma)
			zap_page_range(vma, addr, PAGE_SIZE);
	}
	up_read(&mm->mmap_sem);
	return 0;
}

/* drop the PTEs of size bytes from address in the VMA */
/* follows: mm/memory.c zap_page_range() */
void zap_page_range(struct vm_area_struct *vma, unsigned long address, unsigned long size)
{
	unsigned long end = address + size;

	for (; address < end; address += PAGE_SIZE)
		zap_pte(vma, address);
}

/* get_user() of one byte: 0, or -EFAULT for a bad address; the fault is taken if the byte is not
 * mapped. A kernel thread's buffer is kernel memory (set_fs(KERNEL_DS)): there is nothing to fault. */
/* follows: include/asm-i386/uaccess.h get_user() */
int get_user(char __user *addr)
{
	if (!current->mm)
		return 0;
	if (user_byte(addr) >= 0)	/* mapped: the load just happens */
		return 0;
	return do_page_fault(addr, 0);
}

/* bring the source in before any page lock is taken: touch its first and last byte; -EFAULT if
 * either is bad (the 2007 patch's point 1a: callers rely on that answer) */
/* follows: include/linux/pagemap.h fault_in_pages_readable() */
int fault_in_pages_readable(char __user *buf, unsigned long bytes)
{
	if (get_user(buf) || get_user(buf + bytes - 1))
		return -EFAULT;
	return 0;
}
`;
