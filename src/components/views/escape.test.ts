import { describe, expect, it } from 'vitest';
import { esc, formatInt, formatMillis, listWords } from './escape.js';

describe('esc', () => {
  it('escapes the five characters that can break out of text or an attribute', () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('renders null and undefined as empty text', () => {
    expect(esc(undefined)).toBe('');
    expect(esc(null)).toBe('');
    expect(esc(0)).toBe('0');
  });
});

describe('formatInt, formatMillis, listWords', () => {
  it('groups thousands without the locale', () => {
    expect(formatInt(1234567)).toBe('1,234,567');
    expect(formatInt(999)).toBe('999');
  });
  it('says milliseconds below a second and seconds above', () => {
    expect(formatMillis(0.3)).toBe('< 1 ms');
    expect(formatMillis(12.4)).toBe('12 ms');
    expect(formatMillis(1530)).toBe('1.53 s');
  });
  it('joins words as prose', () => {
    expect(listWords([])).toBe('none');
    expect(listWords(['A'])).toBe('A');
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
