import { describe, expect, it } from 'vitest';
import { renderFinals } from './finals.js';
import { parse, texts } from './parse-html.js';

describe('renderFinals', () => {
  it('lists each reachable outcome of the observed variables with its count', () => {
    const root = parse(renderFinals([{ values: { r0: 0, r1: 0 }, count: 16 }, { values: { r0: 1, r1: 1 }, count: 4 }]));
    expect(root.querySelector('caption')!.textContent).toBe('Reachable final values: 2 outcomes');
    expect(texts(root, 'thead th')).toEqual(['r0', 'r1', 'end states']);
    expect(Array.from(root.querySelectorAll('tbody tr')).map((r) => texts(r, 'th, td'))).toEqual([
      ['0', '0', '16'],
      ['1', '1', '4'],
    ]);
  });

  it('renders nothing without finals, and escapes variable names', () => {
    expect(renderFinals(undefined)).toBe('');
    expect(renderFinals([])).toBe('');
    expect(renderFinals([{ values: { '<i>x</i>': 1 }, count: 1 }])).not.toContain('<i>');
  });
});
