// The 2019 chapter's litmus cells: predict first, then run the barrier scheme under LKMM in the
// litmus Worker (Never, with the propagation cycle drawn), drop the barrier (Sometimes, with a
// witness), readable with JavaScript off, no console errors, axe clean.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { editorText, watchConsole } from './helpers';

const chapter = '/chapters/2019-gup-pinning/';
const fullTitle = 'The barrier scheme with smp_mb__after_atomic() on the pin side';

const litmus = (page: Page, title: string): Locator => page.getByRole('region', { name: title, exact: true });

async function serious(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('predict, run under lkmm: Never with the cycle; drop the barrier: Sometimes with a witness', async ({ page }) => {
  const errors = watchConsole(page);
  const scripts: string[] = [];
  page.on('request', (r) => { if (['script', 'other'].includes(r.resourceType())) scripts.push(r.url()); });
  await page.goto(chapter);
  const cell = litmus(page, fullTitle);
  const run = cell.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  // while the prediction is open the verdicts are hidden
  await expect(cell).toHaveAttribute('data-prediction', 'open');
  await expect(cell.locator('[data-fl-litmus-answers]')).toBeHidden();
  // nothing of the checker or the editor has been fetched yet
  expect(scripts.filter((u) => /litmus\.worker|\/editor\.[\w-]+\.js$/.test(u))).toEqual([]);
  await cell.getByRole('button', { name: 'Sometimes', exact: true }).click();
  await expect(cell).toHaveAttribute('data-prediction', 'made');
  await expect(cell.locator('[data-fl-litmus-answers]')).toBeVisible();
  await expect(cell.locator('[data-fl-prediction-said]')).toHaveText(/You predicted Sometimes; the test as written, under lkmm: Never/);

  await cell.getByLabel('Memory model').selectOption('lkmm');
  await run.click();
  const result = cell.locator('[data-fl-litmus-result]');
  await expect(result.locator('[data-fl-litmus-verdict]')).toHaveAttribute('data-fl-litmus-verdict', 'Never');
  await expect(result).toContainText('Result: Never');
  await expect(result.locator('[data-fl-litmus-cycle="propagation"]')).toBeVisible();
  const svg = result.getByRole('img', { name: /forbids/ });
  await expect(svg).toBeVisible();
  await expect(svg.locator('.fl-lx-edge.fl-lx-cycle')).toHaveCount(4);
  expect(scripts.some((u) => /litmus\.worker/.test(u))).toBe(true);

  // drop the pin side's barrier
  await cell.getByRole('textbox', { name: /^Litmus test / }).click();
  const content = cell.locator('.cm-content');
  await expect(content).toBeFocused();
  const edited = (await editorText(cell)).replace(/\n\s*smp_mb__after_atomic\(\);/, '');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(edited);
  await expect.poll(() => editorText(cell)).toBe(edited);
  await page.keyboard.press('Shift+Enter');
  await expect(result.locator('[data-fl-litmus-verdict]')).toHaveAttribute('data-fl-litmus-verdict', 'Sometimes');
  await expect(result.locator('[data-fl-litmus-witness]')).toBeVisible();
  await expect(result.getByRole('img', { name: /allows/ })).toBeVisible();
  await expect(result.locator('[data-fl-litmus-cycle]')).toHaveCount(0);
  await expect(cell.getByRole('status')).toHaveText(/Result: Sometimes/);

  // an unreadable test: the reader's line first, then the message
  await content.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(edited.replace('smp_mb();', 'smp_mb(;'));
  await page.keyboard.press('Shift+Enter');
  const error = result.locator('[data-fl-litmus-error]');
  await expect(error).toBeVisible();
  await expect(error.locator('pre')).toContainText('smp_mb(;');

  expect(await serious(page, '[data-fl-litmus-cell]')).toEqual([]);
  expect(errors).toEqual([]);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('the verdicts under every model sit in a closed details', async ({ page }) => {
    await page.goto(chapter);
    const cell = litmus(page, fullTitle);
    const details = cell.locator('details[data-fl-litmus-answers]');
    await expect(details).not.toHaveAttribute('open');
    await details.locator('summary').click();
    for (const [model, verdict] of [['sc', 'Never'], ['tso', 'Never'], ['weak', 'Never'], ['lkmm', 'Never']]) {
      await expect(details.locator(`[data-fl-litmus-model="${model}"] [data-fl-litmus-verdict]`)).toHaveAttribute('data-fl-litmus-verdict', verdict);
    }
    await expect(details.getByRole('img', { name: /forbids/ })).toBeVisible();
  });
});
