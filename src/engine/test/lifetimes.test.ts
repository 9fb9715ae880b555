// Lifetimes of locks and handles. A task that returns with a lock held is a bug: lockdep's
// lockdep_sys_exit() prints "lock held when returning to user space!", and do_exit()'s
// debug_check_no_locks_held() "is exiting with locks still held!" for a kernel thread. A handle
// that names no object of the scenario (`page0 + 3`) is the kernel's oops on a wild pointer:
// a bug naming the line, never an engine error.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const WORLD = 'page page0\npage page1\nmutex m\nrwsem sem\nglobal s = 0\nfile A "abcd"\nmm m0';

describe('returning with a lock held', () => {
  const held: [string, string][] = [
    ['mutex_lock(&m);', 'm'], ['down_read(&sem);', 'sem \\(read\\)'], ['down_write(&sem);', 'sem \\(write\\)'],
    ['lock_page(page0);', 'lock of page0'], ['spin_lock(&s);', 'spinlock s'], ['mutex_lock(&A->i_mutex);', 'i_mutex'],
  ];
  for (const [call, name] of held) {
    it(`${call} left held by a system call: lock held when returning to user space`, () => {
      const r = run(`void f(void)\n{\n\t${call}\n}`, { 'a@m0': 'f()' }, WORLD);
      expect(r.outcome).toBe('bug');
      expect(r.headline).toMatch(new RegExp(`^Bug: lock held when returning to user space: ${name} \\(a`));
    });
  }
  it('a kernel thread (no mm) exiting with a lock: is exiting with locks still held', () => {
    const r = run('void f(void) { mutex_lock(&m); lock_page(page1); }', { k: 'f()' }, WORLD);
    expect(r.headline).toMatch(/^Bug: k is exiting with locks still held: m, lock of page1/);
  });
  it('released locks, and a lock taken by one function and released by its caller, are fine', () => {
    const r = run('void take(void) { mutex_lock(&m); }\nvoid f(void) { take(); spin_lock(&s); spin_unlock(&s); mutex_unlock(&m); }', { 'a@m0': 'f()', 'b@m0': 'f()' }, WORLD);
    expect(r.outcome, r.headline).toBe('ok');
  });
});

describe('handles outside the scenario\'s objects', () => {
  it('page0 + 3 in a two-page scenario is a bug at its line, not "undefined"', () => {
    const r = run('void f(void)\n{\n\tlock_page(page0 + 3);\n}', { a: 'f()' }, WORLD);
    expect(r.outcome).toBe('bug');
    expect(r.headline).toBe("Bug: lock_page: a struct page * past the scenario's 2 pages (index 3: pointer arithmetic on a handle?) (a, at f:3)");
  });
  it('i_size_read(A + 7) is a bug at its line, not an internal error', () => {
    const r = run('int r;\nvoid f(void)\n{\n\tr = i_size_read(A + 7);\n}', { a: 'f()' }, WORLD);
    expect(r.outcome).toBe('bug');
    expect(r.headline).toBe("Bug: i_size_read: a struct file * past the scenario's 1 file (index 7: pointer arithmetic on a handle?) (a, at f:4)");
  });
  it('fields, locks and shared words beyond the scenario\'s are bugs too', () => {
    const cases: [string, RegExp][] = [
      ['r = (page0 + 5)->_refcount;', /'->_refcount' on a struct page \* past the scenario's 2 pages/],
      ['mutex_lock(&m + 4);', /mutex_lock: not a struct mutex \*, got a lock past the scenario's/],
      ['r = *(&s + 400);', /'\*' on an int \* past the scenario's \d+ shared words/],
      ['atomic_inc(&s + 400);', /atomic_inc\(\) needs a pointer to a shared variable \(&x\), got an int \* past/],
      ['r = wait_on_page_locked(page1 + 9);', /wait_on_page_locked: a struct page \* past/],
    ];
    for (const [stmt, re] of cases) {
      const r = run(`int r;\nvoid f(void)\n{\n\t${stmt}\n}`, { a: 'f()' }, WORLD);
      expect(r.outcome, stmt).toBe('bug');
      expect(r.headline, stmt).toMatch(re);
      expect(r.headline, stmt).toMatch(/\(a, at f:4\)$/);
    }
  });
});
