/* Safe, and useless: no seal is ever granted. */
int memfd_add_seals(struct file *file, int seals)
{
	return -EBUSY;
}
