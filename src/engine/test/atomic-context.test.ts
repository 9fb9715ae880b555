// Atomic context as the kernel counts it: spin_lock() and preempt_disable() raise the preempt
// count, pagefault_disable() did too in the kernels of the threads' era, and local_irq_disable()
// turns interrupts off. A sleeping function called there is might_sleep()'s splat, "BUG: sleeping
// function called from invalid context" (kernel/sched/core.c __might_sleep), named with its cause.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const WORLD = 'page page0\npage page1\nmutex m\nrwsem sem\nglobal s = 0\nglobal s2 = 0';
const one = (body: string, extra = WORLD) => run(`int r;\nvoid f(void)\n{\n${body}\n}`, { a: 'f()' }, `observe r\n${extra}`);

describe('sleeping in atomic context', () => {
  const sleepers: [string, string][] = [
    ['lock_page(page0)', 'lock_page'], ['mutex_lock(&m)', 'mutex_lock'], ['down_read(&sem)', 'down_read'],
    ['down_write(&sem)', 'down_write'], ['might_sleep()', 'might_sleep'], ['cond_resched()', 'cond_resched'],
  ];
  for (const [call, name] of sleepers) {
    it(`${name}() under a spinlock is a bug naming the spinlock and the line`, () => {
      // spin_lock() is preempt_disable() + the lock: in_atomic() is true until spin_unlock()
      const r = one(`\tspin_lock(&s);\n\t${call};\n\tspin_unlock(&s);`);
      expect(r.outcome).toBe('bug');
      expect(r.headline).toMatch(new RegExp(`^Bug: sleeping function called from invalid context: ${name}\\(\\) with spinlock s held \\(a, at f:5\\)$`));
    });
  }
  it('the splat comes before the call would wait: a page locked elsewhere gives a bug, not a deadlock', () => {
    // lock_page() calls might_sleep() before it tries the lock
    const r = one('\tspin_lock(&s);\n\tlock_page(page0);', 'page page0 locked\nglobal s = 0');
    expect(r.outcome).toBe('bug');
    expect(r.headline).toMatch(/lock_page\(\) with spinlock s held/);
  });
  it('preempt_disable() makes the context atomic until preempt_enable()', () => {
    expect(one('\tpreempt_disable();\n\tr = in_atomic();\n\tpreempt_enable();\n\tr = r * 10 + in_atomic();\n\tmutex_lock(&m);\n\tmutex_unlock(&m);').finals)
      .toEqual([{ values: { r: 10 }, count: 1 }]);
    const r = one('\tpreempt_disable();\n\tmutex_lock(&m);');
    expect(r.headline).toMatch(/^Bug: sleeping function called from invalid context: mutex_lock\(\) under preempt_disable\(\)/);
  });
  it('interrupts off: named as such', () => {
    const r = one('\tlocal_irq_disable();\n\tmutex_lock(&m);');
    expect(r.headline).toMatch(/^Bug: sleeping function called from invalid context: mutex_lock\(\) with interrupts disabled/);
  });
  it('in_atomic() is 1 under a spinlock (taken by spin_lock or a successful spin_trylock) and 0 after', () => {
    const r = one('\tspin_lock(&s);\n\tr = in_atomic();\n\tspin_unlock(&s);\n\tr = r * 10 + in_atomic();\n\tr = r * 10 + spin_trylock(&s);\n\tr = r * 10 + in_atomic();\n\tspin_unlock(&s);\n\tr = r * 10 + in_atomic();');
    expect(r.finals).toEqual([{ values: { r: 10110 }, count: 1 }]);
  });
  it('a failed spin_trylock leaves the context as it was', () => {
    const r = run('int r;\nvoid f(void) { r = spin_trylock(&s); r = r * 10 + in_atomic(); lock_page(page0); unlock_page(page0); }',
      { a: 'f()' }, 'observe r\npage page0\nglobal s = 1');
    expect(r.outcome, r.headline).toBe('ok');
    expect(r.finals).toEqual([{ values: { r: 0 }, count: 1 }]);
  });
  it('nested spinlocks: still atomic after the inner one is released', () => {
    const r = one('\tspin_lock(&s);\n\tspin_lock(&s2);\n\tspin_unlock(&s2);\n\tmutex_lock(&m);');
    expect(r.headline).toMatch(/^Bug: sleeping function called from invalid context: mutex_lock\(\) with a spinlock held/);
  });
  it('spinning is not sleeping: spin_lock() inside a mutex is fine', () => {
    const r = one('\tmutex_lock(&m);\n\tspin_lock(&s);\n\tspin_unlock(&s);\n\tmutex_unlock(&m);');
    expect(r.outcome, r.headline).toBe('ok');
  });
});
