import { describe, expect, it } from 'vitest';
import { parseLitmus } from '../parse.js';
import { holds, judge, showCond } from '../condition.js';
import { translate } from '../translate.js';

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

  const refuseOnEngine = (body: string, init = '{}') => () => translate(refuse(body, init)());

  it('refuses what no model here handles, naming the feature', () => {
    expect(refuse('spin_lock_irq(s);')).toThrow(/^unsupported: spin_lock_irq/);
    expect(refuse('spin_lock(x);')).toThrow(/'x' is an int location, not a spinlock_t/);
    expect(refuse('while (1) ;')).toThrow(/^unsupported: 'while'/);
    expect(() => parseLitmus('X86 t\n{}\nP0 | P1;\nexists (x=1)')).toThrow(/^unsupported: X86 litmus tests/);
  });

  it('reads what only the LKMM checker models, and the engine translation refuses it by name', () => {
    expect(refuseOnEngine('r0 = spin_is_locked(s);')).toThrow(/^unsupported: spin_is_locked/);
    expect(refuseOnEngine('rcu_read_lock();')).toThrow(/^unsupported: rcu_read_lock \(RCU\)/);
    expect(refuseOnEngine('*x = 1;')).toThrow(/^unsupported: plain \(non-ONCE\) accesses/);
    expect(refuseOnEngine('r0 = *x;')).toThrow(/^unsupported: plain \(non-ONCE\) accesses/);
    expect(refuseOnEngine('int *p; p = READ_ONCE(*x); r0 = READ_ONCE(*p);')).toThrow(/^unsupported: accessing memory through the register 'p'/);
    expect(refuseOnEngine('', '{ x=y; }')).toThrow(/^unsupported: pointer values/);
    const t = refuse('int *p; p = READ_ONCE(*x); r1 = READ_ONCE(*p); WRITE_ONCE(*y, &x);', '{ x=y; }')();
    expect(t.locations).toEqual([{ name: 'y', init: 0 }, { name: 'x', init: 'y' }]);
    expect(t.threads[0].regs).toEqual(['r0', 'p', 'r1']);
    expect(t.threads[0].body[1]).toMatchObject({ k: 'assign', reg: 'r1', e: { k: 'prim', name: 'READ_ONCE', loc: '', at: 'p' } });
  });

  it("reads herd's header lines, smp_store_mb on an lvalue and srcu_struct parameters", () => {
    const t = parseLitmus(`C auto/LB+ctrl\n"Fre PodWR Fre PodWR"\nCycle=Fre PodWR Fre PodWR\nRelax=\nSafe=Fre PodWR\nPrefetch=0:x=F,0:y=T\nCom=Fr Fr\nOrig=Fre PodWR Fre PodWR\n{\n}\nP0(int *x, struct srcu_struct *s) { int r0; r0 = srcu_read_lock(s); smp_store_mb(*x, 1); srcu_read_unlock(s, r0); }\nexists (x=1)\n`);
    expect(t.name).toBe('auto/LB+ctrl');
    expect(t.srcus).toEqual(['s']);
    expect(t.threads[0].body.map((s) => (s.k === 'prim' ? s.name : s.k))).toEqual(['assign', 'smp_store_mb', 'srcu_read_unlock']);
  });

  it('reads casts, register declarations in the initial state and marked accesses to an srcu_struct', () => {
    const t = parseLitmus('C t\n{\nint *p=&x;\nint * 1:r1;\n}\nP0(int **p, struct srcu_struct *s) { int r0; smp_store_release(p, (void *)0); r0 = READ_ONCE(*s); }\nP1(int **p) { r1 = smp_load_acquire(p); }\nexists (1:r1=0)\n');
    expect(t.regInit).toEqual([{ thread: 1, reg: 'r1', value: 0 }]);
    expect(t.threads[0].body[0]).toMatchObject({ k: 'prim', name: 'smp_store_release', loc: 'p', args: [{ k: 'num', value: 0 }] });
    expect(() => parseLitmus('C t\n{}\nP0(int *x) { int r0; int r1; r0 = READ_ONCE(*x); r1 = READ_ONCE(*x); }\nexists (0:r0=0:r1)\n')).toThrow(/^unsupported: comparing two registers/);
  });

  it('reports syntax errors with a line number', () => {
    expect(refuse('WRITE_ONCE(x, 1);')).toThrow(/^6: expected '\*x'/);
    expect(refuse('r1 = READ_ONCE(*y); WRITE_ONCE(*x, r2);')).toThrow(/^6: unknown name 'r2'/);
    expect(refuse('WRITE_ONCE(*z, 1);')).toThrow(/^6: 'z' is not a parameter of this thread/);
    expect(() => parseLitmus('C t\n{}\nP0(int *x)\n{\n}\n')).toThrow(/no exists/);
    expect(() => parseLitmus('C t\n{}\nP0(int *x)\n{\n}\nexists (1:r0=1)')).toThrow(/unknown register 1:r0/);
  });
});
