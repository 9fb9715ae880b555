// Our own litmus tests, run through the whole path (parse → translate → engine) under all three
// models: the classic shapes with and without barriers. `sc` forbids every relaxed outcome, `tso`
// allows only store buffering, `weak` everything but load buffering unless barriers forbid it.
// Under `weak` an answer LKMM gives differently (load buffering, writes not multicopy atomic) is
// refused after the LKMM cross-check: X marks those.
import { describe, expect, it } from 'vitest';
import type { MemoryModel } from '../../api.js';
import { runLitmus } from '../run.js';

type R = 'Sometimes' | 'Never' | 'Always' | 'refused';
const S: R = 'Sometimes', N: R = 'Never', X: R = 'refused';

/** two or more threads of statements; names x, y, z are int locations, s a spin lock */
function litmus(name: string, threads: string[], exists: string): string {
  const body = threads.map((t, i) => `P${i}(int *x, int *y, int *z, spinlock_t *s)\n{\n\tint r0; int r1;\n\t${t}\n}\n`).join('\n');
  return `C ${name}\n\n{}\n\n${body}\nexists (${exists})\n`;
}

const cases: [string, string[], string, [R, R, R]][] = [
  ['SB', ['WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y);', 'WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, S, S]],
  ['SB+mbs', ['WRITE_ONCE(*x, 1); smp_mb(); r0 = READ_ONCE(*y);', 'WRITE_ONCE(*y, 1); smp_mb(); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, N]],
  ['SB+store_mbs (smp_store_mb on an lvalue, as in the kernel)', ['smp_store_mb(*x, 1); r0 = READ_ONCE(*y);', 'smp_store_mb(*y, 1); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, N]],
  ['SB+xchgs', ['r1 = xchg(x, 1); r0 = READ_ONCE(*y);', 'r1 = xchg(y, 1); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, N]],
  ['SB+atomic_inc', ['atomic_inc(x); r0 = READ_ONCE(*y);', 'atomic_inc(y); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, S]],
  ['SB+atomic_inc+mb__after_atomic', ['atomic_inc(x); smp_mb__after_atomic(); r0 = READ_ONCE(*y);', 'atomic_inc(y); smp_mb__after_atomic(); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, N]],
  // atomic_add as the store of SB: buffered under weak, so only a full barrier orders it before the load
  ['SB+atomic_add', ['atomic_add(1, x); r0 = READ_ONCE(*y);', 'atomic_add(1, y); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, S]],
  ['SB+atomic_add+wmbs', ['atomic_add(1, x); smp_wmb(); r0 = READ_ONCE(*y);', 'atomic_add(1, y); smp_wmb(); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, S]],
  ['SB+atomic_add+rmbs', ['atomic_add(1, x); smp_rmb(); r0 = READ_ONCE(*y);', 'atomic_add(1, y); smp_rmb(); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, S]],
  ['SB+atomic_add+mbs', ['atomic_add(1, x); smp_mb(); r0 = READ_ONCE(*y);', 'atomic_add(1, y); smp_mb(); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, N]],
  ['SB+atomic_add+mb__after_atomic', ['atomic_add(1, x); smp_mb__after_atomic(); r0 = READ_ONCE(*y);', 'atomic_add(1, y); smp_mb__after_atomic(); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, N]],
  // the 2019 pin side (atomic_add, smp_rmb, test the flag) against a fully ordered flag setter
  ['SB: atomic_add+rmb vs xchg+mb', ['atomic_add(1024, x); smp_rmb(); r0 = READ_ONCE(*y);', 'r1 = xchg(y, 1); smp_mb(); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, S]],
  ['SB: atomic_add+mb__after_atomic vs xchg', ['atomic_add(1024, x); smp_mb__after_atomic(); r0 = READ_ONCE(*y);', 'r1 = xchg(y, 1); r0 = READ_ONCE(*x);'], '0:r0=0 /\\ 1:r0=0', [N, N, N]],
  ['atomic_sub reads its own pending add', ['atomic_add(5, x); atomic_sub(2, x); r0 = atomic_read(x);', 'atomic_inc(x);'], '0:r0=3 /\\ x=4', [S, S, S]],
  ['MP+wmb, atomic_inc as the flag', ['WRITE_ONCE(*x, 1); smp_wmb(); atomic_inc(y);', 'r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, N]],
  ['MP+rmb, atomic_inc as the flag', ['WRITE_ONCE(*x, 1); atomic_inc(y);', 'r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, S]],
  ['MP', ['WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, S]],
  ['MP+wmb', ['WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, S]],
  ['MP+rmb', ['WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, S]],
  ['MP+wmb+rmb', ['WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, N]],
  ['MP+release+acquire', ['WRITE_ONCE(*x, 1); smp_store_release(y, 1);', 'r0 = smp_load_acquire(y); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, N]],
  ['MP+locks', ['WRITE_ONCE(*x, 1); spin_lock(s); WRITE_ONCE(*y, 1); spin_unlock(s);', 'spin_lock(s); r0 = READ_ONCE(*y); spin_unlock(s); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, N]],
  ['MP+ctrl (reader branches)', ['WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); if (r0 == 1) r1 = READ_ONCE(*x); else r1 = 5;'], '1:r0=1 /\\ 1:r1=0', [N, N, S]],
  ['R', ['WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1);', 'WRITE_ONCE(*y, 2); r0 = READ_ONCE(*x);'], 'y=2 /\\ 1:r0=0', [N, S, S]],
  ['R+mbs', ['WRITE_ONCE(*x, 1); smp_mb(); WRITE_ONCE(*y, 1);', 'WRITE_ONCE(*y, 2); smp_mb(); r0 = READ_ONCE(*x);'], 'y=2 /\\ 1:r0=0', [N, N, N]],
  ['S', ['WRITE_ONCE(*x, 2); WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); WRITE_ONCE(*x, 1);'], 'x=2 /\\ 1:r0=1', [N, N, S]],
  ['S+wmb+acquire', ['WRITE_ONCE(*x, 2); smp_wmb(); WRITE_ONCE(*y, 1);', 'r0 = smp_load_acquire(y); WRITE_ONCE(*x, 1);'], 'x=2 /\\ 1:r0=1', [N, N, N]],
  ['LB', ['r0 = READ_ONCE(*x); WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); WRITE_ONCE(*x, 1);'], '0:r0=1 /\\ 1:r0=1', [N, N, X]],
  ['2+2W', ['WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 2);', 'WRITE_ONCE(*y, 1); WRITE_ONCE(*x, 2);'], 'x=1 /\\ y=1', [N, N, S]],
  ['2+2W+wmbs', ['WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 2);', 'WRITE_ONCE(*y, 1); smp_wmb(); WRITE_ONCE(*x, 2);'], 'x=1 /\\ y=1', [N, N, X]],
  ['IRIW', ['WRITE_ONCE(*x, 1);', 'r0 = READ_ONCE(*x); r1 = READ_ONCE(*y);', 'WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); r1 = READ_ONCE(*x);'],
    '1:r0=1 /\\ 1:r1=0 /\\ 3:r0=1 /\\ 3:r1=0', [N, N, S]],
  ['IRIW+rmbs', ['WRITE_ONCE(*x, 1);', 'r0 = READ_ONCE(*x); smp_rmb(); r1 = READ_ONCE(*y);', 'WRITE_ONCE(*y, 1);', 'r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x);'],
    '1:r0=1 /\\ 1:r1=0 /\\ 3:r0=1 /\\ 3:r1=0', [N, N, X]],
  ['IRIW+acquires', ['WRITE_ONCE(*x, 1);', 'r0 = smp_load_acquire(x); r1 = READ_ONCE(*y);', 'WRITE_ONCE(*y, 1);', 'r0 = smp_load_acquire(y); r1 = READ_ONCE(*x);'],
    '1:r0=1 /\\ 1:r1=0 /\\ 3:r0=1 /\\ 3:r1=0', [N, N, X]],
  ['CoRR', ['WRITE_ONCE(*x, 1);', 'r0 = READ_ONCE(*x); r1 = READ_ONCE(*x);'], '1:r0=1 /\\ 1:r1=0', [N, N, N]],
  ['counter (atomic_inc twice is always 2)', ['atomic_inc(x);', 'atomic_inc(x);'], 'x=2', ['Always', 'Always', 'Always']],
  ['counter (atomic_add against atomic_add_return)', ['atomic_add(2, x); r0 = READ_ONCE(*y);', 'r0 = atomic_add_return(10, x); WRITE_ONCE(*y, 1);'], 'x=12', ['Always', 'Always', 'Always']],
  ['cmpxchg: exactly one winner', ['r0 = cmpxchg(x, 0, 1);', 'r0 = cmpxchg(x, 0, 2);'], '(0:r0=0 /\\ 1:r0=1) \\/ (0:r0=2 /\\ 1:r0=0)', ['Always', 'Always', 'Always']],
];

const models: MemoryModel[] = ['sc', 'tso', 'weak'];

describe('litmus shapes through the engine', () => {
  for (const [name, threads, exists, want] of cases) {
    models.forEach((model, i) => {
      it(`${name} under ${model}: ${want[i]}`, () => {
        if (want[i] === 'refused') {
          expect(() => runLitmus(litmus(name, threads, exists), { model })).toThrow(/^unsupported under weak: (load buffering|not multicopy atomic): LKMM allows/);
          return;
        }
        const r = runLitmus(litmus(name, threads, exists), { model });
        expect(r.result).toBe(want[i]);
        expect(r.stats.exhaustive).toBe(true);
      });
    });
  }

  it('a witness is a trace whose drains are steps of buffer actors', () => {
    const r = runLitmus(litmus('SB', cases[0][1], cases[0][2]), { model: 'tso' });
    expect(r.witness).not.toBeNull();
    const buffers = r.witness!.actors.filter((a) => a.kind === 'buffer').map((a) => r.witness!.actors.indexOf(a));
    expect(r.witness!.steps.some((s) => buffers.includes(s.actor) && s.op === 'drain')).toBe(true);
    expect(r.witness!.steps.some((s) => (s.world.buffers ?? []).some((b) => b.entries.includes('x=1')))).toBe(true);
  });
});
