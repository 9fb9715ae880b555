// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CellData } from './data';
import { fitSnapshot } from './keeper';
import { dismiss, notify } from './notices';

const data: CellData = {
  id: 'abba', chapter: 'c', title: 'T', scenario: 's', expect: 'deadlock', code: 'ORIGINAL',
  model: 'sc', models: ['sc', 'tso'], params: { tasks: 2, reclaim: false },
  paramDefs: [
    { name: 'tasks', kind: 'number', default: 2, min: 1, max: 4, label: 'Tasks' },
    { name: 'reclaim', kind: 'boolean', default: false, label: 'Reclaim' },
  ],
};

describe('fitSnapshot', () => {
  it('keeps values the cell offers', () => {
    expect(fitSnapshot({ code: 'x', model: 'tso', params: { tasks: 3, reclaim: true } }, data)).toEqual({
      snapshot: { code: 'x', model: 'tso', params: { tasks: 3, reclaim: true } },
      replaced: [],
    });
  });

  it('falls back to the default for a model or parameter the cell does not offer, keeping the code', () => {
    const { snapshot, replaced } = fitSnapshot({ code: 'x', model: 'quantum' as never, params: { tasks: 99, reclaim: 'yes' as never, ghost: 1 } }, data);
    expect(snapshot).toEqual({ code: 'x', model: 'sc', params: { tasks: 2, reclaim: false } });
    expect(replaced).toHaveLength(4);
    expect(replaced[0]).toContain('"quantum"');
  });
});

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
