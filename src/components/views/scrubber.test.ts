import { describe, expect, it } from 'vitest';
import { abbaTrace, corruptionTrace } from './fixtures.js';
import { parse } from './parse-html.js';
import { renderScrubber, stepSummary } from './scrubber.js';

describe('renderScrubber', () => {
  it('has a labelled slider over steps 0..n, Previous/Next buttons and a polite live region', () => {
    const root = parse(renderScrubber(abbaTrace));
    const range = root.querySelector('input[type=range]')!;
    expect(range.closest('label')!.textContent!.trim()).toBe('Step');
    expect([range.getAttribute('min'), range.getAttribute('max'), range.getAttribute('value')]).toEqual(['0', '4', '4']);
    expect(range.getAttribute('aria-valuetext')).toBe('step 4 of 4');
    expect(Array.from(root.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['Previous step', 'Next step']);
    expect(root.querySelector('[data-fl-next]')!.getAttribute('aria-disabled')).toBe('true');
    expect(root.querySelector('[data-fl-prev]')!.hasAttribute('aria-disabled')).toBe(false);
    const status = root.querySelector('[data-fl-step-status]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.getAttribute('role')).toBeNull();
  });

  it('renders its controls disabled until the client attaches them', () => {
    const root = parse(renderScrubber(abbaTrace));
    expect(Array.from(root.querySelectorAll('button, input')).map((c) => c.hasAttribute('disabled'))).toEqual([true, true, true]);
  });

  it('shows the world after the chosen step, and the step’s call stack', () => {
    const root = parse(renderScrubber(abbaTrace, 1));
    expect(root.querySelector('[data-fl-step-status]')!.textContent).toBe('Step 1 of 4: A lock_page(page 0)');
    expect(root.querySelector('[data-fl-stack]')!.textContent).toBe('Call stack, innermost first: lock_both:5 ← task_a:2');
    expect(root.querySelector('[data-fl-world] .fl-wd-page.fl-changed .fl-wd-title')!.textContent).toBe('page 0 changed');
  });

  it('clamps the step and starts from the initial world at 0', () => {
    expect(parse(renderScrubber(abbaTrace, 99)).querySelector('input')!.getAttribute('value')).toBe('4');
    const root = parse(renderScrubber(abbaTrace, -3));
    expect(root.querySelector('input')!.getAttribute('value')).toBe('0');
    expect(root.querySelector('[data-fl-prev]')!.getAttribute('aria-disabled')).toBe('true');
    expect(root.querySelector('[data-fl-step-status]')!.textContent).toBe('Step 0 of 4: the initial world, before any step');
    expect(root.querySelector('.fl-changed')).toBeNull();
  });
});

describe('stepSummary', () => {
  it('says who did what, and whether it switched, blocked or left a note', () => {
    expect(stepSummary(abbaTrace, 4)).toBe('Step 4 of 4: B lock_page(page 0), context switch, blocked (waits "forever" & more)');
    expect(stepSummary(corruptionTrace, 3)).toBe('Step 3 of 3: R copy_to_user(page 0, 4 bytes), context switch (R sees bytes nobody wrote)');
  });
});
