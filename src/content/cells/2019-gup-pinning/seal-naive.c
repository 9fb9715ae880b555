/*
 * A seal that only looks at mappings: new writable mappings are refused
 * elsewhere, and the seal is set. A page that get_user_pages() already
 * handed to a device is not looked at.
 */
int memfd_add_seals(struct file *file, int seals)
{
	set_file_seals(file, seals);
	return 0;
}
