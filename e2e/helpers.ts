// Shared steps for the end-to-end tests: find cells by role and name, edit their code the way a
// reader does (click the code, select all, type), and collect console errors.
import { expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const chapter2007 = '/chapters/2007-pagecache-write-deadlocks/';
/** "How the cells work": the page with one cell, a table and figures, the tests' stable fixture
 *  (chapters change as they are written; this page does not). Its cell is the ABBA of the 2007 chapter. */
export const fixture = '/cells/';
export const abbaTitle = 'Opposite lock order';

export function cell(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

export function status(cellRegion: Locator): Locator {
  return cellRegion.getByRole('status').first();
}

export function codeBox(cellRegion: Locator): Locator {
  return cellRegion.getByRole('textbox', { name: /^Code of / });
}

/** Open the editor (click on the code) and replace the whole text. */
export async function replaceCode(page: Page, cellRegion: Locator, code: string): Promise<void> {
  await codeBox(cellRegion).click();
  const editor = cellRegion.locator('.cm-content');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await expect.poll(() => editorText(cellRegion)).toBe(code);
}

/** The editor's text (cells are short, so every line is rendered). */
export async function editorText(cellRegion: Locator): Promise<string> {
  return cellRegion.locator('.cm-content').evaluate((el) =>
    Array.from(el.querySelectorAll('.cm-line')).map((l) => l.textContent ?? '').join('\n'),
  );
}

export async function run(cellRegion: Locator): Promise<void> {
  await cellRegion.getByRole('button', { name: 'Run', exact: true }).click();
}

/** A cell's data as the build embedded it, with its original code (which the highlighted block carries). */
export async function cellData(cellRegion: Locator): Promise<Record<string, any> & { code: string }> {
  const json = JSON.parse((await cellRegion.locator('script[data-fl-cell-data]').textContent()) ?? '{}');
  if (typeof json.code === 'string') return json;
  const text = await cellRegion.locator('[data-fl-code] pre').textContent();
  return { ...json, code: (text ?? '') + (json.newline ? '\n' : '') };
}

/** The original code of a cell, as the build embedded it. */
export async function originalCode(cellRegion: Locator): Promise<string> {
  return (await cellData(cellRegion)).code;
}

/** A chapter cell asks for a prediction first: skip it ("Just show me") to see the verdict. */
export async function showVerdict(cellRegion: Locator): Promise<void> {
  if ((await cellRegion.getAttribute('data-prediction')) !== 'open') return;
  await cellRegion.getByRole('button', { name: 'Just show me' }).click();
  await expect(cellRegion).toHaveAttribute('data-prediction', 'skipped');
}

/** Every page of the built site (dist/**\/index.html) as a URL path. */
export function builtPages(): string[] {
  const dist = join(process.cwd(), 'dist');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name === 'index.html') {
        out.push('/' + relative(dist, dir).split('\\').join('/') + (dir === dist ? '' : '/'));
      }
    }
  };
  walk(dist);
  return out.map((p) => p.replace(/^\/\/$/, '/')).sort();
}

export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}
