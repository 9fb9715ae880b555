/*
 * The shape underneath the barrier scheme, with two plain shared words:
 * pinned stands for the bias in _refcount, writeback for PG_writeback.
 * Each side writes its own word, then reads the other's.
 */
void P0(void)	/* the pin side, as in the thread: smp_wmb() */
{
	WRITE_ONCE(pinned, 1);
	smp_wmb();
	r0 = READ_ONCE(writeback);
}

void P1(void)	/* the writeback side: smp_mb() */
{
	WRITE_ONCE(writeback, 1);
	smp_mb();
	r1 = READ_ONCE(pinned);
}
