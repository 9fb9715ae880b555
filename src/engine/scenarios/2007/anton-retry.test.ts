// Anton's second variant (restart when the page left the file, -EDEADLOCK after a bound) against one
// invalidation and against two with the buffer dropped between them.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../index.js';

const here = dirname(fileURLToPath(import.meta.url));
const code = readFileSync(join(resolve(here, '../../../content/cells/2007-pagecache-write-deadlocks'), 'anton-retry.c'), 'utf8');

describe('Anton\'s retry-then-EDEADLOCK', () => {
  it('survives the invalidation that defeats the flag', () => {
    expect(check({ scenario: '2007/anton-invalidate', strategy: code }).outcome).toBe('ok');
  });
  it('gives up when the race repeats past its bound: the disk matches no serial order', () => {
    const r = check({ scenario: '2007/anton-retry', strategy: code });
    expect(r.outcome).toBe('corruption');
    expect(r.headline).toContain('no serial order');
  });
  it('with a bound of two restarts the same world is OK', () => {
    const two = code.replace('++restarts > 1', '++restarts > 2');
    expect(two).not.toBe(code);
    expect(check({ scenario: '2007/anton-retry', strategy: two }).outcome).toBe('ok');
  });
});
