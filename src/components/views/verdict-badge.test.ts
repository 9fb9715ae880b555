import { describe, expect, it } from 'vitest';
import { abbaResult, errorResult, weakResult } from './fixtures.js';
import { parse, texts } from './parse-html.js';
import { renderVerdictBadge } from './verdict-badge.js';

describe('renderVerdictBadge', () => {
  it('shows the verdict word, the rest of the headline, and the outcome as data', () => {
    const root = parse(renderVerdictBadge(abbaResult));
    const badge = root.querySelector('.fl-verdict')!;
    expect(badge.getAttribute('data-outcome')).toBe('deadlock');
    expect(badge.querySelector('.fl-verdict-word')!.textContent).toBe('Deadlock');
    expect(badge.querySelector('.fl-verdict-headline')!.textContent).toBe('A and B wait for each other’s page lock');
  });

  it('gives the search figures, exhaustive or bounded at which budget', () => {
    const exhaustive = parse(renderVerdictBadge(abbaResult));
    expect(texts(exhaustive, '.fl-stats dt')).toEqual(['states', 'transitions', 'time', 'search']);
    expect(texts(exhaustive, '.fl-stats dd')).toEqual(['1,234', '5,678', '12 ms', 'exhaustive: every reachable state visited']);
    const bounded = parse(renderVerdictBadge(weakResult));
    expect(texts(bounded, '.fl-stats dd')[3]).toBe('bounded: stopped at the state budget (40 states)');
    const slow = { ...weakResult, stats: { ...weakResult.stats, millis: 2000, stoppedBy: 'time' as const } };
    expect(texts(parse(renderVerdictBadge(slow)), '.fl-stats dd')[3]).toBe('bounded: stopped at the time budget (2.00 s)');
  });

  it('names every cost in words', () => {
    const root = parse(renderVerdictBadge({ ...abbaResult, costs: { ...abbaResult.costs!, pinned: 3 } }));
    expect(texts(root, '.fl-costs dt')).toEqual([
      'mmap_sem acquisitions', 'page-table walks', 'page locks', 'allocations', 'bytes copied', 'faults', 'pinned',
    ]);
  });

  it('lists diagnostics, escaped, and omits costs when the code did not compile', () => {
    const html = renderVerdictBadge(errorResult);
    expect(html).not.toContain('<lock_page>');
    const root = parse(html);
    expect(texts(root, '.fl-diags li')).toEqual(["strategy 3:14: unknown function 'lock_pgae' (did you mean <lock_page>?)"]);
    expect(root.querySelector('.fl-costs')).toBeNull();
  });

  it('leaves the one role=status to the cell', () => {
    expect(parse(renderVerdictBadge(abbaResult)).querySelector('[role=status], output')).toBeNull();
  });
});
