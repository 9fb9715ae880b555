// The walking skeleton: the chapter's first cell shows the engine's verdict, an edit reruns in the
// worker, and a runaway strategy stops at a budget while the page keeps answering.
import { expect, test } from '@playwright/test';
import { abbaTitle, cell, chapter2007, fixture, originalCode, replaceCode, run, showVerdict, status } from './helpers';
import { endlessLoop, fixLockOrder, runawaySearch } from './strategies';

test('the 2007 chapter page shows its cells with the verdicts the build computed', async ({ page }) => {
  await page.goto(chapter2007);
  const cells = page.locator('[data-cell]');
  expect(await cells.count()).toBeGreaterThan(0);
  for (const el of await cells.all()) {
    await expect(el).toHaveAttribute('data-verdict', (await el.getAttribute('data-expect'))!);
  }
  const deadlock = page.locator('[data-cell][data-verdict="deadlock"]').first();
  await showVerdict(deadlock);
  await expect(deadlock.getByRole('status')).toHaveText(/^Deadlock/);
  await expect(deadlock.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('the ABBA cell shows Deadlock for its original code', async ({ page }) => {
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  await expect(abba).toHaveAttribute('data-verdict', 'deadlock');
  await expect(status(abba)).toHaveText(/^Deadlock/);
  await expect(abba.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('fixing the lock order and rerunning turns the verdict to OK', async ({ page }) => {
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  const fixed = fixLockOrder(await originalCode(abba));
  await replaceCode(page, abba, fixed);
  await run(abba);
  await expect(status(abba)).toHaveText(/^OK/);
  await expect(abba).toHaveAttribute('data-verdict', 'ok');
  // and back: the original code deadlocks again when run in the browser (not the static page)
  await abba.getByRole('button', { name: 'Reset' }).click();
  await expect(status(abba)).toHaveText(/^Deadlock/);
  await run(abba);
  await expect(abba).toHaveAttribute('data-verdict', 'deadlock');
  await expect(status(abba)).toHaveText(/^Deadlock/);
});

test('a runaway search stops at a budget and the page stays responsive meanwhile', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  await replaceCode(page, abba, runawaySearch(await originalCode(abba)));
  await run(abba);
  await expect(status(abba)).toHaveText(/^Running/);
  // while the search runs in its worker, the page answers: another control responds at once
  await abba.getByRole('button', { name: 'Share' }).click();
  await expect(abba.getByRole('textbox', { name: `Permalink to ${abbaTitle}` })).toBeVisible({ timeout: 2_000 });
  await expect(abba).toHaveAttribute('data-state', 'running');
  await expect(status(abba)).toHaveText(/^Budget/, { timeout: 20_000 });
  await expect(abba).toHaveAttribute('data-verdict', 'budget');
});

test('an endless loop stops at the step budget with a message', async ({ page }) => {
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  await replaceCode(page, abba, endlessLoop(await originalCode(abba)));
  await run(abba);
  await expect(status(abba)).toHaveText(/^Budget: .*endless loop/, { timeout: 20_000 });
  // and the cell is still usable: the original code runs again after Reset
  await abba.getByRole('button', { name: 'Reset' }).click();
  await run(abba);
  await expect(status(abba)).toHaveText(/^Deadlock/);
});
