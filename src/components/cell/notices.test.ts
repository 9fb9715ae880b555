// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadPart } from './lazy';
import { dismiss, notify } from './notices';

describe('notify', () => {
  it('replaces a notice with the same key instead of stacking, and dismisses', () => {
    const host = document.createElement('div');
    notify(host, 'link', 'first', { tone: 'error' });
    notify(host, 'link', 'second', { tone: 'error' });
    notify(host, 'other', 'third');
    expect([...host.children].map((c) => c.textContent?.replace('×', '').trim())).toEqual(['second', 'third']);
    expect(host.hidden).toBe(false);
    host.querySelector<HTMLButtonElement>('[data-fl-notice="link"] .fl-notice-dismiss')!.click();
    dismiss(host, 'other');
    expect(host.children).toHaveLength(0);
    expect(host.hidden).toBe(true);
  });

  it('runs an action and removes the notice', () => {
    const host = document.createElement('div');
    let undone = 0;
    notify(host, 'reset', 'Reset.', { actions: [{ label: 'Undo', run: () => undone++ }] });
    host.querySelector('button')!.click();
    expect(undone).toBe(1);
    expect(host.children).toHaveLength(0);
  });
});

describe('loadPart', () => {
  it('names the part that failed and retries on request; nothing is thrown', async () => {
    const host = document.createElement('div');
    let attempts = 0;
    const load = () => {
      attempts++;
      return attempts === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve('editor module');
    };
    let retried: Promise<string | null> | null = null;
    const first = await loadPart(host, 'editor', load, () => {
      retried = loadPart(host, 'editor', load, () => undefined);
    });
    expect(first).toBeNull();
    expect(host.querySelector('[data-fl-notice="load:editor"]')!.textContent).toContain('The editor could not be loaded');
    host.querySelector<HTMLButtonElement>('button[aria-label="Retry loading the editor"]')!.click();
    expect(await retried).toBe('editor module');
    expect(host.children).toHaveLength(0);
  });
});
