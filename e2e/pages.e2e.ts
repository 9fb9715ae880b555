// Every built page: no console errors, cells readable without JavaScript, no serious axe violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, chapter2007, watchConsole } from './helpers';

const pages = builtPages();

test('the site has the chapter, the cells page and a landing page', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', chapter2007, '/cells/']));
});

test('no console errors on any page', async ({ page }) => {
  test.setTimeout(30_000 + pages.length * 5_000);
  const errors = watchConsole(page);
  for (const path of pages) {
    await page.goto(path, { waitUntil: 'load' });
    const runs = page.getByRole('button', { name: 'Run', exact: true });
    if ((await runs.count()) > 0) await expect(runs.first()).toBeEnabled();
    await page.waitForTimeout(300); // let the idle-time worker start
    expect(errors, `console errors on ${path}`).toEqual([]);
  }
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('every chapter cell shows highlighted code, and its verdict and trace in a closed "What the engine found"', async ({ page }) => {
    const chapters = pages.filter((p) => p.startsWith('/chapters/'));
    expect(chapters.length).toBeGreaterThan(0);
    let seen = 0;
    for (const path of chapters) {
      await page.goto(path);
      for (const el of await page.locator('[data-cell]').all()) {
        seen++;
        const verdict = await el.getAttribute('data-verdict');
        const word = { ok: 'OK', deadlock: 'Deadlock', corruption: 'Corruption', bug: 'Bug', livelock: 'Livelock', error: 'Error', budget: 'Budget' }[verdict ?? ''];
        expect(word, `${path}: a cell without a verdict`).toBeTruthy();
        await expect(el.locator('.fl-code pre.shiki f-k').first()).toBeVisible();
        // closed until the reader opens it: no answer before a prediction, even without scripts
        const found = el.locator('details[data-fl-found]');
        await expect(found).not.toHaveAttribute('open');
        await expect(el.getByRole('status')).toBeHidden();
        await found.getByText('What the engine found').click();
        await expect(el.getByRole('status')).toHaveText(new RegExp(`^${word}`));
        if (verdict !== 'error') await expect(el.locator('[data-fl-trace-text]')).toBeVisible();
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

// Every cell and table of every page (the 2007 chapter, 15 cells with their traces, takes axe
// about 35 s on the shared 2-core machine); FAULTLINES_AXE_QUICK=1 checks only each page's first
// three cells and its tables, for a faster local run.
const axeAll = !process.env.FAULTLINES_AXE_QUICK;
for (const path of pages.filter((p) => p.startsWith('/chapters/') || p === '/cells/')) {
  test(`cells on ${path} pass axe-core with no serious or critical violations`, async ({ page }) => {
    test.setTimeout(axeAll ? 600_000 : 120_000);
    await page.goto(path);
    const ids = await page.locator('[data-cell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')!));
    if (ids.length > 0) await expect(page.getByRole('button', { name: 'Run', exact: true }).first()).toBeEnabled();
    const chosen = axeAll ? ids : ids.slice(0, 3);
    let axe = new AxeBuilder({ page });
    for (const id of chosen) axe = axe.include(`[data-cell="${id}"]`);
    if ((await page.locator('.fl-table').count()) > 0) axe = axe.include('.fl-table');
    if (chosen.length === 0 && (await page.locator('.fl-table').count()) === 0) return;
    const results = await axe.analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
}
