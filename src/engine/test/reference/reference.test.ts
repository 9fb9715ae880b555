// The reference interpreter on its own: the classic shapes give the answers x86-TSO and the
// store-buffer/invalidate-queue machine are known for, so that the reference cannot be wrong in
// the same way as the engine without a test saying so.
import { describe, expect, it } from 'vitest';
import { referenceOutcomes } from './interpret.js';
import type { ModelName } from './memory.js';
import type { Data, Program, Stmt } from './program.js';

const st = (g: Data, v: number, release = false): Stmt => ({ k: 'store', g, v: { k: 'const', v }, release });
const ld = (r: number, g: Data, acquire = false): Stmt => ({ k: 'load', r, g, acquire, acc: false });
const mb = (f: 'mb' | 'wmb' | 'rmb'): Stmt => ({ k: 'fence', f });
const prog = (...bodies: Stmt[][]): Program => ({ seed: 0, tasks: bodies.map((body, cpu) => ({ cpu, body, out: true })) });

/** can the final state have these values? words x,y,z,c then out0, out1 (r0 + 64 * r1) */
function can(p: Program, model: ModelName, want: Partial<Record<'x' | 'y' | 'z' | 'c' | 'out0' | 'out1', number>>): boolean {
  const names = ['x', 'y', 'z', 'c', 'out0', 'out1'];
  return [...referenceOutcomes(p, model).finals].some((f) => {
    const v = f.split(',').map(Number);
    return Object.entries(want).every(([k, x]) => v[names.indexOf(k)] === x);
  });
}

describe('reference memory models on the classic shapes', () => {
  it('SB: both loads miss the other store under tso and weak, never under sc or with smp_mb', () => {
    const sb = prog([st('x', 1), ld(0, 'y')], [st('y', 1), ld(0, 'x')]);
    expect([can(sb, 'sc', { out0: 0, out1: 0 }), can(sb, 'tso', { out0: 0, out1: 0 }), can(sb, 'weak', { out0: 0, out1: 0 })]).toEqual([false, true, true]);
    const fenced = prog([st('x', 1), mb('mb'), ld(0, 'y')], [st('y', 1), mb('mb'), ld(0, 'x')]);
    for (const m of ['sc', 'tso', 'weak'] as const) expect(can(fenced, m, { out0: 0, out1: 0 })).toBe(false);
  });

  it('MP: the flag without the data only under weak, and not with wmb + rmb or release + acquire', () => {
    const bad = { out1: 1 }; // r0 = y = 1, r1 = x = 0
    const mp = prog([st('x', 1), st('y', 1)], [ld(0, 'y'), ld(1, 'x')]);
    expect([can(mp, 'sc', bad), can(mp, 'tso', bad), can(mp, 'weak', bad)]).toEqual([false, false, true]);
    expect(can(prog([st('x', 1), mb('wmb'), st('y', 1)], [ld(0, 'y'), ld(1, 'x')]), 'weak', bad)).toBe(true);
    expect(can(prog([st('x', 1), st('y', 1)], [ld(0, 'y'), mb('rmb'), ld(1, 'x')]), 'weak', bad)).toBe(true);
    expect(can(prog([st('x', 1), mb('wmb'), st('y', 1)], [ld(0, 'y'), mb('rmb'), ld(1, 'x')]), 'weak', bad)).toBe(false);
    expect(can(prog([st('x', 1), st('y', 1, true)], [ld(0, 'y', true), ld(1, 'x')]), 'weak', bad)).toBe(false);
  });

  it('2+2W: each CPU\'s second store first, only under weak, not with smp_wmb on both sides', () => {
    const w = prog([st('x', 2), st('y', 1)], [st('y', 2), st('x', 1)]);
    expect([can(w, 'sc', { x: 2, y: 2 }), can(w, 'tso', { x: 2, y: 2 }), can(w, 'weak', { x: 2, y: 2 })]).toEqual([false, false, true]);
    expect(can(prog([st('x', 2), mb('wmb'), st('y', 1)], [st('y', 2), mb('wmb'), st('x', 1)]), 'weak', { x: 2, y: 2 })).toBe(false);
  });

  it('updates are never lost: atomic_inc, and a load and store under a spin lock or a mutex', () => {
    const inc: Stmt[] = [{ k: 'add', g: 'c', d: 1 }];
    const bare: Stmt[] = [ld(0, 'x'), { k: 'store', g: 'x', v: { k: '+', a: { k: 'reg', r: 0 }, b: { k: 'const', v: 1 } }, release: false }];
    const update = (lock: 'spin' | 'mutex'): Stmt[] => [{ k: 'lock', lock, body: bare }];
    for (const m of ['sc', 'tso', 'weak'] as const) {
      expect(can(prog(inc, inc), m, { c: 1 })).toBe(false);
      expect(can(prog(update('spin'), update('spin')), m, { x: 1 })).toBe(false);
      expect(can(prog(update('mutex'), update('mutex')), m, { x: 1 })).toBe(false);
      // and without a lock they are
      expect(can(prog(bare, bare), m, { x: 1 })).toBe(true);
    }
  });

  it('a recursive down_read behind a queued writer deadlocks; AB-BA deadlocks; one order does not', () => {
    const body = [st('x', 1)];
    const rr = prog([{ k: 'lock', lock: 'read', body: [{ k: 'lock', lock: 'read', body }] }], [{ k: 'lock', lock: 'write', body }]);
    expect(referenceOutcomes(rr, 'sc').deadlock).toBe(true);
    const ab: Stmt[] = [{ k: 'lock', lock: 'mutex', body: [{ k: 'lock', lock: 'write', body }] }];
    const ba: Stmt[] = [{ k: 'lock', lock: 'write', body: [{ k: 'lock', lock: 'mutex', body }] }];
    expect(referenceOutcomes(prog(ab, ba), 'weak').deadlock).toBe(true);
    expect(referenceOutcomes(prog(ab, ab), 'weak').deadlock).toBe(false);
  });
});
