import { describe, expect, it } from 'vitest';
import { parseLitmus } from '../parse.js';
import { holds, judge, showCond } from '../condition.js';

const sb = `C SB+fencembonceonces

(*
 * Result: Never
 *)

{ x=0; y = 2; }

P0(int *x, int *y)
{
	int r0;

	WRITE_ONCE(*x, 1);
	smp_mb();
	r0 = READ_ONCE(*y);
}

P1(int *x, int *y) // comment
{
	int r0 = smp_load_acquire(y);
	if (r0 == 2)
		smp_store_release(x, r0 + 1);
	else { atomic_inc(x); }
}

locations [0:r0; x]
exists (0:r0=0 /\\ ~(1:r0=1 \\/ x=3))
`;

describe('parseLitmus', () => {
  it('reads the name, initial values, threads, locations and the exists clause', () => {
    const t = parseLitmus(sb);
    expect(t.name).toBe('SB+fencembonceonces');
    expect(t.locations).toEqual([{ name: 'x', init: 0 }, { name: 'y', init: 2 }]);
    expect(t.threads.map((th) => th.id)).toEqual([0, 1]);
    expect(t.threads[0].body.map((s) => (s.k === 'prim' ? s.name : s.k))).toEqual(['WRITE_ONCE', 'smp_mb', 'assign']);
    expect(t.threads[1].body[1]).toMatchObject({ k: 'if', then: [{ k: 'prim', name: 'smp_store_release', loc: 'x' }], else: [{ name: 'atomic_inc' }] });
    expect(t.quantifier).toBe('exists');
    expect(showCond(t.condition)).toBe('0:r0=0 /\\ ~(1:r0=1 \\/ x=3)');
    expect(t.show).toEqual([{ thread: 0, name: 'r0' }, { thread: null, name: 'x' }]);
  });

  it('evaluates conditions with /\\, \\/, ~ and parentheses', () => {
    const t = parseLitmus(sb);
    expect(holds(t.condition, { '0:r0': 0, '1:r0': 2, x: 1 })).toBe(true);
    expect(holds(t.condition, { '0:r0': 0, '1:r0': 1, x: 1 })).toBe(false);
    expect(holds(t.condition, { '0:r0': 0, '1:r0': 2, x: 3 })).toBe(false);
  });

  it('judges Always, Sometimes and Never, after the filter', () => {
    const t = parseLitmus(sb.replace('locations [0:r0; x]', 'filter (x=1)'));
    const a = { '0:r0': 0, '1:r0': 2, x: 1 };
    const b = { '0:r0': 2, '1:r0': 2, x: 1 };
    const c = { '0:r0': 2, '1:r0': 2, x: 5 };
    expect(judge(t, [a, c]).result).toBe('Always'); // c is filtered out
    expect(judge(t, [a, b]).result).toBe('Sometimes');
    expect(judge(t, [b, c])).toEqual({ result: 'Never', witnesses: [] });
  });

  const refuse = (body: string, init = '{}') => () =>
    parseLitmus(`C t\n${init}\nP0(int *x, int *y, spinlock_t *s)\n{\n int r0;\n ${body}\n}\nexists (x=1)\n`);

  it('refuses what the engine does not model, naming the feature', () => {
    expect(refuse('spin_is_locked(s);')).toThrow(/^unsupported: spin_is_locked/);
    expect(refuse('rcu_read_lock();')).toThrow(/^unsupported: rcu_read_lock \(RCU\)/);
    expect(refuse('spin_lock_irq(s);')).toThrow(/^unsupported: spin_lock_irq/);
    expect(refuse('spin_lock(x);')).toThrow(/not a spinlock_t parameter/);
    expect(refuse('*x = 1;')).toThrow(/^unsupported: plain \(non-ONCE\) accesses/);
    expect(refuse('r0 = *x;')).toThrow(/^unsupported: plain \(non-ONCE\) accesses/);
    expect(refuse('while (1) ;')).toThrow(/^unsupported: 'while'/);
    expect(refuse('int *p; ')).toThrow(/^unsupported: pointer registers/);
    expect(refuse('', '{ x=y; }')).toThrow(/^unsupported: pointer values/);
    expect(() => parseLitmus('X86 t\n{}\nP0 | P1;\nexists (x=1)')).toThrow(/^unsupported: X86 litmus tests/);
  });

  it('reports syntax errors with a line number', () => {
    expect(refuse('WRITE_ONCE(x, 1);')).toThrow(/^6: expected '\*x'/);
    expect(refuse('r1 = READ_ONCE(*x);')).toThrow(/^6: undeclared register 'r1'/);
    expect(refuse('WRITE_ONCE(*z, 1);')).toThrow(/^6: 'z' is not a parameter of this thread/);
    expect(() => parseLitmus('C t\n{}\nP0(int *x)\n{\n}\n')).toThrow(/no exists/);
    expect(() => parseLitmus('C t\n{}\nP0(int *x)\n{\n}\nexists (1:r0=1)')).toThrow(/unknown register 1:r0/);
  });
});
