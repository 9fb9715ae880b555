// Nick Piggin's answer to the zeroed tail: no reader has to race. Another thread unmaps the
// second half of the writer's buffer (any reason to bail out will do); the atomic copy comes up
// short, the tail is zeroed and committed, the retry fails with -EFAULT, and the zeros stay in
// the page cache, go to disk, and come back when the file is read again.
export default String.raw`id          2007/zero-tail-bailout
title       A short atomic copy, then the write gives up
description A thread write()s four bytes over file A's page 0 (not cached), then syncs, drops the
description file's cache and reads the file back. Another thread of the process munmap()s the second
description half of the buffer meanwhile. The write may fail or come up short; what it did not write
description must still hold the old data.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/zero-tail-bailout.c
page-size   4

file A "abcd"
file B "YZ"
page pageB file B index 0 uptodate
pool 3
mm   m0
anon m0 0x1000 "..WX"                    # the buffer starts at 0x1002: "WX" ...
map  m0 0x1004 file B populated          # ... and goes on in a mapping of file B: "YZ"
anon m0 0x2000 "...." writable           # where the file is read back

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer    cpu 0 mm m0 : write_sync_read()
task unmapper  cpu 1 mm m0 : sys_munmap(0x1004, 4)

code:
void write_sync_read(void)
{
	sys_write(A, 0, 0x1002, 4);
	sys_sync();			/* writeback */
	invalidate_mapping_pages(A);	/* forget the cache, as after a reboot */
	sys_read(A, 0, 0x2000, 4);	/* read the file back from disk */
}
`;
