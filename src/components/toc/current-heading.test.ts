import { describe, expect, it } from 'vitest';
import { currentHeading } from './current-heading';

describe('currentHeading', () => {
  it('is the first heading while none has reached the line', () => {
    expect(currentHeading([200, 900, 1600], 100)).toBe(0);
  });
  it('is the last heading at or above the line', () => {
    expect(currentHeading([-900, -100, 100, 800], 100)).toBe(2);
    expect(currentHeading([-900, -100, 101, 800], 100)).toBe(1);
  });
  it('is the last heading once all have passed', () => {
    expect(currentHeading([-3000, -2000, -10], 100)).toBe(2);
  });
  it('agrees with a linear scan on pseudo-random sorted tops', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 1; n < 40; n++) {
      const tops = Array.from({ length: n }, () => Math.round(next() * 4000 - 2000)).sort((a, b) => a - b);
      const line = Math.round(next() * 400 - 200);
      let linear = 0;
      tops.forEach((t, i) => {
        if (t <= line) linear = i;
      });
      expect(currentHeading(tops, line)).toBe(linear);
    }
  });
});
