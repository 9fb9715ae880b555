import { describe, expect, it } from 'vitest';
import { abbaResult, errorResult, weakResult } from './fixtures.js';
import { parse } from './parse-html.js';
import { renderResultViews } from './result-views.js';

describe('renderResultViews', () => {
  it('composes badge, trace picture with scrubber, and the folded wait-for graph for a deadlock, at its last step', () => {
    const root = parse(renderResultViews(abbaResult));
    const views = root.querySelector('[data-fl-views]')!;
    expect(views.classList.contains('not-content')).toBe(true);
    expect(Array.from(views.children).map((c) => c.className.split(' ')[0])).toEqual(['fl-verdict', 'fl-trace']);
    expect(root.querySelector('.fl-trace > details.fl-wfg-more svg.fl-wfg')).not.toBeNull();
    expect(root.querySelector('.fl-verdict details.fl-more summary')!.textContent).toBe('Search: 1,234 states, exhaustive; costs');
    expect(root.querySelector('[data-fl-lanes] [aria-current=step]')!.getAttribute('data-step')).toBe('4');
    expect(root.querySelector('[data-fl-range]')!.getAttribute('value')).toBe('4');
  });

  it('shows the reachable final values when the result has them', () => {
    expect(parse(renderResultViews(weakResult)).querySelector('[data-fl-views] > table.fl-finals caption')!.textContent).toBe(
      'Reachable final values: 2 outcomes',
    );
    expect(parse(renderResultViews(abbaResult)).querySelector('.fl-finals')).toBeNull();
  });

  it('has no wait-for graph without a cycle, and only the badge without a trace', () => {
    expect(parse(renderResultViews(weakResult)).querySelector('svg')).toBeNull();
    const error = parse(renderResultViews(errorResult));
    expect(error.querySelector('.fl-verdict')).not.toBeNull();
    expect(error.querySelector('table, [data-fl-scrubber]')).toBeNull();
  });

  it('never carries a role=status or an id (several cells share a page)', () => {
    const html = renderResultViews(abbaResult);
    expect(html).not.toMatch(/role="status"|\sid=/);
  });
});

describe('renderStaticViews', () => {
  it('carries the trace as text and no verdict line, and attach swaps in the picture', async () => {
    const { renderStaticViews, attachResultViews } = await import('./result-views.js');
    const root = parse(renderStaticViews(abbaResult));
    expect(root.querySelector('.fl-verdict-line')).toBeNull();
    expect(root.querySelector('[data-fl-trace-text] pre')!.textContent).toContain('lock_page(page 1) [blocked]');
    expect(root.querySelector('[data-fl-lanes]')).toBeNull();
    attachResultViews(root as HTMLElement, abbaResult);
    expect(root.querySelector('[data-fl-trace-text]')).toBeNull();
    expect(root.querySelectorAll('[data-fl-lanes] li[data-step]').length).toBe(4);
    expect(root.querySelector('[data-fl-range]')!.hasAttribute('disabled')).toBe(false);
  });
});
