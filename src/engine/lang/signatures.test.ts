// Kernel signatures: smp_store_mb(var, value) on an lvalue, and the atomics' argument order
// checked when compiling, with the kernel's prototype in the message.
import { describe, expect, it } from 'vitest';
import type { MemoryModel } from '../api.js';
import { check, compileStrategy } from '../index.js';
import { evaluate } from '../test/helpers.js';

const first = (src: string, scn = 'primer/abba') => {
  const d = compileStrategy(src, scn)[0];
  return d ? `${d.line}:${d.column}: ${d.message}` : 'no error';
};

describe('smp_store_mb(var, value), as the kernel defines it', () => {
  it('stores to a shared global named directly, to *p, and to a page field through its address', () => {
    expect(evaluate('int x;\nvoid main(void) { smp_store_mb(x, 5); r = x; }')).toBe(5);
    expect(evaluate('int x;\nvoid set(int *p) { smp_store_mb(*p, 6); }\nvoid main(void) { set(&x); r = READ_ONCE(x); }')).toBe(6);
  });
  it('orders the store before later loads: store buffering is impossible under tso and weak', () => {
    // 2019/sb: each side stores its flag, then reads the other's; an oracle fails if both read 0
    const sb = (store: string, model: MemoryModel) => check({
      scenario: '2019/sb', model,
      strategy: `void P0(void) { ${store.replace('F', 'pinned')}; r0 = READ_ONCE(writeback); }\nvoid P1(void) { ${store.replace('F', 'writeback')}; r1 = READ_ONCE(pinned); }`,
    }).outcome;
    for (const model of ['sc', 'tso', 'weak'] as const) expect(sb('smp_store_mb(F, 1)', model)).toBe('ok');
    // the same shape without the barrier shows store buffering, so the test can fail
    expect(sb('WRITE_ONCE(F, 1)', 'tso')).toBe('corruption');
    expect(sb('WRITE_ONCE(F, 1)', 'weak')).toBe('corruption');
  });
  it('refuses the address and a local variable, saying what the kernel takes', () => {
    expect(first('int x;\nvoid f(void) { smp_store_mb(&x, 1); }')).toBe('2:29: smp_store_mb(var, value) takes the variable itself, as WRITE_ONCE does: write smp_store_mb(x, v), not smp_store_mb(&x, v)');
    expect(first('void f(void) { int y; smp_store_mb(y, 1); }')).toBe("1:36: smp_store_mb(var, value) stores to shared memory: 'y' is a local variable (through a pointer, write smp_store_mb(*y, value))");
    expect(first('int x;\nvoid f(void) { smp_store_mb(x); }')).toBe("2:16: 'smp_store_mb' takes 2 arguments but was given 1");
  });
});

describe("atomics' argument order, checked when compiling", () => {
  it('swapped arguments are a compile error with the kernel\'s prototype, not a runtime bug', () => {
    expect(first('int v;\nvoid f(void) { atomic_add(&v, 1); }')).toBe("2:27: arguments in the wrong order: the kernel's is void atomic_add(int i, atomic_t *v)");
    expect(first('#define PAGE_PIN_BIAS 1024\nvoid f(struct page *page) { atomic_add(&page->_refcount, PAGE_PIN_BIAS); }')).toBe("2:40: arguments in the wrong order: the kernel's is void atomic_add(int i, atomic_t *v)");
    expect(first('int v;\nvoid f(void) { atomic_sub(&v, -2); }')).toMatch(/the kernel's is void atomic_sub\(int i, atomic_t \*v\)$/);
    expect(first('int v;\nvoid f(void) { int o = atomic_add_return(&v, 1); }')).toMatch(/the kernel's is int atomic_add_return\(int i, atomic_t \*v\)$/);
    expect(first('int v;\nvoid f(void) { atomic_set(3, &v); }')).toMatch(/the kernel's is void atomic_set\(atomic_t \*v, int i\)$/);
    expect(first('int v;\nvoid f(void) { set_bit(&v, 3); }')).toMatch(/the kernel's is void set_bit\(long nr, volatile unsigned long \*addr\)$/);
    expect(first('int v;\nvoid f(void) { int o = xchg(1, &v); }')).toMatch(/the kernel's is T xchg\(T \*ptr, T new\)$/);
  });
  it('a counter passed without its & is named', () => {
    expect(first('int v;\nvoid f(void) { atomic_inc(v); }')).toBe("2:27: argument 1 of atomic_inc() must be a pointer (atomic_t *v), as in &x: the kernel's is void atomic_inc(atomic_t *v)");
    expect(first('int v;\nvoid f(void) { int n = atomic_read(v); }')).toMatch(/argument 1 of atomic_read\(\) must be a pointer \(const atomic_t \*v\)/);
    expect(first('void f(void) { int n = 0; spin_lock(n); }')).toMatch(/spin_lock\(\) must be a pointer \(spinlock_t \*lock\)/);
  });
  it('the kernel\'s order compiles, and so does anything not certainly wrong', () => {
    expect(first('int v;\n#define B 4\nvoid f(void) { atomic_add(-B, &v); atomic_sub(B, &v); atomic_set(&v, 2); set_bit(1, &v); }')).toBe('no error');
    expect(first('void f(atomic_t *p, int n) { atomic_add(n, p); atomic_inc(p); }')).toBe('no error');
    expect(first('int g(void) { return 0; }\nvoid f(struct page *page) { atomic_add(g(), &page->_refcount); }')).toBe('no error');
  });
  it('a program\'s own function of the same name is not checked against the kernel\'s', () => {
    expect(first('int v;\nvoid my_add(int *p, int i) { atomic_add(i, p); }\nvoid f(void) { my_add(&v, 1); }')).toBe('no error');
  });
});
