// The reading path: from the front page through the primer and the four chapters in order, each
// page saying at its top what came before and at its bottom what it taught and what comes next,
// followed by the reader's own clicks on those links.
import { expect, test, type Page } from '@playwright/test';

const path = [
  { url: '/chapters/primer/', title: 'Primer: pages, locks and interleavings' },
  { url: '/chapters/2006-fault-vs-invalidate/', title: '2006: a page fault against invalidation' },
  { url: '/chapters/2007-pagecache-write-deadlocks/', title: '2007: the write path deadlocks' },
  { url: '/chapters/2014-memfd-sealing/', title: '2014: a seal that I/O could break' },
  { url: '/chapters/2019-gup-pinning/', title: '2019: who is still writing to this page?' },
];

/** The paragraphs of the page's own content (not the sidebar or the pagination footer). */
const content = (page: Page) => page.locator('main .sl-markdown-content');

test('a reader goes from the front page through all five chapters by the links each page gives', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('link', { name: 'Start with the primer' }).click();

  for (const [i, step] of path.entries()) {
    await expect(page).toHaveURL(new RegExp(`${step.url}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.title);
    const body = content(page);
    // the top: what came before, linked
    const first = body.locator('p', { hasText: 'Before this:' }).first();
    await expect(first).toBeVisible();
    const before = i === 0 ? '/' : path[i - 1].url;
    await expect(first.locator(`a[href="${before}"]`)).toHaveCount(1);
    // the bottom: the rule it taught, in one sentence, and the way on
    await expect(body.locator('strong', { hasText: /^The rule this (chapter|page) taught:$/ })).toHaveCount(1);
    const last = body.locator('p', { hasText: 'Next:' }).last();
    await expect(last.locator(`a[href="${before}"]`)).toHaveCount(1);
    if (i + 1 < path.length) {
      const next = last.locator(`a[href="${path[i + 1].url}"]`);
      await expect(next).toHaveCount(1);
      await next.click();
    } else {
      await expect(last.locator('a[href="/exercises/"]')).toHaveCount(1);
    }
  }
});
