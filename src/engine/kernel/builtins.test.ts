// One or more tests per kernel builtin, through small scenarios.
import { describe, expect, it } from 'vitest';
import { evaluate, run } from '../test/helpers.js';

const PAGES = 'page page0\npage page1';
const FILE = 'file A "abcd" pages 2\npage pageA file A index 0 uptodate\npool 2';
const MM = `${FILE}\nmm m0\nmap m0 0x1000 file A writable\nanon m0 0x2000 "xy" writable`;

describe('page locks', () => {
  it('lock_page, trylock_page, PageLocked, unlock_page', () => {
    expect(evaluate('void main(void) { lock_page(page0); r = trylock_page(page0) * 10 + PageLocked(page0); unlock_page(page0); r = r * 10 + PageLocked(page0) + trylock_page(page1) * 5; unlock_page(page1); }', PAGES)).toBe(15);
  });
  it('unlock_page of an unlocked page is a bug', () => {
    const r = run('void t(void) { unlock_page(page0); }', { a: 't()' }, PAGES);
    expect(r.outcome).toBe('bug');
    expect(r.headline).toMatch(/unlock_page\(\) of an unlocked page/);
  });
  it('lock_page sleeps while another task holds the lock; wait_on_page_locked waits without taking it', () => {
    const r = run('int seen;\nvoid holder(void) { lock_page(page0); seen = 1; unlock_page(page0); }\nvoid waiter(void) { wait_on_page_locked(page0); BUG_ON(PageLocked(page0) && 0); }', { h: 'holder()', w: 'waiter()' }, PAGES);
    expect(r.outcome).toBe('ok');
    expect(r.stats.exhaustive).toBe(true);
  });
  it('locking a page twice is a self-deadlock (a cycle of one)', () => {
    const r = run('void t(void) { lock_page(page0); lock_page(page0); }', { a: 't()' }, PAGES);
    expect(r.outcome).toBe('deadlock');
    expect(r.cycle).toEqual([{ task: 'a', holds: 'lock of page0', wants: 'lock of page0' }]);
  });
});

describe('rwsems and mutexes', () => {
  it('down_read is shared, down_write exclusive; counts work', () => {
    expect(evaluate('void main(void) { down_read(sem); down_read(sem); r = down_read_trylock(sem); up_read(sem); up_read(sem); up_read(sem); down_write(sem); up_write(sem); r = r + 1; }', 'rwsem sem')).toBe(2);
  });
  it('writer-preferring: a recursive down_read behind a queued writer deadlocks', () => {
    const r = run('void reader(void) { down_read(sem); down_read(sem); up_read(sem); up_read(sem); }\nvoid writer(void) { down_write(sem); up_write(sem); }', { reader: 'reader()', writer: 'writer()' }, 'rwsem sem');
    expect(r.outcome).toBe('deadlock');
    expect(r.cycle).toEqual([
      { task: 'reader', holds: 'sem', wants: 'sem (read)' },
      { task: 'writer', holds: 'sem', wants: 'sem (write)' },
    ]);
  });
  it('up_read / up_write / mutex_unlock without holding are bugs', () => {
    expect(run('void t(void) { up_read(sem); }', { a: 't()' }, 'rwsem sem').headline).toMatch(/^Bug: up_read\(\) of sem, which a does not hold/);
    expect(run('void t(void) { up_write(sem); }', { a: 't()' }, 'rwsem sem').headline).toMatch(/^Bug: up_write\(\)/);
    expect(run('void t(void) { mutex_unlock(m); }', { a: 't()' }, 'mutex m').headline).toMatch(/^Bug: mutex_unlock\(\) of m/);
  });
  it('mutex_lock, mutex_trylock, mutex_is_locked; two tasks serialise', () => {
    expect(evaluate('void main(void) { mutex_lock(m); r = mutex_trylock(m) * 10 + mutex_is_locked(m); mutex_unlock(m); r = r * 10 + mutex_trylock(m); mutex_unlock(m); }', 'mutex m')).toBe(11);
    const r = run('int c;\nvoid t(void) { mutex_lock(m); c = c + 1; mutex_unlock(m); }', { a: 't()', b: 't()' }, 'mutex m\nobserve c');
    expect(r.outcome).toBe('ok');
    expect(r.finals).toEqual([{ values: { c: 2 }, count: 1 }]);
  });
  it('without the mutex the counter update races (finals show the lost update)', () => {
    const r = run('int c;\nvoid t(void) { c = c + 1; }', { a: 't()', b: 't()' }, 'observe c');
    expect(r.finals!.map((f) => f.values.c)).toEqual([1, 2]);
  });
});

describe('page flags, references and allocation', () => {
  it('flag tests and sets; set_page_dirty and clear_page_dirty_for_io return whether they changed it', () => {
    expect(evaluate('void main(void) { SetPageUptodate(page0); r = PageUptodate(page0) * 100 + set_page_dirty(page0) * 10 + set_page_dirty(page0); lock_page(page0); r = r * 10 + clear_page_dirty_for_io(page0) + PageDirty(page0) * 5; unlock_page(page0); ClearPageUptodate(page0); r = r * 10 + PageUptodate(page0); }', PAGES)).toBe(11010);
  });
  it('get_page/put_page/page_count; a page freed at zero returns to the pool', () => {
    expect(evaluate('void main(void) { struct page *p = alloc_page(); get_page(p); r = page_count(p); put_page(p); put_page(p); r = r * 10 + page_count(p); r = r * 10 + (alloc_page() == p); }', 'pool 1')).toBe(201);
  });
  it('alloc_page returns NULL when the pool is empty', () => {
    expect(evaluate('void main(void) { r = alloc_page() != NULL; r = r * 10 + (alloc_page() == NULL); }', 'pool 1')).toBe(11);
  });
  it('refcount underflow is a bug', () => {
    const r = run('void t(void) { put_page(page0); put_page(page0); }', { a: 't()' }, PAGES);
    expect(r.headline).toMatch(/^Bug: put_page: reference count underflow on page0/);
  });
});

describe('page cache and disk', () => {
  it('find_get_page takes a reference; find_lock_page locks', () => {
    expect(evaluate('void main(void) { struct page *p = find_get_page(A, 0); r = (p == pageA) * 10 + page_count(p); put_page(p); r = r * 10 + (find_get_page(A, 1) == NULL); }', FILE)).toBe(121);
  });
  it('add_to_page_cache locks the new page, -EEXIST when taken; delete_from_page_cache needs the lock', () => {
    expect(evaluate('void main(void) { struct page *p = page_cache_alloc(A); r = add_to_page_cache(p, A, 1); r = r * 10 + PageLocked(p); r = r * 100 + -add_to_page_cache(page_cache_alloc(A), A, 1); unlock_page(p); }', FILE)).toBe(117);
    expect(run('void t(void) { delete_from_page_cache(pageA); }', { a: 't()' }, FILE).headline).toMatch(/^Bug: delete_from_page_cache\(\) on pageA, which is not locked/);
  });
  it('readpage reads the disk, marks uptodate and unlocks; beyond i_size it zero-fills', () => {
    expect(evaluate("void main(void) { struct page *p = page_cache_alloc(A); add_to_page_cache(p, A, 1); readpage(A, p); r = PageUptodate(p) * 10 + PageLocked(p); }", FILE)).toBe(10);
  });
  it('i_size_read/i_size_write; writepage writes the page to disk and cleans it', () => {
    expect(evaluate('void main(void) { i_size_write(A, 6); r = i_size_read(A); lock_page(pageA); set_page_dirty(pageA); writepage(pageA); r = r * 10 + PageDirty(pageA); unlock_page(pageA); }', FILE)).toBe(60);
  });
  it('zero_user inside the original content: a reader then sees a zero no write() wrote (corruption)', () => {
    const r = run('void t(void) { zero_user(pageA, 0, 2); copy_to_user(0x2000, pageA, 0, 2); }', { 'a@m0': 't()' }, MM);
    expect(r.outcome).toBe('corruption');
    expect(r.headline).toMatch(/a read returned a zero that no write\(\) wrote \(byte 0 of file A\)/);
  });
  it('memcpy_page keeps who wrote the bytes; block_read_page fills the rest of a page from disk', () => {
    const ok = run('void t(void) { struct page *p = alloc_page(); block_read_page(A, pageA, 0, 0); memcpy_page(p, 0, pageA, 0, 4); copy_to_user(0x2000, p, 0, 2); }', { 'a@m0': 't()' }, MM);
    expect(ok.outcome).toBe('ok');
    const bad = run('void t(void) { struct page *p = alloc_page(); copy_to_user(0x2000, p, 0, 2); }', { 'a@m0': 't()' }, MM);
    expect(bad.headline).toMatch(/^Corruption: a read returned a byte nobody wrote/);
  });
});

describe('user memory and page tables', () => {
  const withMm = (strategy: string) => evaluate(strategy, MM, true);
  it('find_vma, follow_page (FOLL_GET), install_pte and -EEXIST, zap_pte', () => {
    expect(withMm('void main(void) { struct vm_area_struct *vma = find_vma(current->mm, 0x1000); r = (find_vma(current->mm, 0x5000) == NULL) * 1000 + (follow_page(vma, 0x1000, 0) == NULL) * 100 + -install_pte(vma, 0x1000, pageA) * 0; r = r + (install_pte(vma, 0x1000, pageA) == -EEXIST) * 10 + (follow_page(vma, 0x1000, FOLL_GET) == pageA); zap_pte(vma, 0x1000); }')).toBe(1111);
  });
  it('__copy_from_user_inatomic copies from present PTEs only and returns what it did not copy', () => {
    expect(withMm('void main(void) { r = __copy_from_user_inatomic(pageA, 0, 0x2000, 2) * 10 + __copy_from_user_inatomic(pageA, 0, 0x1000, 2); }')).toBe(2);
  });
  it('copy_from_user faults the page in through the prelude (mmap_sem, fault handler)', () => {
    expect(withMm('void main(void) { r = copy_from_user(page_cache_alloc(A), 0, 0x1000, 2); r = r * 10 + (follow_page(find_vma(current->mm, 0x1000), 0x1000, 0) == pageA); }')).toBe(1);
  });
  it('lock_page under pagefault_disable() is "sleeping function called from invalid context"', () => {
    const r = run('void t(void) { pagefault_disable(); lock_page(page0); pagefault_enable(); }', { a: 't()' }, PAGES);
    expect(r.outcome).toBe('bug');
    expect(r.headline).toMatch(/^Bug: sleeping function called from invalid context: lock_page\(\) under pagefault_disable\(\)/);
    expect(run('void t(void) { local_irq_disable(); mutex_lock(m); }', { a: 't()' }, 'mutex m').headline).toMatch(/with interrupts disabled/);
  });
  it('a kernel thread has no mm: current->mm->mmap_sem is a NULL dereference', () => {
    const r = run('void t(void) { down_read(&current->mm->mmap_sem); }', { a: 't()' }, MM);
    expect(r.outcome).toBe('bug');
    expect(r.headline).toMatch(/NULL pointer dereference/);
  });
  it('a kernel thread copies from and to a kbuf (set_fs(KERNEL_DS)) without a fault; a task with an mm does not see it', () => {
    const KBUF = `${FILE}\nkbuf 0xc000 "XY"`;
    // from the kbuf: all copied (0 left), then 1 byte past its page is left; user_byte reads it
    expect(evaluate('void main(void) { r = __copy_from_user_inatomic(pageA, 0, 0xc000, 2) * 1000 + __copy_from_user_inatomic(pageA, 0, 0xc003, 2) * 100; r = r + (user_byte(0xc001) == 89) * 10 + (user_byte(0xc004) == -1); }', KBUF)).toBe(111);
    // to the kbuf: copy_to_user writes it
    expect(evaluate('void main(void) { r = __copy_to_user_inatomic(0xc000, pageA, 2, 2) * 1000 + user_byte(0xc000); }', KBUF)).toBe(99);
    // a task with an mm: the kernel address is not in its page tables
    expect(evaluate('void main(void) { r = __copy_from_user_inatomic(pageA, 0, 0xc000, 2) * 10 + (user_byte(0xc000) == -1); }', `${MM}\nkbuf 0xc000 "XY"`, true)).toBe(21);
    // the copied bytes are the kernel thread's
    const w = run('void t(void) { __copy_from_user_inatomic(pageA, 0, 0xc000, 2); }', { k: 't()' }, KBUF);
    const page = w.trace!.steps.at(-1)!.world!.pages.find((p) => p.name.startsWith('pageA'))!;
    expect(page.bytes.slice(0, 2)).toEqual([{ value: 88, writer: 'k' }, { value: 89, writer: 'k' }]);
  });
  it('kbuf lines are checked: page-aligned address, content as a string', () => {
    expect(run('void t(void) { }', { k: 't()' }, 'kbuf 0xc001 "XY"').headline).toMatch(/not page aligned/);
    expect(run('void t(void) { }', { k: 't()' }, 'kbuf 0xc000 XY').headline).toMatch(/content as a "string"/);
  });
  it('in_atomic, pagefault_disabled and irqs_disabled report the context', () => {
    expect(evaluate('void main(void) { pagefault_disable(); r = in_atomic() * 100 + pagefault_disabled() * 10 + irqs_disabled(); pagefault_enable(); local_irq_disable(); r = r * 10 + irqs_disabled(); local_irq_enable(); }')).toBe(1101);
  });
  it('mlock through the prelude sets VM_LOCKED and faults the range in', () => {
    expect(withMm('void main(void) { sys_mlock(0x1000, 4); r = (find_vma(current->mm, 0x1000)->vm_flags & VM_LOCKED) != 0; r = r * 10 + (follow_page(find_vma(current->mm, 0x1000), 0x1000, 0) == pageA); }')).toBe(11);
  });
});
