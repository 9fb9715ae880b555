// The reading experience: predict, then reveal; the trace as a picture on a phone; the table of
// contents landing on its headings; a running search that shows its progress and can be cancelled.
import { expect, test } from '@playwright/test';
import { abbaTitle, cell, chapter2007, fixture, originalCode, replaceCode, run, showVerdict, status, watchConsole } from './helpers';
import { runawaySearch } from './strategies';

const samePageTitle = '2,8: writing a page from a mapping of itself';
const twoWritersTitle = '2,8;2,8: two writers, crossed sources';
const tempPageTitle = 'The temporary page';

test('a reader predicts OK on the 2,8 cell, is told it deadlocks with the cycle drawn, fixes it, bets again and is right', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  await page.goto(chapter2007);
  const samePage = cell(page, samePageTitle);
  await expect(samePage).toHaveAttribute('data-prediction', 'open');
  // while the question is open, neither the verdict nor the trace is visible
  await expect(samePage.getByRole('status')).toBeHidden();
  await expect(samePage.locator('div[data-fl-trace]')).toBeHidden();
  await expect(samePage.getByText(/^Deadlock: /)).toBeHidden();

  await samePage.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(samePage).toHaveAttribute('data-prediction', 'ok');
  const reveal = samePage.locator('[data-fl-reveal]');
  await expect(reveal).toHaveText(/^You said OK\. Wrong: it deadlocks\./);
  await expect(status(samePage)).toHaveText(/^Deadlock/);
  // the deadlock, drawn on the trace: the writer's lane, its blocked wait, the cycle under it
  const lanes = samePage.locator('[data-fl-lanes]');
  await expect(lanes).toBeVisible();
  await expect(lanes.locator('li.fl-cycle')).toContainText('lock_page(pageA)');
  await expect(lanes.locator('.fl-lanes-cycle svg.fl-cycle-svg')).toBeVisible();
  await expect(lanes.locator('.fl-lanes-cycle')).toContainText('writer waits for lock of pageA, held by writer');

  // the fix the merged patch makes (the chapter's temporary-page cell), and a bet on it
  const merged = await originalCode(cell(page, tempPageTitle));
  await replaceCode(page, samePage, merged);
  await expect(samePage).toHaveAttribute('data-betting', 'true');
  await expect(samePage.getByText('Your edit: what will it do?')).toBeVisible();
  await samePage.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(reveal).toHaveText('You said OK. Right: it survives every interleaving.', { timeout: 60_000 });
  await expect(status(samePage)).toHaveText(/^OK/);
  await expect(samePage).toHaveAttribute('data-prediction', 'ok');
  expect(errors).toEqual([]);
});

test('"Just show me" skips the question, and a prediction is remembered across a reload', async ({ page }) => {
  await page.goto(chapter2007);
  const two = cell(page, twoWritersTitle);
  await two.getByRole('button', { name: 'Deadlock', exact: true }).click();
  await expect(two.locator('[data-fl-reveal]')).toHaveText(/^You said Deadlock\. Right: it deadlocks\./);
  const mlock = cell(page, '2,6;b,f: the writer against mlock');
  await showVerdict(mlock);
  await expect(mlock.locator('[data-fl-reveal]')).toBeHidden();
  await expect(status(mlock)).toHaveText(/^Deadlock/);
  await page.reload();
  await expect(cell(page, twoWritersTitle)).toHaveAttribute('data-prediction', 'deadlock');
  await expect(cell(page, twoWritersTitle).locator('[data-fl-reveal]')).toHaveText(/^Earlier you said Deadlock\. Right/);
  await expect(cell(page, '2,6;b,f: the writer against mlock')).toHaveAttribute('data-prediction', 'skipped');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('every step of the two-writers trace shows its text without sideways scrolling', async ({ page }) => {
    await page.goto(chapter2007);
    const two = cell(page, twoWritersTitle);
    await showVerdict(two);
    const steps = two.locator('[data-fl-lanes] li[data-step]');
    await expect(steps.first()).toBeVisible();
    const n = await steps.count();
    expect(n).toBeGreaterThan(10);
    for (let i = 0; i < n; i++) {
      const step = steps.nth(i);
      await step.scrollIntoViewIfNeeded();
      const op = step.locator('.fl-op');
      await expect(op).toBeVisible();
      await expect(step.locator('.fl-badge')).toBeVisible(); // who, on the timeline
      const box = (await op.boundingBox())!;
      expect(box.x, `step ${i + 1} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `step ${i + 1} ends on screen`).toBeLessThanOrEqual(390);
      // the text is not clipped inside its own box either
      expect(await op.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    }
    const wrap = two.locator('.fl-lanes-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('code and trace get at least 860 px, and 90-column lines do not scroll sideways', async ({ page }) => {
    await page.goto(chapter2007);
    const samePage = cell(page, samePageTitle);
    await showVerdict(samePage);
    const code = samePage.locator('[data-fl-code]');
    expect((await code.boundingBox())!.width).toBeGreaterThanOrEqual(860);
    await expect(samePage.locator('.fl-lanes-wrap')).toBeVisible();
    expect((await samePage.locator('div[data-fl-trace]').boundingBox())!.width).toBeGreaterThanOrEqual(860);
    // a line of 90 columns fits the code box
    const fits = await code.evaluate((el) => {
      const pre = el.querySelector('pre')!;
      const probe = document.createElement('span');
      probe.textContent = 'x'.repeat(90);
      pre.append(probe);
      const ok = probe.getBoundingClientRect().right <= el.getBoundingClientRect().right;
      probe.remove();
      return ok;
    });
    expect(fits).toBe(true);
  });

  test('a chapter cell of up to 40 lines of code is at most ~900 px tall before the reader opens anything', async ({ page }) => {
    const heights: string[] = [];
    for (const path of ['/chapters/2006-fault-vs-invalidate/', chapter2007, '/chapters/2019-gup-pinning/']) {
      await page.goto(path);
      await expect(page.getByRole('button', { name: 'Run', exact: true }).first()).toBeEnabled();
      const cells = await page.locator('[data-cell][data-prediction="open"]').evaluateAll((els) =>
        els.map((el) => ({ id: el.getAttribute('data-cell'), lines: (el.querySelector('[data-fl-code] pre')?.textContent ?? '').split('\n').length, height: el.getBoundingClientRect().height })),
      );
      for (const c of cells) if (c.lines <= 40 && c.height > 920) heights.push(`${path} ${c.id}: ${c.lines} lines, ${Math.round(c.height)} px`);
      expect(cells.length).toBeGreaterThan(0);
    }
    expect(heights).toEqual([]);
  });

  test('every table-of-contents link of the 2007 chapter lands on its heading', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(chapter2007);
    const toc = page.locator('mobile-starlight-toc');
    await expect(toc.getByText('On this page')).toBeVisible();
    const hrefs = await toc.locator('a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) {
      await toc.locator('summary').click();
      await toc.locator(`a[href="${href}"]`).click();
      const heading = page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`);
      await expect
        .poll(async () => {
          const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
          return top >= 0 && top < 300;
        }, { message: `${href} is in view near the top` })
        .toBe(true);
      // the bar names the section the reader has landed in, and its link is marked current
      const link = toc.locator(`a[href="${href}"]`);
      await expect(toc.locator('[data-fl-toc-current]'), `bar after ${href}`).toHaveText((await link.textContent())!.trim());
      await expect(link).toHaveAttribute('aria-current', 'true');
    }
  });
});

test('a running search is dimmed and marked stale, counts states, and can be cancelled or restarted', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  await replaceCode(page, abba, runawaySearch(await originalCode(abba)));
  await run(abba);
  await expect(abba).toHaveAttribute('data-state', 'running');
  await expect(abba.getByText(/^Stale: /)).toBeVisible();
  const progress = abba.locator('[data-fl-progress]');
  await expect(progress).toHaveText(/^[\d,]+ states explored$/);
  const count = async () => Number((await progress.textContent())!.replace(/\D/g, ''));
  await expect.poll(count).toBeGreaterThan(4096);
  // a second Run cancels the first and starts again (bridge.test.ts: one flight per cell)
  await run(abba);
  await expect(abba).toHaveAttribute('data-state', 'running');
  await expect(progress).toHaveText(/^searching|^[\d,]+ states explored$/);
  // Cancel: the verdict of the code last run stays, no longer dimmed
  await abba.getByRole('button', { name: 'Cancel' }).click();
  await expect(abba).not.toHaveAttribute('data-state', 'running');
  await expect(status(abba)).toHaveText(/^Deadlock/);
  await expect(abba.getByText(/^Stale: /)).toBeHidden();
  await expect(abba.getByText('Search cancelled')).toBeVisible();
});

// Every page in both themes, with every cell's findings opened (lanes, world diagram), checked
// whole by axe: no serious or critical violation (contrast of every control included).
for (const theme of ['light', 'dark'] as const) {
  test(`every page passes axe in the ${theme} theme with every cell's findings open`, async ({ page }) => {
    test.setTimeout(600_000);
    const AxeBuilder = (await import('@axe-core/playwright')).default;
    const { builtPages } = await import('./helpers');
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.emulateMedia({ colorScheme: theme });
    const problems: string[] = [];
    for (const path of builtPages()) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // each answered cell's question disappears, so take the first still asking until none does
      const skip = page.getByRole('button', { name: 'Just show me' });
      while ((await skip.count()) > 0) await skip.first().click();
      const views = page.locator('[data-fl-lanes]');
      if ((await page.locator('[data-cell]').count()) > 0 && (await page.locator('script[data-fl-trace]').count()) > 0) {
        await expect(views.first()).toBeAttached();
      }
      const results = await new AxeBuilder({ page }).analyze();
      for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        problems.push(`${path}: ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
  });
}
