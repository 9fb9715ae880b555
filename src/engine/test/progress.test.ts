// A running search reports its counts through CheckOptions.onProgress, and the last report never
// exceeds what the finished search says it visited.
import { describe, expect, it } from 'vitest';
import { check, type SearchProgress } from '../index.js';

describe('search progress', () => {
  it('reports growing counts while a large search runs', () => {
    const seen: SearchProgress[] = [];
    const r = check({ scenario: '2019/snapshot-race', model: 'weak' }, { onProgress: (p) => seen.push(p) });
    expect(r.stats.states).toBeGreaterThan(8192);
    expect(seen.length).toBeGreaterThan(0);
    for (let k = 1; k < seen.length; k++) expect(seen[k].states).toBeGreaterThanOrEqual(seen[k - 1].states);
    expect(seen[seen.length - 1].states).toBeLessThanOrEqual(r.stats.states);
  });
});
