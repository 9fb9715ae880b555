// The 2007 chapter: the reader fixes the 2,8 cell the way the merged fix does (the
// temporary page, taken from the chapter's own temp-page cell), sees it turn OK, and sees the
// closing table, which runs that cell's code against every scenario, go from failing rows to OK.
import { expect, test } from '@playwright/test';
import { cell, chapter2007, originalCode, replaceCode, run, showVerdict, status, watchConsole } from './helpers';

const samePageTitle = '2,8: writing a page from a mapping of itself';
const tempPageTitle = 'The temporary page';
const tableTitle = 'Your write path, every scenario of the chapter';

test('fixing the 2,8 cell with the merged temporary page turns it OK and changes the closing table', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await page.goto(chapter2007);

  const samePage = cell(page, samePageTitle);
  await expect(samePage).toHaveAttribute('data-cell', 'original-same-page');
  await expect(samePage).toHaveAttribute('data-verdict', 'deadlock');
  await showVerdict(samePage);
  await expect(status(samePage)).toHaveText(/^Deadlock/);

  const table = page.getByRole('region', { name: tableTitle });
  const rows = table.locator('tr[data-fl-scenario]');
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(table.locator('tr[data-fl-scenario][data-verdict="deadlock"]').first()).toBeVisible();
  await expect(table.getByRole('status')).toHaveText(/scenarios fail/);

  // the merged fix, as the chapter's temp-page cell holds it
  const merged = await originalCode(cell(page, tempPageTitle));
  expect(merged).toContain('src_page = alloc_page();');
  await replaceCode(page, samePage, merged);
  await run(samePage);
  await expect(status(samePage)).toHaveText(/^OK/, { timeout: 60_000 });
  await expect(samePage).toHaveAttribute('data-verdict', 'ok');

  // the closing table follows the edited cell: every row OK
  await expect(table.getByRole('status')).toHaveText(/OK in every scenario/, { timeout: 90_000 });
  for (const row of await rows.all()) await expect(row).toHaveAttribute('data-verdict', 'ok');

  // the cost table follows too: on the common case the temporary page allocates twice and copies twice
  const costs = page.locator('tr[data-fl-cost-row="original-same-page"]');
  await expect(costs.locator('[data-fl-cost="pagesAllocated"]')).toHaveText('2', { timeout: 30_000 });
  await expect(costs.locator('[data-fl-cost="bytesCopied"]')).toHaveText('8');

  // and Reset brings the built table back
  await samePage.getByRole('button', { name: 'Reset' }).click();
  await expect(table.getByRole('status')).toHaveText(/scenarios fail/);
  await expect(costs.locator('[data-fl-cost="pagesAllocated"]')).toHaveText('1');
  expect(errors).toEqual([]);
});

test('the primer comes first in the sidebar and its two cells show their verdicts', async ({ page }) => {
  await page.goto('/chapters/primer/');
  const first = page.getByRole('navigation', { name: 'Main' }).getByRole('link').first();
  await expect(first).toHaveText(/Primer/);
  await expect(first).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('[data-cell="abba"]')).toHaveAttribute('data-verdict', 'deadlock');
  await expect(page.locator('[data-cell="flag-race"]')).toHaveAttribute('data-verdict', 'corruption');
});
