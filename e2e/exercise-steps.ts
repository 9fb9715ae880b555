// Steps on an exercise, as a reader takes them: find it on a page, wait until it is live, replace
// the attempt in its editor, press Check and wait for the verdict.
import { expect, type Locator, type Page } from '@playwright/test';
import { editorText } from './helpers';

export function exerciseSection(page: Page, id: string): Locator {
  return page.locator(`section[data-exercise="${id}"]`);
}

export function statusOf(ex: Locator): Locator {
  return ex.locator('[data-fl-ex-status]');
}

/**
 * An exercise wakes when it nears the screen; its buttons are enabled once it is live. In a chapter
 * it is a card until the reader presses "Try it here".
 */
export async function live(ex: Locator): Promise<void> {
  await ex.scrollIntoViewIfNeeded();
  const here = ex.getByRole('button', { name: /^(Try it here|Continue your attempt here)$/ });
  if ((await here.count()) > 0) await here.click();
  await expect(ex.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
}

export async function replaceAttempt(page: Page, ex: Locator, code: string): Promise<void> {
  await live(ex);
  const editor = ex.locator('.cm-content');
  if ((await editor.count()) === 0) await ex.getByRole('textbox', { name: /^Your / }).click();
  await editor.click();
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await expect.poll(() => editorText(ex)).toBe(code);
}

export async function check(ex: Locator): Promise<void> {
  await live(ex);
  await ex.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(statusOf(ex)).not.toHaveText(/^Checking/);
  await expect(statusOf(ex)).toHaveText(/^(Passed|Failed|Error)/);
}
