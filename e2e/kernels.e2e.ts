// Kernels per era, on the page: a cell shows the kernel its scenario runs on, and a closing table
// runs the same scenario on both 2007 kernels, with a different verdict where the fault-path page
// lock makes the difference (the 2,8 deadlock needs it; 2.6.20 as released gets through).
import { expect, test } from '@playwright/test';
import { cell, chapter2007, watchConsole } from './helpers';

test('the 2,8 cell names its kernel, and the kernels table shows 2.6.20 getting through where the fault lock deadlocks', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(chapter2007);
  const samePage = cell(page, '2,8: writing a page from a mapping of itself');
  await expect(samePage.locator('[data-fl-kernel]')).toHaveText('2.6.20-fault-lock');

  const table = page.getByRole('region', { name: 'The 2.6.20 write path on both kernels' });
  const locked = table.locator('tr[data-fl-scenario="2007/same-page"]');
  const released = table.locator('tr[data-fl-scenario="2007/same-page@2.6.20"]');
  await expect(locked).toHaveAttribute('data-verdict', 'deadlock');
  await expect(locked.locator('[data-fl-kernel]')).toHaveText('2.6.20-fault-lock');
  await expect(released).toHaveAttribute('data-verdict', 'ok');
  await expect(released.locator('[data-fl-kernel]')).toHaveText('2.6.20');
  // the page as released deadlocks only when the source page was evicted (not up to date)
  await expect(table.locator('tr[data-fl-scenario="2007/evicted-mlock"]')).toHaveAttribute('data-verdict', 'deadlock');
  expect(errors).toEqual([]);
});
