// The pool of large arrays kept between searches: an array comes back only at its own size,
// zeroed when asked, each array given back is handed out once, and small or borrowed arrays are
// not kept.
import { describe, expect, it } from 'vitest';
import { giveWords, growWords, pooledWords, takeWords } from './pool.js';

describe('array pool', () => {
  it('hands a given-back array out again, once, at its own size, zeroed when asked', () => {
    const a = takeWords(1 << 13, false);
    a.fill(7);
    const before = pooledWords();
    giveWords(a);
    expect(pooledWords()).toBe(before + (1 << 13));
    expect(takeWords(1 << 14, false)).not.toBe(a); // another size: a fresh array
    const again = takeWords(1 << 13, true);
    expect(again).toBe(a);
    expect(again.every((x) => x === 0)).toBe(true);
    expect(takeWords(1 << 13, false)).not.toBe(a); // handed out already
  });

  it('keeps neither small arrays nor views into a larger buffer', () => {
    const before = pooledWords();
    giveWords(new Int32Array(16));
    giveWords(new Int32Array(1 << 14).subarray(0, 1 << 13));
    expect(pooledWords()).toBe(before);
  });

  it('grows an array with its contents first and gives the old one back', () => {
    const a = takeWords(1 << 12, false);
    a[5] = 42;
    const b = growWords(a, 1 << 13, false);
    expect(b.length).toBe(1 << 13);
    expect(b[5]).toBe(42);
    expect(takeWords(1 << 12, false)).toBe(a);
  });
});
