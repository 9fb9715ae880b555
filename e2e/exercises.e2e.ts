// Exercises end to end: a reader opens one, checks the starter (it fails, with the trace of the
// failing scenario), takes a hint, writes a passing solution, sees it completed on /exercises/,
// reloads, and views the solution without losing the attempt. And the CLI grades the same code
// the same way the browser did.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import yaml from 'js-yaml';
import { assemble, wrongPath } from '../src/engine/grade/assemble';
import { validateExercise, type Exercise } from '../src/engine/grade/exercise';
import { editorText, watchConsole } from './helpers';
import { check, exerciseSection, replaceAttempt, statusOf } from './exercise-steps';

// The exercise the journey uses: a strategy exercise with hints, wrong answers and a trace on failure.
const ID = 'prefault-source';
const contentDir = join(process.cwd(), 'src/content');
const read = (path: string) => readFileSync(join(contentDir, path), 'utf8');

/** The exercise as the grader sees it (the same pure loader steps as the CLI's). */
function load(): Exercise {
  const v = validateExercise(yaml.load(read(`exercises/${ID}.yaml`)), ID);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return assemble(v.value, (p) => read(p)).exercise;
}
const EX = load();

// Exercise code runs to 70 lines; a tall window lets CodeMirror render all of it, so the text read
// back from the editor's lines is the whole attempt.
test.use({ viewport: { width: 1280, height: 2400 } });

function exercise(page: Page): Locator {
  return exerciseSection(page, ID);
}

/** What the page reports, run by run: id → outcome and pass. */
async function browserRuns(ex: Locator): Promise<Record<string, string>> {
  return ex.locator('[data-run]').evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [li.getAttribute('data-run'), `${li.getAttribute('data-outcome')}/${li.getAttribute('data-passed')}`])),
  );
}

/** What the CLI reports for the same code. */
function cliRuns(code: string): { exit: number; runs: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'fl-ex-'));
  const file = join(dir, 'attempt.c');
  writeFileSync(file, code);
  let stdout: string;
  let exit = 0;
  try {
    const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
    stdout = execFileSync(tsx, ['src/engine/cli/main.ts', 'exercise', ID, '--solution', file, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { status: number; stdout: string };
    exit = err.status;
    stdout = err.stdout;
  }
  const report = JSON.parse(stdout) as { runs: { id: string; outcome: string; passed: boolean }[] };
  return { exit, runs: Object.fromEntries(report.runs.map((r) => [r.id, `${r.outcome}/${r.passed}`])) };
}

test('a reader fails, takes a hint, passes, and keeps the mark and the attempt', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(`/exercises/${ID}/`);
  const ex = exercise(page);
  await expect(ex).toHaveAccessibleName(`Exercise: ${EX.title}`);

  // place a bet, then the starter fails, and the failing scenario's trace is on the page
  await ex.getByRole('radio', { name: 'Deadlock' }).check();
  await check(ex);
  await expect(ex.getByText(/^You bet Deadlock; the engine says Deadlock/)).toBeVisible();
  await expect(statusOf(ex)).toHaveText(/^Failed/);
  const failed = ex.locator('[data-run][data-passed="false"]').first();
  await expect(failed).toBeVisible();
  await expect(failed.locator('[data-fl-lanes]')).toBeVisible();

  // hints come one at a time
  const hints = ex.getByRole('list', { name: 'Hints' }).locator('li');
  await expect(hints.first()).toBeHidden();
  await ex.getByRole('button', { name: 'Show a hint' }).click();
  await expect(hints.nth(0)).toBeVisible();
  if ((await hints.count()) > 1) await expect(hints.nth(1)).toBeHidden();

  // a passing solution, written in the editor
  const attempt = EX.solution.replace(/\n$/, '') + '\n/* my own words */';
  await replaceAttempt(page, ex, attempt);
  await check(ex);
  await expect(statusOf(ex)).toHaveText(/^Passed/);
  await expect(ex.locator('[data-run][data-passed="false"]')).toHaveCount(0);
  await expect(ex.getByText('Completed', { exact: true })).toBeVisible();

  // completed on the index, and still after a reload
  await page.goto('/exercises/');
  const item = page.locator(`[data-exercise-item="${ID}"]`);
  await expect(item.locator('[data-fl-ex-mark]')).toHaveText('Completed');
  await page.reload();
  await expect(item.locator('[data-fl-ex-mark]')).toHaveText('Completed');

  // back on the exercise: the attempt is restored; the solution opens beside it and changes nothing
  await page.goto(`/exercises/${ID}/`);
  await expect.poll(() => editorText(ex)).toBe(attempt);
  await ex.getByRole('button', { name: 'Show solution' }).click();
  const solution = ex.getByRole('region', { name: /^Solution of / });
  await expect(solution).toBeVisible();
  await expect(solution).toContainText('fault_in_pages_readable(buf, bytes)');
  expect(await editorText(ex)).toBe(attempt);
  await ex.getByRole('button', { name: 'Hide solution' }).click();
  await expect(solution).toBeHidden();

  // Reset asks first; Cancel keeps the attempt, Yes restores the starter and keeps the mark
  await ex.getByRole('button', { name: 'Reset' }).click();
  await ex.getByRole('button', { name: 'Cancel' }).click();
  expect(await editorText(ex)).toBe(attempt);
  await ex.getByRole('button', { name: 'Reset' }).click();
  await ex.getByRole('button', { name: 'Yes, reset' }).click();
  await expect.poll(() => editorText(ex)).toBe(EX.starter);
  await expect(ex.getByText('Completed', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the CLI grades the same code the same way as the browser', async ({ page }) => {
  await page.goto(`/exercises/${ID}/`);
  const ex = exercise(page);
  const attempts: [string, string][] = [
    ['starter', EX.starter],
    ...EX.wrong.map((w): [string, string] => [w.file, read(wrongPath(EX, w.file))]),
    ['solution', EX.solution],
  ];
  for (const [file, code] of attempts) {
    await replaceAttempt(page, ex, code);
    await check(ex);
    const browser = await browserRuns(ex);
    const cli = cliRuns(code);
    expect(cli.runs, file).toEqual(browser);
    const passed = /^Passed/.test((await statusOf(ex).textContent()) ?? '');
    expect(cli.exit, file).toBe(passed ? 0 : 1);
  }
});

test('progress survives a corrupt record and travels as a file', async ({ page }) => {
  await page.goto('/exercises/');
  await page.evaluate((id) => {
    localStorage.setItem(`faultlines:exercise:${id}`, JSON.stringify({ v: 1, status: 'completed', hints: 0 }));
    localStorage.setItem('faultlines:exercise:some-broken-record', '{oops');
  }, ID);
  await page.reload();
  await expect(page.locator(`[data-exercise-item="${ID}"] [data-fl-ex-mark]`)).toHaveText('Completed');
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('some-broken-record');

  // export, then import into a fresh browser context
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  const other = await page.context().browser()!.newContext();
  const fresh = await other.newPage();
  await fresh.goto('/exercises/');
  await expect(fresh.locator(`[data-exercise-item="${ID}"] [data-fl-ex-mark]`)).toBeHidden();
  await fresh.getByLabel('Import progress').setInputFiles(file);
  await expect(fresh.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await expect(fresh.locator(`[data-exercise-item="${ID}"] [data-fl-ex-mark]`)).toHaveText('Completed');
  await other.close();
});

test('an exercise (with a failing trace, a hint and the solution open) and the index pass axe-core', async ({ page }) => {
  await page.goto(`/exercises/${ID}/`);
  const ex = exercise(page);
  await check(ex);
  await ex.getByRole('button', { name: 'Show a hint' }).click();
  await ex.getByRole('button', { name: 'Show solution' }).click();
  const serious = async (where: string, selector: string) => {
    const results = await new AxeBuilder({ page }).include(selector).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  };
  expect(await serious('exercise', '.fl-exercise')).toEqual([]);
  await page.goto('/exercises/');
  expect(await serious('index', '.fl-ex-index')).toEqual([]);
});

test('Reset can be confirmed with the keyboard alone', async ({ page }) => {
  await page.goto(`/exercises/${ID}/`);
  const ex = exercise(page);
  await replaceAttempt(page, ex, EX.starter + '/* scratch */\n');
  await ex.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('Enter');
  await expect(ex.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(ex.getByRole('button', { name: 'Yes, reset' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(ex)).toBe(EX.starter);
});

test('every exercise sits in its chapter as a card that opens it live there, sharing progress with its own page', async ({ page }) => {
  for (const [chapter, ids] of [
    ['2007-pagecache-write-deadlocks', ['prefault-source', 'break-zero-tail', 'idea-42-safe', 'same-page-one-copy']],
    ['2019-gup-pinning', ['writeback-sees-pin', 'gup-fast-no-sleep', 'pinned-reliable', 'barrier-weak', 'break-barrier-scheme']],
    ['2006-fault-vs-invalidate', ['fault-lock-page', 'fault-lock-in-do-no-page', 'break-truncate-count', 'fault-without-page-lock']],
    ['2014-memfd-sealing', ['seal-refuse-pinned', 'seal-gup-fast-count', 'break-seal-scan-order', 'seal-while-io-starts']],
  ] as const) {
    await page.goto(`/chapters/${chapter}/`);
    for (const id of ids) {
      const card = page.locator(`section[data-exercise="${id}"]`);
      await expect(card, `${id} in ${chapter}`).toHaveCount(1);
      await expect(card.getByRole('link', { name: 'Open it on its own page' })).toHaveAttribute('href', `/exercises/${id}/`);
      await expect(card.getByRole('button', { name: 'Try it here' })).toBeEnabled();
    }
  }
  // "Try it here" brings the whole exercise into the chapter, focused on the reader's attempt
  await page.goto('/chapters/2007-pagecache-write-deadlocks/');
  const ex = exercise(page);
  await ex.getByRole('button', { name: 'Try it here' }).click();
  await expect(ex.getByRole('textbox', { name: /^Your / })).toBeFocused();
  await expect(ex.getByRole('link', { name: EX.title })).toHaveAttribute('href', `/exercises/${ID}/`);
  // completing it in the chapter marks it on the index, and on the card when the chapter is read again
  await replaceAttempt(page, ex, EX.solution);
  await check(ex);
  await expect(statusOf(ex)).toHaveText(/^Passed/);
  await page.goto('/exercises/');
  await expect(page.locator(`[data-exercise-item="${ID}"] [data-fl-ex-mark]`)).toHaveText('Completed');
  await page.goto('/chapters/2007-pagecache-write-deadlocks/');
  await expect(exercise(page).locator('[data-fl-ex-done]')).toBeVisible();
});

test('a card that cannot fetch its exercise says so, offers Retry, and opens once the page answers', async ({ page }) => {
  await page.goto('/chapters/2007-pagecache-write-deadlocks/');
  await page.route(`**/exercises/${ID}/`, (route) => route.abort());
  const ex = exercise(page);
  await ex.getByRole('button', { name: 'Try it here' }).click();
  await expect(ex.getByText(/The exercise could not be loaded/)).toBeVisible();
  await expect(ex.getByRole('link', { name: 'Open it on its own page' })).toBeVisible();
  await page.unroute(`**/exercises/${ID}/`);
  await ex.getByRole('button', { name: 'Retry loading the exercise' }).click();
  await expect(ex.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
});
