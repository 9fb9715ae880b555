// Reader errors never crash the engine: mangled versions of real cells (characters deleted,
// duplicated, swapped) all come back as a result, with a headline, from check().
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, compileStrategy } from '../index.js';

const cell = readFileSync(new URL('../../content/cells/2007-pagecache-write-deadlocks/original-same-page.c', import.meta.url), 'utf8');
const abba = readFileSync(new URL('../../content/cells/2007-pagecache-write-deadlocks/abba.c', import.meta.url), 'utf8');

function mangle(src: string, seed: number): string {
  let s = seed;
  const rnd = () => { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; return s / 0x7fffffff; };
  const chars = src.split('');
  for (let k = 0; k < 3; k++) {
    const i = Math.floor(rnd() * chars.length);
    const op = rnd();
    if (op < 0.4) chars.splice(i, 1 + Math.floor(rnd() * 6));
    else if (op < 0.7) chars.splice(i, 0, chars[Math.floor(rnd() * chars.length)]);
    else [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i]];
  }
  return chars.join('');
}

describe('robustness', () => {
  it('mangled cells always produce a result with a headline', () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 120; seed++) {
      const [scenario, src] = seed % 2 ? ['2007/same-page', cell] : ['primer/abba', abba];
      const r = check({ scenario, strategy: mangle(src, seed), budget: { maxStates: 20000, maxMillis: 2000 } });
      expect(r.headline).toMatch(/^(OK|Deadlock|Corruption|Bug|Livelock|Error|Budget)/);
      if (r.outcome === 'error') expect(r.headline).not.toMatch(/internal engine error/);
      outcomes.add(r.outcome);
      expect(() => compileStrategy(mangle(src, seed + 1000))).not.toThrow();
    }
    expect(outcomes.has('error')).toBe(true);
  });
  it('bad scenario text is an error with a line and column', () => {
    const r = check({ scenario: 'id x\ntask a cpu zero : f()\n' });
    expect(r.outcome).toBe('error');
    expect(r.headline).toBe("Error: scenario 2:12: expected a CPU number, found 'zero'");
    expect(check({ scenario: 'no/such-scenario' }).headline).toMatch(/^Error: scenario 1:1: unknown scenario 'no\/such-scenario'/);
  });
  it('scenario parameters become named constants', () => {
    const r = check({ scenario: 'id p\nparam n number 2 1..5 "N"\nobserve r\ntask a : main()\n', strategy: 'int r;\nvoid main(void) { r = n * 10; }', params: { n: 4 } });
    expect(r.finals).toEqual([{ values: { r: 40 }, count: 1 }]);
  });
});
