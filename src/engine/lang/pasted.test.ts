// Code pasted from the threads: mail quotes, diff hunks, the archive's '¤t', and the kernel
// names of 2007 (kmap, memcpy, min_t, page_cache_release, the 8-argument get_user_pages,
// a_ops->prepare_write), lowered onto the model. Each runs, or gets a precise reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, compileStrategy } from '../index.js';
import { evaluate, scenario } from '../test/helpers.js';
import { unpaste } from './paste.js';

const cell = readFileSync(new URL('../../content/cells/2007-pagecache-write-deadlocks/gup-pin.c', import.meta.url), 'utf8');
/**
 * The chapter's reconstruction of Nick Piggin's patch 9/9 (the posting of 29 January 2007 in the thread copy) with its middle, from the
 * !PageUptodate branch to the copy, replaced by the email's own lines as the thread quotes them
 * (diff markers, '¤t', kmap, min, the 8-argument get_user_pages, a_ops->prepare_write), plus
 * the few lines marked "ours" that the email leaves out.
 */
const nick = (() => {
  const lines = cell.split('\n');
  const from = lines.findIndex((l) => l.trim() === 'if (!PageUptodate(page)) {');
  const to = lines.findIndex((l) => l.trim().startsWith('commit_write('));
  if (from < 0 || to < from) throw new Error('gup-pin.c no longer has the lines the hunk replaces');
  const hunk = readFileSync(new URL('./pasted/nick-2007-01-29.hunk', import.meta.url), 'utf8').trimEnd().split('\n');
  return [...lines.slice(0, from), ...hunk, ...lines.slice(to)].join('\n');
})();
const first = (src: string, scn = 'primer/abba') => {
  const d = compileStrategy(src, scn)[0];
  return d ? `${d.line}:${d.column}: ${d.message}` : 'no error';
};

describe('pasted text is read as the sender wrote it', () => {
  it('a diff hunk: - lines dropped, + and context lines kept, lines and columns unchanged', () => {
    const hunk = ' int a = 1;\n-int b = 2;\n+int b = 3;\n@@ -1,2 +1,2 @@\n';
    expect(unpaste(hunk)).toBe(' int a = 1;\n\n int b = 3;\n\n');
    expect(evaluate('void main(void)\n{\n int b = 1;\n-\tb = 2;\n+\tb = b + 40;\n r = b;\n}')).toBe(41);
    // an unmarked line around the hunk stays, even one that starts like a header word
    expect(evaluate('int diff;\nvoid main(void)\n{\ndiff = 1;\n-\tdiff = 2;\n+\tdiff = diff + 40;\nr = diff;\n}')).toBe(41);
  });
  it('mail quote markers come off, at any depth', () => {
    const quoted = check({ scenario: scenario({ t: 'main()' }, 'observe r'), strategy: '> > int r;\n> > void main(void)\n> > {\n> > +\tr = 7;\n> > -\tr = 8;\n> > }' });
    expect(quoted.finals?.map((f) => f.values.r)).toEqual([7]);
    expect(first('> void f(void) {\n>   lock_pgae(page0);\n> }')).toBe("2:5: unknown function 'lock_pgae' (did you mean 'lock_page'?)");
  });
  it("C that only looks like a diff is left alone: ++/-- and indented operators", () => {
    expect(evaluate('int n = 5;\nvoid main(void)\n{\nr = 1\n- 2;\n--n;\nr = r * 10 + n;\n}')).toBe(-6);
  });
  it("the archive's '¤t' is '&current'", () => {
    expect(evaluate('void main(void) { struct mm_struct *mm = current->mm; down_read(¤t->mm->mmap_sem); r = mm != 0; up_read(&mm->mmap_sem); }', 'mm m0', true)).toBe(1);
  });
  it("an elision gets 'the email leaves code out here'", () => {
    expect(first('void f(void)\n{\n\tlock_page(page0);\n\t...\n}')).toBe('4:2: the email leaves code out here: write the missing code (or delete the line) to run it');
    expect(first('void f(void)\n{\n\t[..]\n}')).toMatch(/^3:2: the email leaves code out here/);
    expect(first('void f(void) { unlock_page(...); }')).toMatch(/^1:28: the email leaves code out here/);
  });
  it('a #define may stand inside a function, as the preprocessor allows', () => {
    expect(evaluate('void main(void)\n{\n#define PAGE_PIN_BIAS 1024\n\tr = PAGE_PIN_BIAS;\n}')).toBe(1024);
  });
});

describe("the threads' kernel names", () => {
  it('page_cache_get and page_cache_release are get_page and put_page', () => {
    expect(evaluate('void main(void) { page_cache_get(page0); r = page_count(page0); page_cache_release(page0); r = r * 10 + page_count(page0); }', 'page page0')).toBe(21);
  });
  it('min, max, min_t, max_t evaluate each argument once', () => {
    expect(evaluate('int n;\nint next(void) { n++; return n; }\nvoid main(void) { r = min(next(), 5) * 10 + n; }')).toBe(11);
    expect(evaluate('void main(void) { r = min_t(size_t, 7, 3) * 100 + max_t(unsigned long, 2, 9) * 10 + max(-1, -4) + 1; }')).toBe(390);
    expect(first('void f(void) { int x = min_t(3, 1, 2); }')).toBe('1:30: min_t(type, x, y): the first argument is a type, as in min_t(size_t, a, b)');
    expect(first('void f(void) { int x = min(1); }')).toBe("1:24: 'min' takes 2 arguments but was given 1");
    expect(first('void f(void) { unlock_page(size_t); }')).toBe('1:28: a type is not a value: only min_t() and max_t() take one as an argument');
  });
  it('min() leaves no trace in the state: the same states as the hand-written ?:', () => {
    // a reads y (0 or 1, as b's store races it); min(y, 0) is 0 either way, so what a read must not
    // linger in a hidden temporary and split the states that follow
    const states = (expr: string) => check({
      scenario: scenario({ a: 'a()', b: 'b()' }, 'global y\nglobal z'),
      strategy: `void a(void) { int v = READ_ONCE(y); int t = ${expr}; v = 0; WRITE_ONCE(z, t); WRITE_ONCE(z, 2); }\nvoid b(void) { WRITE_ONCE(y, 1); }`,
    }).stats.states;
    expect(states('min(v, 0)')).toBe(states('v < 0 ? v : 0'));
  });
  it('a program\'s own min() wins over the kernel\'s', () => {
    expect(evaluate('int min(int a, int b) { return 42; }\nvoid main(void) { r = min(1, 2); }')).toBe(42);
  });
  const pages = 'page-size 4\nfile A "abcd"\npage src file A index 0 uptodate\npage dst\n';
  const bytesOf = (strategy: string, extra = '', mm = false) => {
    const r = check({ scenario: scenario({ [mm ? 't@m0' : 't']: 'main()' }, pages + extra), strategy });
    return { r, dst: r.trace?.steps.at(-1)?.world.pages.find((p) => p.name.includes('dst'))?.bytes.map((b) => b.value) };
  };
  it('kmap gives a kernel address; memcpy between kernel addresses copies page bytes', () => {
    const { r, dst } = bytesOf('void main(void) {\n\tchar *s = kmap(src), *d = kmap(dst);\n\tmemcpy(d + 1, s + 2, 2);\n\tkunmap(dst);\n\tkunmap(src);\n}');
    expect(r.outcome).toBe('ok');
    expect(dst?.slice(1, 3)).toEqual(['c'.charCodeAt(0), 'd'.charCodeAt(0)]);
  });
  it('a copy that leaves the page is a bug, not a write into the next page', () => {
    const { r } = bytesOf('void main(void) { memcpy(kmap(dst) + 3, kmap(src), 2); }');
    expect(r.outcome).toBe('bug');
    expect(r.headline).toMatch(/outside the 4-byte page/);
    expect(bytesOf('void main(void) { memcpy(page0, kmap(src), 1); }', 'page page0').r.headline).toMatch(/not a kernel address of a page/);
  });
  it('kmap_atomic disables page faults until kunmap_atomic, with or without the 2.6.20 slot', () => {
    expect(evaluate('void main(void) { char *k = kmap_atomic(page0, KM_USER0); r = in_atomic(); kunmap_atomic(k, KM_USER0); r = r * 10 + in_atomic(); }', 'page page0')).toBe(10);
    expect(evaluate('void main(void) { char *k = kmap_atomic(page0); r = pagefault_disabled(); kunmap_atomic(k); }', 'page page0')).toBe(1);
    const r = check({ scenario: scenario({ t: 'main()' }, 'page page0'), strategy: 'void main(void) { char *k = kmap_atomic(page0, KM_USER0); lock_page(page0); }' });
    expect(r.outcome).toBe('bug');
    expect(r.headline).toMatch(/sleeping function called from invalid context/);
  });
  it('__copy_from_user_inatomic_nocache copies user bytes to a kernel address', () => {
    const { r, dst } = bytesOf('void main(void) {\n\tint left = __copy_from_user_inatomic_nocache(kmap(dst) + 2, 0x1000, 2);\n\tBUG_ON(left);\n}', 'mm m0\nanon m0 0x1000 "hi"', true);
    expect(r.outcome).toBe('ok');
    expect(dst?.slice(2)).toEqual(['h'.charCodeAt(0), 'i'.charCodeAt(0)]);
  });
  it('a_ops->method(…) calls the model\'s address_space operation; other function pointers are refused', () => {
    expect(first('void f(struct file *mapping, struct page *page) { mapping->a_ops->readpage(mapping, page); }')).toBe('no error');
    expect(first('void f(struct file *file, struct page *page) { int e = a_ops->prepare_write(file, page, 0, 1); }')).toBe('no error');
    expect(first('void f(struct vm_area_struct *vma) { vma->vm_ops->fault(vma, 0); }')).toMatch(/calls through function pointers are not modelled/);
  });
  it('the 2007 get_user_pages: NULL pages, or &page with one page; anything else is refused with the reason', () => {
    const ok = 'void f(struct mm_struct *mm) { struct page *p; int n = get_user_pages(current, mm, 0x1000, 1, 0, 0, &p, NULL); int m = get_user_pages(current, mm, 0x1000, 2, 1, 0, NULL, NULL); }';
    expect(first(ok)).toBe('no error');
    const pinned = (addr: string) => evaluate(`void main(void) {
	struct page *p = NULL;
	down_read(¤t->mm->mmap_sem);
	r = get_user_pages(current, current->mm, ${addr}, 1, 0, 0, &p, NULL);
	up_read(¤t->mm->mmap_sem);
	if (p) { r = r * 10 + page_count(p); put_page(p); }
}`, 'file A "abcd"\npool 2\nmm m0\nmap m0 0x1000 file A', true);
    expect(pinned('0x1000')).toBe(13); // 1 page; its count: the cache's, the mapping's and ours
    expect(pinned('0x5000')).toBe(-14); // nothing mapped there: -EFAULT
    expect(first('void f(struct mm_struct *mm) { struct page *p; int n = get_user_pages(current, mm, 0x1000, 2, 0, 0, &p, NULL); }')).toMatch(/nr_pages must be 1/);
    expect(first('void f(struct mm_struct *mm) { struct page *p; int n = get_user_pages(current, mm, 0x1000, 1, 0, 0, &p, 5); }')).toMatch(/returns no vmas/);
  });
  it('set_page_writeback is test_set_page_writeback', () => {
    expect(evaluate('void main(void) { lock_page(page0); set_page_writeback(page0); r = PageWriteback(page0); end_page_writeback(page0); unlock_page(page0); }', 'page page0')).toBe(1);
  });
  it('kernel API the model leaves out is named as such, with what the model has instead', () => {
    expect(first('void f(void) { page_add_file_rmap(page0); }')).toBe("1:16: 'page_add_file_rmap' is kernel API the model leaves out: the reverse map is implicit: install_pte() counts the mapping (page_mapcount)");
    expect(first('void f(void) { int ptl; pte_offset_map_lock(0, 0, 0, &ptl); }')).toMatch(/no page-table locks/);
    expect(first('int page_add_file_rmap(struct page *p) { return 0; }\nvoid f(void) { page_add_file_rmap(page0); }')).toBe('no error');
  });
  it('wait_for_stable_page waits for writeback (the 2019 kernel\'s own definition wins where it exists)', () => {
    expect(first('void f(struct page *page) { wait_for_stable_page(page); }')).toBe('no error');
    expect(compileStrategy('void f(struct page *page) { wait_for_stable_page(page); }', '2019/gup-writeback')).toEqual([]);
  });
});

describe("Nick Piggin's hunk as posted on 29 January 2007, pasted with its markers", () => {
  // the chapter's reconstruction and the email's own lines must be the same program to the explorer
  for (const id of ['2007/same-page', '2007/append', '2007/two-writers']) {
    it(`gives the chapter cell's verdict, states and costs in ${id}`, () => {
      const pasted = check({ scenario: id, strategy: nick });
      const ours = check({ scenario: id, strategy: cell });
      expect(pasted.outcome).toBe('ok');
      expect([pasted.outcome, pasted.stats.states, pasted.stats.transitions, pasted.costs]).toEqual([ours.outcome, ours.stats.states, ours.stats.transitions, ours.costs]);
    });
  }
  it('quoted once more in a reply (every line under "> "), it still runs', () => {
    const quoted = nick.split('\n').map((l) => `> ${l}`).join('\n');
    expect(check({ scenario: '2007/same-page', strategy: quoted }).outcome).toBe('ok');
  });
});
