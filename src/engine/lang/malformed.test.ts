// Random programs built from the pieces pasted code brings (quote markers, diff markers, '¤t',
// elisions, a_ops calls, min_t, kmap, the 8-argument get_user_pages, smp_store_mb, atomics in
// either order, stray braces): the compiler always answers with positioned diagnostics or a
// program, and check() never reports an internal error.
import { describe, expect, it } from 'vitest';
import { check, compileStrategy } from '../index.js';

const PIECES = [
  'lock_page(page0);', 'unlock_page(page0);', '...', '[..]', '{', '}', 'if (x)', 'else', 'while (x > 0)', 'x--;',
  'x = min_t(size_t, x, 3);', 'x = max(x, min(1, 2));', 'down_read(¤t->mm->mmap_sem);', 'up_read(¤t->mm->mmap_sem);',
  'p = kmap(page0);', 'memcpy(p + 1, p, 1);', 'kunmap(page0);', 'p = kmap_atomic(page0, KM_USER0);', 'kunmap_atomic(p, KM_USER0);',
  'x = get_user_pages(current, current->mm, 0x1000, 1, 0, 0, &q, NULL);', 'page_cache_release(q);', 'x = a_ops->readpage(A, q);',
  'smp_store_mb(g, 1);', 'smp_store_mb(&g, 1);', 'atomic_add(&g, 1);', 'atomic_add(1, &g);', 'atomic_inc(g);',
  'goto out;', 'out:', 'break;', 'continue;', 'return x;', '#define K 3', 'x = K +', '(', ')', ';', 'x = (x', '+ x = 1;', '- x = 2;',
  'pagefault_disable()', 'wait_for_stable_page(q);', 'pte_offset_map_lock(0, 0, 0, 0);', 'x = x ? 1 : 2;', '"str"', "'c'", '¤',
];

function program(seed: number): string {
  let s = seed;
  const rnd = () => { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; return s / 0x7fffffff; };
  const lines: string[] = [];
  const n = 3 + Math.floor(rnd() * 12);
  for (let k = 0; k < n; k++) lines.push(`\t${PIECES[Math.floor(rnd() * PIECES.length)]}`);
  const quote = rnd() < 0.2 ? '> ' : '';
  const text = `int g;\nvoid f(void)\n{\n\tint x = 2;\n\tchar *p;\n\tstruct page *q = NULL;\n${lines.join('\n')}\n}\n`;
  return quote ? text.split('\n').map((l) => quote + l).join('\n') : text;
}

describe('malformed pasted code', () => {
  it('always gets positioned diagnostics or a program, never an internal error', () => {
    let errors = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const src = program(seed);
      const ds = compileStrategy(src, 'primer/abba');
      for (const d of ds) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.message.length).toBeGreaterThan(5);
      }
      if (ds.length) errors++;
      if (seed % 8 === 0) {
        const r = check({ scenario: 'primer/abba', strategy: `${src}\nvoid task_a(void) { f(); }\nvoid task_b(void) { }`, budget: { maxStates: 2000, maxMillis: 1000 } });
        expect(r.headline).not.toMatch(/internal engine error/);
      }
    }
    // the pieces are mostly wrong together: most programs are refused, some compile
    expect(errors).toBeGreaterThan(200);
    expect(errors).toBeLessThan(400);
  });
});
