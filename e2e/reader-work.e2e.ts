// The reader's work is never lost: versions kept across links, Reset with Undo, Share that refuses
// links the site would reject, invalid stored values and a full or disabled storage.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { abbaTitle, cell, editorText, fixture, originalCode, replaceCode, run, status, watchConsole } from './helpers';
import { fixLockOrder, runawaySearch } from './strategies';

const cellKey = '2007-pagecache-write-deadlocks/abba';

function versionsPanel(c: Locator): Locator {
  return c.getByRole('group', { name: `Versions of ${abbaTitle}` });
}

/** A permalink for the ABBA cell made by the site's own Share, in a context of its own. */
async function linkFor(page: Page, code: string): Promise<string> {
  const other = await page.context().browser()!.newContext();
  try {
    const p = await other.newPage();
    await p.goto(fixture);
    const c = cell(p, abbaTitle);
    await replaceCode(p, c, code);
    await c.getByRole('button', { name: 'Share' }).click();
    return await c.getByRole('textbox', { name: `Permalink to ${abbaTitle}` }).inputValue();
  } finally {
    await other.close();
  }
}

/** Open the fixture, fix the ABBA cell's lock order and Run it: the reader's edit, checked. */
async function editAndRun(page: Page): Promise<{ abba: Locator; original: string; mine: string }> {
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  const original = await originalCode(abba);
  const mine = fixLockOrder(original);
  await replaceCode(page, abba, mine);
  await run(abba);
  await expect(status(abba)).toHaveText(/^OK/);
  return { abba, original, mine };
}

test('a link for a cell the reader edited keeps both versions; the reader\'s restores', async ({ page, context }) => {
  const errors = watchConsole(page);
  const { original, mine } = await editAndRun(page);

  const theirs = `${original}\n/* a colleague's version: the original order, with a note */\n`;
  const link = await linkFor(page, theirs);

  // the link opens in another tab of the same browser: the reader's edit is still what the cell shows
  const tab = await context.newPage();
  const tabErrors = watchConsole(tab);
  await tab.goto(link);
  const there = cell(tab, abbaTitle);
  await expect(there.getByText('Which should the cell show?')).toBeVisible();
  await expect.poll(() => editorText(there)).toBe(mine);
  // the first tab, reloaded, still has the reader's code
  await page.reload();
  await expect.poll(() => editorText(cell(page, abbaTitle))).toBe(mine);

  // choose the link
  await there.getByRole('button', { name: "Show the link's code" }).click();
  await expect.poll(() => editorText(there)).toBe(theirs);
  await expect(there.getByText('edited by the link')).toBeVisible();

  // the reader's version is in Versions, and restores
  await there.getByRole('button', { name: 'Versions' }).click();
  const panel = versionsPanel(there);
  await expect(panel.locator('li[data-why="link"]')).toHaveCount(1);
  // newest first: the reader's edit is the newest version that did not come from the link
  const kept = panel.locator('li:not([data-why="link"])').first();
  await expect(kept.locator('pre')).toHaveText(mine, { useInnerText: false });
  await kept.getByRole('button', { name: /^Restore/ }).click();
  await expect.poll(() => editorText(there)).toBe(mine);
  await run(there);
  await expect(status(there)).toHaveText(/^OK/);
  // and it is what this browser keeps
  await tab.reload();
  await expect.poll(() => editorText(cell(tab, abbaTitle))).toBe(mine);
  expect([...errors, ...tabErrors]).toEqual([]);
});

test('Reset keeps the edit: Undo brings it back, and so does Versions', async ({ page }) => {
  const errors = watchConsole(page);
  const { abba, original, mine } = await editAndRun(page);
  await abba.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => editorText(abba)).toBe(original);
  await expect(status(abba)).toHaveText(/^Deadlock/);
  await abba.getByRole('button', { name: 'Undo Reset' }).click();
  await expect.poll(() => editorText(abba)).toBe(mine);
  await expect(status(abba)).toHaveText(/^OK/);
  await page.reload();
  const again = cell(page, abbaTitle);
  await expect.poll(() => editorText(again)).toBe(mine);

  // Reset again, reload: the edit is gone from the cell but not from Versions
  await again.getByRole('button', { name: 'Reset' }).click();
  await page.reload();
  const third = cell(page, abbaTitle);
  await expect(third.getByText('edited', { exact: true })).toBeHidden();
  await third.getByRole('button', { name: 'Versions' }).click();
  const newest = versionsPanel(third).locator('li').first();
  await expect(newest.locator('pre')).toHaveText(mine);
  await newest.getByRole('button', { name: /^Restore/ }).click();
  await expect.poll(() => editorText(third)).toBe(mine);
  expect(errors).toEqual([]);
});

test('Share on a 30 KB edit refuses with a message, and the edit stays', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  const original = await originalCode(abba);
  const filler = Array.from({ length: 600 }, (_, i) => `/* note ${i}: ${'x'.repeat(30 + (i % 17))} */`).join('\n');
  const big = `${original}\n${filler}\n`;
  expect(big.length).toBeGreaterThan(30_000);
  // typed as a reader does (replaceCode reads every line back, and a long text is not all rendered)
  await abba.getByRole('textbox', { name: /^Code of / }).click();
  await expect(abba.locator('.cm-content')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(big);
  const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(`faultlines:v2:cell:${key}`) ?? 'null')?.current?.code, cellKey);
  await expect.poll(stored).toBe(big);
  await abba.getByRole('button', { name: 'Share' }).click();
  await expect(abba.getByText(/No link was made: the code is too long for a link/)).toBeVisible();
  await expect(abba.getByRole('textbox', { name: `Permalink to ${abbaTitle}` })).toHaveCount(0);
  // the text survived: in this browser, and in the editor after a reload
  expect(await stored()).toBe(big);
  await page.reload();
  const again = cell(page, abbaTitle);
  await expect(again.locator('.cm-editor')).toBeVisible();
  expect(await again.locator('.cm-content').evaluate((el) => el.closest('.cm-editor')!.querySelector('.cm-gutter')!.textContent!.length)).toBeGreaterThan(0);
  expect(await stored()).toBe(big);
  expect(errors).toEqual([]);
});

test('a stored edit with an invalid model falls back to the default, with a notice and the code kept', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(fixture);
  const mine = fixLockOrder(await originalCode(cell(page, abbaTitle)));
  // the edit as an older build stored it (the key before versions), with a model no cell offers
  await page.evaluate(
    ([key, code]) => localStorage.setItem(`faultlines:v1:cell:${key}`, JSON.stringify({ code, model: 'quantum', params: { tasks: 'many' } })),
    [cellKey, mine],
  );
  await page.reload();
  const abba = cell(page, abbaTitle);
  await expect(abba.getByText(/values this cell does not offer: memory model "quantum"/)).toBeVisible();
  await expect(abba.getByRole('combobox', { name: 'Memory model' })).toHaveValue('sc');
  await expect.poll(() => editorText(abba)).toBe(mine);
  await run(abba);
  await expect(status(abba)).toHaveText(/^OK/);
  // moved to the new key, with the model fixed; the old key is gone
  const stored = await page.evaluate((key) => [localStorage.getItem(`faultlines:v1:cell:${key}`), JSON.parse(localStorage.getItem(`faultlines:v2:cell:${key}`)!)], cellKey);
  expect(stored[0]).toBeNull();
  expect(stored[1].current).toMatchObject({ code: mine, model: 'sc' });
  expect(errors).toEqual([]);
});

test('a full quota: the reader is told, the edit stays on the page and runs, no console errors', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('faultlines:') && key !== 'faultlines:probe') throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  const errors = watchConsole(page);
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  const mine = fixLockOrder(await originalCode(abba));
  await replaceCode(page, abba, mine);
  await expect(abba.getByRole('alert')).toContainText('storage for the site is full');
  await run(abba);
  await expect(status(abba)).toHaveText(/^OK/);
  await expect.poll(() => editorText(abba)).toBe(mine);
  // one notice for the problem, not one per keystroke or run
  await expect(abba.locator('[data-fl-notice="storage"]')).toHaveCount(1);
  // Versions still work on the page
  await abba.getByRole('button', { name: 'Reset' }).click();
  await abba.getByRole('button', { name: 'Undo Reset' }).click();
  await expect.poll(() => editorText(abba)).toBe(mine);
  expect(errors).toEqual([]);
});

test('storage turned off: a notice, and the page works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  // Starlight's inline theme scripts (in the page itself, not /_astro/) throw when storage is
  // denied, on every page; errors from the site's bundled scripts, or any console error, are ours.
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    if (!/^denied$|StarlightThemeProvider/.test(e.message) || /\/_astro\//.test(e.stack ?? '')) errors.push(`${e.message}\n${e.stack}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  await expect(abba.getByText(/does not let the site store anything/)).toBeVisible();
  await replaceCode(page, abba, fixLockOrder(await originalCode(abba)));
  await run(abba);
  await expect(status(abba)).toHaveText(/^OK/);
  expect(errors).toEqual([]);
});

test('bad links leave one message, which a good link replaces', async ({ page }) => {
  await page.goto(`${fixture}#share=abba.%%%`);
  const notices = page.locator('[data-fl-page-notices] [data-fl-notice]');
  await expect(notices).toHaveCount(1);
  await page.goto(`${fixture}#share=abba`);
  await page.goto(`${fixture}#share=abba.AAAA`);
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText('damaged');
  const abba = cell(page, abbaTitle);
  const link = await linkFor(page, fixLockOrder(await originalCode(abba)));
  await page.goto(link);
  await expect(notices).toHaveCount(0);
  await expect(abba.getByText('edited by the link')).toBeVisible();
  // and a message can be dismissed
  await page.goto(`${fixture}#share=abba.%%%`);
  await page.locator('[data-fl-page-notices]').getByRole('button', { name: 'Dismiss this message' }).click();
  await expect(notices).toHaveCount(0);
});

test('a search stopped by its budget can search further, with a larger budget', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(fixture);
  const abba = cell(page, abbaTitle);
  await replaceCode(page, abba, runawaySearch(await originalCode(abba)));
  await run(abba);
  await expect(status(abba)).toHaveText(/^Budget/, { timeout: 20_000 });
  const further = abba.getByRole('button', { name: 'Search further' });
  await expect(further).toBeVisible();
  const first = await abba.locator('[data-fl-notice="budget"]').textContent();
  const limit = (text: string | null) => {
    const [, states, seconds] = text!.match(/up to ([\d,]+) states and ([\d,.]+) s/)!;
    return [Number(states.replace(/,/g, '')), Number(seconds.replace(/,/g, ''))];
  };
  await further.click();
  await expect(status(abba)).toHaveText(/^Running/);
  await expect(status(abba)).toHaveText(/^Budget/, { timeout: 40_000 });
  // the next offer is larger still (or says the ceiling is reached)
  const second = await abba.locator('[data-fl-notice="budget"]').textContent();
  if (/largest budget/.test(second!)) return;
  const [s1, t1] = limit(first);
  const [s2, t2] = limit(second);
  expect(s2).toBeGreaterThanOrEqual(s1);
  expect(t2).toBeGreaterThanOrEqual(t1);
  expect(s2 + t2).toBeGreaterThan(s1 + t1);
});

test.describe('an exercise', () => {
  // a tall window renders every line of the attempt, so the text read back is all of it
  test.use({ viewport: { width: 1280, height: 2400 } });

  test('Reset keeps the attempt: Undo brings it back, and Versions has it after a reload', async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto('/exercises/prefault-source/');
    const ex = page.locator('section[data-exercise="prefault-source"]');
    await ex.scrollIntoViewIfNeeded();
    await expect(ex.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
    await ex.getByRole('textbox', { name: /^Your / }).click();
    await expect(ex.locator('.cm-content')).toBeFocused();
    const starter = await editorText(ex);
    const mine = `/* my attempt */\n${starter}`;
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(mine);
    await expect.poll(() => editorText(ex)).toBe(mine);
    await ex.getByRole('button', { name: 'Check', exact: true }).click();
    await ex.getByRole('button', { name: 'Reset', exact: true }).click();
    await ex.getByRole('button', { name: 'Yes, reset' }).click();
    await expect.poll(() => editorText(ex)).toBe(starter);
    await ex.getByRole('button', { name: 'Undo Reset' }).click();
    await expect.poll(() => editorText(ex)).toBe(mine);

    await ex.getByRole('button', { name: 'Reset', exact: true }).click();
    await ex.getByRole('button', { name: 'Yes, reset' }).click();
    await page.reload();
    const again = page.locator('section[data-exercise="prefault-source"]');
    await again.scrollIntoViewIfNeeded();
    await again.getByRole('button', { name: 'Versions' }).click();
    const newest = again.getByRole('group', { name: /^Versions of your attempt/ }).locator('li').first();
    await newest.getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => editorText(again)).toBe(mine);
    expect(errors).toEqual([]);
  });
});

test('export on /exercises/ carries cell versions; import in another browser brings them back', async ({ page, browser }) => {
  const { mine } = await editAndRun(page);
  await page.goto('/exercises/');
  const exportButton = page.getByRole('button', { name: 'Export progress' });
  await expect(exportButton).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const file = await download.path();
  const data = JSON.parse(readFileSync(file, 'utf8'));
  expect(data.cells[cellKey].versions.map((v: { code: string }) => v.code)).toContain(mine);

  const other = await browser.newContext();
  try {
    const p = await other.newPage();
    await p.goto('/exercises/');
    const input = p.locator('input[data-action="import"]');
    await expect(input).toBeEnabled();
    await input.setInputFiles(file);
    await expect(p.getByText(/versions of 1 cell and/)).toBeVisible();
    await p.goto(fixture);
    const c = cell(p, abbaTitle);
    await c.getByRole('button', { name: 'Versions' }).click();
    await versionsPanel(c).locator('li').first().getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => editorText(c)).toBe(mine);
  } finally {
    await other.close();
  }
});
