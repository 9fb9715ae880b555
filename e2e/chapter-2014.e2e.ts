// The 2014 chapter, the glossary and the new exercises in a real browser: the chapter loads with no
// console errors and no serious axe violations (cells, diagrams, quotes, terms, exercises), a
// glossary term shows its definition on keyboard focus and hides it on Escape, one exercise of each new
// chapter (2006, 2014) fails with its starter and passes with its solution, and the exercises index
// lists the chapters in reading order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import yaml from 'js-yaml';
import { assemble } from '../src/engine/grade/assemble';
import { validateExercise, type Exercise } from '../src/engine/grade/exercise';
import { check, exerciseSection, replaceAttempt, statusOf } from './exercise-steps';
import { cell, showVerdict, status, watchConsole } from './helpers';

const chapter2014 = '/chapters/2014-memfd-sealing/';
const contentDir = join(process.cwd(), 'src/content');
const read = (path: string) => readFileSync(join(contentDir, path), 'utf8');

function load(id: string): Exercise {
  const v = validateExercise(yaml.load(read(`exercises/${id}.yaml`)), id);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return assemble(v.value, (p) => read(p)).exercise;
}

// exercise code runs to 70 lines; a tall window lets CodeMirror render all of it
test.use({ viewport: { width: 1280, height: 2400 } });

async function serious(page: Page, selector?: string): Promise<string[]> {
  const axe = selector ? new AxeBuilder({ page }).include(selector) : new AxeBuilder({ page });
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')})`);
}

test('the 2014 chapter loads with no console errors, its cells give their verdicts, and axe finds nothing serious', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchConsole(page);
  await page.goto(chapter2014);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2014: a seal that I/O could break');
  await expect(page.getByRole('button', { name: 'Run', exact: true }).first()).toBeEnabled();
  const verdicts: [string, RegExp][] = [
    ['Sealing without looking at page references', /^Corruption/],
    ["David's count, under i_mmap_mutex, pinned from GUP-fast", /^Bug/],
    ['3.17: deny writable mappings, then wait for pins', /^OK/],
    ['The same two steps, scan before deny', /^Corruption/],
  ];
  for (const [name, verdict] of verdicts) {
    // each cell asks for a prediction first; "Just show me" reveals the build's verdict
    await showVerdict(cell(page, name));
    await expect(status(cell(page, name))).toHaveText(verdict);
  }
  for (const name of ['The page cache, page tables and mmap', 'The buffered write path', "A pinned page's life against unmap, sealing, writeback and DMA"]) {
    await expect(page.getByRole('img', { name })).toBeVisible();
  }
  await page.waitForTimeout(300); // let the idle-time worker start
  expect(await serious(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a glossary term shows its definition on keyboard focus, hides it on Escape, and links to the glossary', async ({ page }) => {
  await page.goto(chapter2014);
  const link = page.locator('.fl-term a', { hasText: 'get_user_pages()' }).first();
  const tipId = await link.getAttribute('aria-describedby');
  const tip = page.locator(`[id="${tipId}"]`);
  await expect(tip).toHaveAttribute('role', 'tooltip');
  await expect(tip).toBeHidden();
  await link.focus();
  await expect(tip).toBeVisible();
  await expect(link).toHaveAccessibleDescription(/GUP \(get_user_pages\)/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await link.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/#gup$/);
  await expect(page.locator('dt#gup')).toBeVisible();
  expect(await serious(page, '.fl-glossary')).toEqual([]);
});

for (const id of ['fault-lock-page', 'seal-refuse-pinned']) {
  test(`exercise ${id}: the starter fails, the solution passes`, async ({ page }) => {
    const EX = load(id);
    const errors = watchConsole(page);
    await page.goto(`/exercises/${id}/`);
    const ex = exerciseSection(page, id);
    await expect(ex).toHaveAccessibleName(`Exercise: ${EX.title}`);
    await check(ex);
    await expect(statusOf(ex)).toHaveText(/^Failed/);
    await expect(ex.locator('[data-run][data-passed="false"] [data-fl-lanes]').first()).toBeVisible();
    await replaceAttempt(page, ex, EX.solution.replace(/\n$/, ''));
    await check(ex);
    await expect(statusOf(ex)).toHaveText(/^Passed/);
    await expect(ex.locator('[data-run][data-passed="false"]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test('the exercises index lists every chapter in reading order, four or more exercises each', async ({ page }) => {
  await page.goto('/exercises/');
  const order = ['2006-fault-vs-invalidate', '2007-pagecache-write-deadlocks', '2014-memfd-sealing', '2019-gup-pinning'];
  const ids = await page.locator('section[aria-labelledby^="ex-"] > h2').evaluateAll((hs) => hs.map((h) => h.id.replace(/^ex-/, '')));
  expect(ids.filter((id) => order.includes(id))).toEqual(order);
  for (const chapter of order) {
    const items = page.locator(`section[aria-labelledby="ex-${chapter}"] [data-exercise-item]`);
    expect(await items.count(), chapter).toBeGreaterThanOrEqual(4);
  }
});
