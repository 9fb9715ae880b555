// A thread that loads a word after its own atomic_inc on it, under weak and LKMM. LKMM's
// coherence forbids reading a write no coherence order holds; the weak model drains the CPU's
// buffered add before the load (docs/decisions/weak-own-add-load.md), so it never reaches such a
// state, and the states LKMM allows only by reading the add early are refused with that reason.
import { describe, expect, it } from 'vitest';
import { parseLitmus } from '../parse.js';
import { exploreLitmus, runLitmus } from '../run.js';
import { checkLitmus } from '../../lkmm/index.js';

// x = 0. P0 increments x and reads it; P1 exchanges 5 into it. Coherence 0→1→5 lets P0 read 1 or
// 5, 0→5→6 only 6: reading 1 with x ending at 6 reads a write no coherence order holds.
const COHERENCE = `C own-add-coherence
{}
P0(atomic_t *x) { int r0; atomic_inc(x); r0 = atomic_read(x); }
P1(atomic_t *x) { int r0; r0 = atomic_xchg(x, 5); }
exists (0:r0=1 /\\ x=6)
`;

// P0's read of its own add does not order the add before its later store to y: LKMM allows P1 to
// see y = 1 and then x = 0; the weak model, which has drained the add at the read, does not.
const EARLY = `C own-add-then-store
{}
P0(atomic_t *x, int *y) { int r0; atomic_inc(x); r0 = atomic_read(x); WRITE_ONCE(*y, 1); }
P1(atomic_t *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y); smp_rmb(); r1 = atomic_read(x); }
exists (1:r0=1 /\\ 1:r1=0)
`;

describe('a load after the CPU\'s own buffered atomic_inc', () => {
  it('weak never reads a value no coherence order holds, and LKMM agrees (Never)', () => {
    expect(checkLitmus(parseLitmus(COHERENCE)).result).toBe('Never');
    const run = runLitmus(COHERENCE, { model: 'weak' });
    expect(run.result).toBe('Never');
    expect(run.notes.join('\n')).toContain('cross-checked');
  });
  it('a state LKMM allows only by reading the add early is refused under weak, with that reason', () => {
    const test = parseLitmus(EARLY);
    expect(checkLitmus(test).result).toBe('Sometimes');
    expect(exploreLitmus(test, { model: 'weak' }).result).toBe('Never');
    expect(() => runLitmus(EARLY, { model: 'weak' })).toThrow(/^unsupported under weak: reads its own atomic add: LKMM allows 0:r0=1; 1:r0=1; 1:r1=0;/);
  });
});
