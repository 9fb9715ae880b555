// The 2019 chapter: Jérôme Glisse's barrier scheme as written fails under weak memory;
// a reader who gives the pin side a full barrier sees it pass, and the original passes under sc.
import { expect, test } from '@playwright/test';
import { cell, originalCode, replaceCode, run, showVerdict, status, watchConsole } from './helpers';

const chapter = '/chapters/2019-gup-pinning/';
const weakTitle = 'The barrier scheme as written, weak memory';

test('the barrier scheme: smp_wmb() fails under weak, smp_mb() passes, and the original passes under sc', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(chapter);
  const region = cell(page, weakTitle);
  await expect(region).toHaveAttribute('data-cell', 'barrier-scheme-weak');
  // the static page: the engine's verdict for the original code, under weak memory
  await expect(region).toHaveAttribute('data-verdict', 'corruption');
  await showVerdict(region);
  await expect(status(region)).toHaveText(/^Corruption/);

  // the fix: the pin side's barrier becomes a full one
  const original = await originalCode(region);
  expect(original).toContain('\tsmp_wmb();');
  await replaceCode(page, region, original.replace('\tsmp_wmb();', '\tsmp_mb();'));
  await run(region);
  await expect(status(region)).toHaveText(/^OK/);

  // back to the thread's code, now under sequential consistency
  await region.getByRole('button', { name: 'Reset' }).click();
  await expect(region.getByText('edited', { exact: true })).toBeHidden();
  await region.getByRole('combobox', { name: 'Memory model' }).selectOption('sc');
  await expect(status(region)).toHaveText(/^OK/);
  expect(errors).toEqual([]);
});

test('every cell of the chapter shows the verdict its code gets from the engine', async ({ page }) => {
  await page.goto(chapter);
  const expected: Record<string, string> = {
    'gup-writeback-2018': 'bug', 'page-lock-pin': 'ok', 'page-lock-gup-fast': 'bug', 'post-pass': 'bug', 'post-pass-recheck': 'ok', 'trylock-fallback': 'ok',
    'bias-snapshot-race': 'corruption', 'lock-stable-page': 'ok', 'barrier-scheme-sc': 'ok',
    'barrier-scheme-weak': 'corruption', 'barrier-scheme-full': 'ok',
  };
  for (const [id, verdict] of Object.entries(expected)) {
    await expect(page.locator(`[data-cell="${id}"]`)).toHaveAttribute('data-verdict', verdict);
  }
});
