/* Refuse while a writable mapping exists, then seal; references are not looked at. */
int memfd_add_seals(struct file *file, int seals)
{
	if (mapping_deny_writable(file))
		return -EBUSY;
	set_file_seals(file, seals);
	return 0;
}
