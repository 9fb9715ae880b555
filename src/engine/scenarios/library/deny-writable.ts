// i_mmap_writable for the 2014 scenarios, as far as their one-process worlds need it.
// The kernel counts a file's shared writable mappings and makes the count negative to deny new
// ones; here nobody maps the file again, so asking whether the process still maps 0x1000 is denying.
export const DENY_WRITABLE = String.raw`
/* refuse (-EBUSY) while a writable mapping of the file exists */
int mapping_deny_writable(struct file *file)
{
	struct vm_area_struct *vma;

	down_read(&current->mm->mmap_sem);
	vma = find_vma(current->mm, 0x1000);
	up_read(&current->mm->mmap_sem);
	return vma ? -EBUSY : 0;
}
`;
