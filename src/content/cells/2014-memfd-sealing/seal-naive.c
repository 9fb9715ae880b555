/*
 * F_SEAL_WRITE trusting the checks sealing already has: writable
 * mappings are refused elsewhere (the process has unmapped its buffer,
 * so there are none), write() is refused under i_mutex, and the seal is
 * set.
 * A page reference that get_user_pages() handed to a device before the
 * munmap() is a bare _refcount increment, and nothing here looks at it.
 */
int memfd_add_seals(struct file *file, int seals)
{
	set_file_seals(file, seals);
	return 0;
}
