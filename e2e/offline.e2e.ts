// Offline: after one visit the service worker has the page, the editor and the engine, so the
// page reloads, edits and runs with the network gone; a part it never had shows Retry.
import { expect, test, type Page } from '@playwright/test';
import { abbaTitle, cell, editorText, fixture, originalCode, replaceCode, run, status } from './helpers';
import { fixLockOrder } from './strategies';

/** Wait until the service worker controls the page and holds the page itself. */
async function visited(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(async (path) => (await caches.match(path)) !== undefined, new URL(page.url()).pathname), { timeout: 20_000 }).toBe(true);
}

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a page read once reloads, edits and runs offline', async ({ page, context }) => {
  const errors = pageErrors(page);
  await page.goto(fixture);
  await visited(page);
  await context.setOffline(true);
  try {
    await page.reload();
    const abba = cell(page, abbaTitle);
    await expect(status(abba)).toHaveText(/^Deadlock/);
    // the editor was never opened online: it comes from the service worker's cache
    await replaceCode(page, abba, fixLockOrder(await originalCode(abba)));
    await run(abba);
    await expect(status(abba)).toHaveText(/^OK/);
    // the search index too
    await page.getByRole('button', { name: /Search/ }).first().click();
    await page.locator('.pagefind-ui__search-input').fill('deadlock');
    await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
  expect(errors).toEqual([]);
});

test('a part that was never cached shows what failed and a Retry, which works once online', async ({ page, context, browser }) => {
  // Which files the Diff needs, seen in a context of its own.
  const probe = await browser.newContext({ serviceWorkers: 'block' });
  const diffFiles: string[] = [];
  try {
    const p = await probe.newPage();
    await p.goto(fixture);
    const c = cell(p, abbaTitle);
    await replaceCode(p, c, fixLockOrder(await originalCode(c)));
    p.on('request', (r) => {
      if (r.resourceType() === 'script') diffFiles.push(new URL(r.url()).pathname);
    });
    await c.getByRole('button', { name: 'Diff' }).click();
    await expect(c.locator('.cm-mergeView')).toBeVisible();
  } finally {
    await probe.close();
  }
  expect(diffFiles.length).toBeGreaterThan(0);

  const errors = pageErrors(page);
  await page.goto(fixture);
  await visited(page);
  // as if the cache never had them (evicted, or added by a later deploy)
  await page.evaluate(async (paths) => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if (paths.includes(new URL(request.url).pathname)) await cache.delete(request);
    }
  }, diffFiles);
  await context.setOffline(true);
  const abba = cell(page, abbaTitle);
  const mine = fixLockOrder(await originalCode(abba));
  try {
    await page.reload();
    await replaceCode(page, abba, mine);
    await abba.getByRole('button', { name: 'Diff' }).click();
    const notice = abba.getByRole('alert');
    await expect(notice).toContainText('The diff view could not be loaded');
    await expect(abba.locator('.cm-mergeView')).toHaveCount(0);
    // the reader's text is untouched
    await expect.poll(() => editorText(abba)).toBe(mine);
  } finally {
    await context.setOffline(false);
  }
  await abba.getByRole('button', { name: 'Retry loading the diff view' }).click();
  await expect(abba.locator('.cm-mergeView')).toBeVisible();
  await expect(abba.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});
