/* The writer announces the page, then fills it. */
void writer(void)
{
	SetPageUptodate(page0);
	copy_from_user(page0, 0, 0x2000, 2);
}

/* The reader copies the page out once it is announced. */
void reader(void)
{
	if (PageUptodate(page0))
		copy_to_user(0x1000, page0, 0, 2);
}
