// Idea #42 against two writers whose sources are each other's pages. Checking the source with
// an atomic get_user() under the destination's lock proves it mapped at that moment, but the
// source page is not locked by this writer, so another thread can unmap it (madvise) before the
// copy; the copy then faults under the page lock, and the writers deadlock as in 2,8;2,8.
export default String.raw`id          2007/idea-42
title       Two writers with crossed sources, and their buffers unmapped meanwhile
description writer_a write()s to file A from a mapping of file B's page; writer_b write()s to file B
description from a mapping of file A's page. Both mappings are present at the start. In each process
description another thread calls madvise(MADV_DONTNEED) on the buffer, which unmaps it (without the page
description lock) until the next touch faults it back in.
model       sc
strategy    src/content/cells/2007-pagecache-write-deadlocks/idea-42.c
page-size   4

file A "abcd"
file B "wxyz"
page pageA file A index 0 uptodate
page pageB file B index 0 uptodate
mm   ma
map  ma 0x2000 file B populated          # writer_a's buffer: file B's page
mm   mb
map  mb 0x1000 file A populated          # writer_b's buffer: file A's page

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer_a cpu 0 mm ma : sys_write(A, 0, 0x2000, 2)
task writer_b cpu 1 mm mb : sys_write(B, 0, 0x1000, 2)
task zap_a    cpu 2 mm ma : sys_madvise_dontneed(0x2000)
task zap_b    cpu 3 mm mb : sys_madvise_dontneed(0x1000)

code:
/* madvise(start, PAGE_SIZE, MADV_DONTNEED): drop the PTE; the next touch faults it back in */
int sys_madvise_dontneed(unsigned long start)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	down_read(&mm->mmap_sem);
	vma = find_vma(mm, start);
	if (vma)
		zap_pte(vma, start);
	up_read(&mm->mmap_sem);
	return 0;
}
`;
