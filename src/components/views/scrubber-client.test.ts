// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { abbaResult, abbaTrace, corruptionResult, errorResult } from './fixtures.js';
import { attachResultViews, renderResultViews } from './result-views.js';
import { attachScrubber } from './scrubber-client.js';

function mount(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

const $ = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => root.querySelector(sel) as T;
const status = (root: HTMLElement) => $(root, '[data-fl-step-status]').textContent;
const currentRows = (root: HTMLElement) => Array.from(root.querySelectorAll('[data-fl-lanes] [aria-current=step]')).map((r) => r.getAttribute('data-step'));
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('attachScrubber', () => {
  it('walks the trace with Previous and Next, moving the current line of the trace', () => {
    const root = mount(renderResultViews(abbaResult));
    expect(root.querySelector('[data-fl-scrubber] [disabled]')).not.toBeNull();
    const h = attachScrubber(root, abbaTrace);
    expect(root.querySelector('[data-fl-scrubber] [disabled]')).toBeNull();
    expect(h.step).toBe(4);
    expect(currentRows(root)).toEqual(['4']);
    $<HTMLButtonElement>(root, '[data-fl-prev]').click();
    expect(h.step).toBe(3);
    expect(status(root)).toBe('Step 3 of 4: A lock_page(page 1), context switch, blocked');
    expect(currentRows(root)).toEqual(['3']);
    expect($<HTMLInputElement>(root, '[data-fl-range]').value).toBe('3');
    expect($(root, '[data-fl-next]').getAttribute('aria-disabled')).toBe('false');
    $<HTMLButtonElement>(root, '[data-fl-next]').click();
    $<HTMLButtonElement>(root, '[data-fl-next]').click(); // at the end: stays
    expect(h.step).toBe(4);
    expect($(root, '[data-fl-next]').getAttribute('aria-disabled')).toBe('true');
  });

  it('answers arrow keys, Home and End from the buttons, and the slider’s own input', () => {
    const root = mount(renderResultViews(abbaResult));
    const h = attachScrubber(root, abbaTrace);
    const prev = $(root, '[data-fl-prev]');
    key(prev, 'Home');
    expect(h.step).toBe(0);
    expect(status(root)).toBe('Step 0 of 4: the initial world, before any step');
    expect(currentRows(root)).toEqual([]);
    key(prev, 'ArrowRight');
    key(prev, 'ArrowDown');
    expect(h.step).toBe(2);
    key(prev, 'ArrowLeft');
    expect(h.step).toBe(1);
    key(prev, 'End');
    expect(h.step).toBe(4);
    const range = $<HTMLInputElement>(root, '[data-fl-range]');
    range.value = '2';
    range.dispatchEvent(new Event('input', { bubbles: true }));
    expect(h.step).toBe(2);
    expect(range.getAttribute('aria-valuetext')).toBe('step 2 of 4');
    expect($(root, '[data-fl-world] .fl-wd-page.fl-changed .fl-wd-title').textContent).toBe('page 1 changed');
  });

  it('lets the slider handle its own keys, so a key moves one step, not two', () => {
    const root = mount(renderResultViews(abbaResult));
    const h = attachScrubber(root, abbaTrace);
    key($(root, '[data-fl-range]'), 'ArrowLeft');
    expect(h.step).toBe(4);
  });

  it('selects a step when its line is clicked, and stops listening after destroy', () => {
    const root = mount(renderResultViews(abbaResult));
    const h = attachScrubber(root, abbaTrace);
    $<HTMLElement>(root, '[data-fl-lanes] [data-step="2"]').click();
    expect(h.step).toBe(2);
    h.destroy();
    $<HTMLButtonElement>(root, '[data-fl-next]').click();
    expect(h.step).toBe(2);
    expect($<HTMLInputElement>(root, '[data-fl-range]').disabled).toBe(true);
  });
});

describe('the tables, on demand', () => {
  it('draws the trace and the world as tables when opened, following the step, rows clickable', () => {
    const root = mount(renderResultViews(abbaResult));
    const h = attachScrubber(root, abbaTrace, abbaResult.cycle);
    const details = $<HTMLDetailsElement>(root, '[data-fl-as-tables]');
    expect(details.querySelector('table')).toBeNull();
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    expect(details.querySelectorAll('[data-fl-swimlane] tbody tr').length).toBe(4);
    expect(details.querySelector('[data-fl-swimlane] td.fl-cycle')).not.toBeNull();
    expect(details.querySelector('.fl-world-table')).not.toBeNull();
    $<HTMLButtonElement>(root, '[data-fl-prev]').click();
    expect(Array.from(details.querySelectorAll('tr[aria-current=step]')).map((r) => r.getAttribute('data-step'))).toEqual(['3']);
    $<HTMLElement>(details, 'tr[data-step="1"]').click();
    expect(h.step).toBe(1);
  });
});

describe('attachResultViews', () => {
  it('wires the scrubber of a composed result and tolerates a result without a trace', () => {
    const root = mount(renderResultViews(corruptionResult));
    const views = attachResultViews(root, corruptionResult);
    views.scrubber!.setStep(1);
    expect(status(root)).toBe('Step 1 of 3: W add_to_page_cache(file A, index 0)');
    expect(root.querySelector('[data-fl-world] .fl-w-nobody')).not.toBeNull();
    views.destroy();
    const bare = mount(renderResultViews(errorResult));
    expect(attachResultViews(bare, errorResult).scrubber).toBeNull();
  });
});
