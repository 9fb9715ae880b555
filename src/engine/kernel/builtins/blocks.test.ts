// Holes and block allocation (blocks.ts): a hole inside i_size reads as zeros; once
// get_block_create allocates the block, reading it before it is written exposes stale data.
import { describe, expect, it } from 'vitest';
import { check } from '../../index.js';

const world = (task: string) => `id test/holes
page-size 4
file A "abcd" size 8 pages 2         # block 1 (bytes 4..7) is a hole
pool 2
mm m0
anon m0 0x1000 "...." writable
task t cpu 0 mm m0 : ${task}
code:
int read_hole(void) { return sys_read(A, 4, 0x1000, 4); }
int allocate_then_read(void) { get_block_create(A, 1); return sys_read(A, 4, 0x1000, 4); }
int allocate_twice(void) { return get_block_create(A, 1) * 10 + get_block_create(A, 1); }
`;

describe('get_block_create and holes', () => {
  it('a hole inside i_size reads as zeros, and that is not corruption', () => {
    const r = check({ scenario: world('read_hole()') });
    expect(r.outcome).toBe('ok');
    const page = r.trace!.steps.at(-1)!.world.pages.find((p) => p.name !== 'm0@0x1000' && p.inCache);
    expect(page?.bytes.map((b) => [b.value, b.writer])).toEqual([[0, 'zero'], [0, 'zero'], [0, 'zero'], [0, 'zero']]);
  });

  it('an allocated but unwritten block exposes stale data to a reader', () => {
    const r = check({ scenario: world('allocate_then_read()') });
    expect(r.outcome).toBe('corruption');
    expect(r.headline).toMatch(/stale data from disk/);
  });

  it('allocates a hole once: 1 the first time (BH_New), 0 after', () => {
    const r = check({ scenario: world('allocate_twice()') });
    expect(r.outcome).toBe('ok');
    const steps = r.trace!.steps.filter((s) => s.op === 'get_block_create');
    expect(steps.map((s) => s.result)).toEqual(['1', '0']);
    expect(r.costs!.blocksAllocated).toBe(1);
  });

  it('the content of a file is allocated already: no stale data appears', () => {
    const r = check({ scenario: world('allocate_twice()').replace('size 8 pages 2', 'pages 2') });
    // past i_size there is nothing to read; block 1 has no hole to allocate
    expect(r.trace!.steps.filter((s) => s.op === 'get_block_create').map((s) => s.result)).toEqual(['0', '0']);
  });
});
