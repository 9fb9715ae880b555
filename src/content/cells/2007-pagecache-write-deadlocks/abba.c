/* Two tasks, each needing both pages. */

void task_a(void)
{
	lock_page(page0);
	lock_page(page1);
	/* ... work on both pages ... */
	unlock_page(page1);
	unlock_page(page0);
}

void task_b(void)
{
	lock_page(page1);
	lock_page(page0);
	/* ... work on both pages ... */
	unlock_page(page0);
	unlock_page(page1);
}
