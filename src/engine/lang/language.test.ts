// One test per language feature: a program computes a value into the shared global r.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../test/helpers.js';

describe('strategy language: expressions', () => {
  it('arithmetic with C precedence and 32-bit wrap', () => {
    expect(evaluate('void main(void) { r = 2 + 3 * 4 - 10 / 3 % 2; }')).toBe(13);
    expect(evaluate('void main(void) { r = 0x7fffffff + 1; }')).toBe(-2147483648);
    expect(evaluate('void main(void) { r = -7 / 2; }')).toBe(-3);
  });
  it('comparison, logical and bit operators', () => {
    expect(evaluate('void main(void) { r = (3 < 4) + (4 <= 4) * 2 + (5 > 6) * 4 + (1 != 1) * 8 + (2 == 2) * 16 + (3 >= 9) * 32; }')).toBe(19);
    expect(evaluate('void main(void) { r = (6 & 3) | (8 ^ 12) << 4 | ~0 & 0x100 | 1 << 2 >> 1; }')).toBe(0x100 | 0x40 | 2 | 2);
    expect(evaluate('void main(void) { r = !0 + !5 * 10 + (0 || 3) * 100 + (2 && 0) * 1000; }')).toBe(101);
  });
  it('&& and || short-circuit', () => {
    expect(evaluate('int hit(void) { r = r + 10; return 1; }\nvoid main(void) { if (0 && hit()) r = r + 1; if (1 || hit()) r = r + 2; }')).toBe(2);
  });
  it('?: and the comma operator', () => {
    expect(evaluate('void main(void) { int a = 5; r = a > 3 ? a * 2 : -1; }')).toBe(10);
    expect(evaluate('void main(void) { int a, b; for (a = 0, b = 10; a < b; a++, b--) ; r = a * 100 + b; }')).toBe(505);
  });
  it('assignment operators and ++/--', () => {
    expect(evaluate('void main(void) { int a = 3; a += 4; a -= 1; a *= 5; a /= 2; a %= 8; a <<= 3; a >>= 1; a |= 1; a &= 7; a ^= 2; r = a; }')).toBe(((((((3 + 4 - 1) * 5 / 2 | 0) % 8) << 3 >> 1) | 1) & 7) ^ 2);
    expect(evaluate('void main(void) { int a = 5; int b = a++; int c = ++a; int d = a--; r = b * 1000 + c * 100 + d * 10 + a; }')).toBe(5000 + 700 + 70 + 6);
  });
  it('casts and unsigned types are plain integers', () => {
    expect(evaluate('void main(void) { unsigned long x = (unsigned long)7; loff_t p = (loff_t)x; size_t n = 3; r = (int)(p + n); }')).toBe(10);
  });
  it('#define integer constants, including from other defines', () => {
    expect(evaluate('#define A 6\n#define B (A * 7)\nvoid main(void) { r = B; }')).toBe(42);
  });
  it('character literals and likely/unlikely', () => {
    expect(evaluate("void main(void) { if (likely('a' == 97) && !unlikely(0)) r = 'Z'; }")).toBe(90);
  });
  it('kernel constants and PAGE_SIZE of the scenario', () => {
    expect(evaluate('void main(void) { r = PAGE_SIZE * 100 + EFAULT; }')).toBe(414);
  });
});

describe('strategy language: statements', () => {
  it('if / else if / else', () => {
    expect(evaluate('int f(int x) { if (x < 0) return -1; else if (x == 0) return 0; else return 1; }\nvoid main(void) { r = f(-5) * 100 + f(0) * 10 + f(9); }')).toBe(-99);
  });
  it('while, do/while (body runs once), for with a declaration', () => {
    expect(evaluate('void main(void) { int i = 0; while (i < 10) i += 3; r = i; }')).toBe(12);
    expect(evaluate('void main(void) { int n = 0; do { n++; } while (0); r = n; }')).toBe(1);
    expect(evaluate('void main(void) { int s = 0; for (int i = 1; i <= 4; i++) s += i; r = s; }')).toBe(10);
  });
  it('break and continue', () => {
    expect(evaluate('void main(void) { int i, s = 0; for (i = 0; i < 100; i++) { if (i % 2) continue; if (i > 8) break; s += i; } r = s; }')).toBe(20);
    expect(evaluate('void main(void) { int i = 0; do { i++; if (i == 3) continue; if (i == 5) break; } while (i < 10); r = i; }')).toBe(5);
  });
  it('goto and labels', () => {
    expect(evaluate('void main(void) { int n = 0;\nagain:\n n++;\n if (n < 4) goto again;\n goto out;\n n = 100;\nout:\n r = n; }')).toBe(4);
  });
  it('functions with parameters, locals, recursion and block scopes', () => {
    expect(evaluate('int fact(int n) { if (n <= 1) return 1; return n * fact(n - 1); }\nvoid main(void) { r = fact(5); }')).toBe(120);
    expect(evaluate('void main(void) { int x = 1; { int x = 2; r = x; } r = r * 10 + x; }')).toBe(21);
  });
  it('a void function without return, and return values used in expressions', () => {
    expect(evaluate('void nothing(void) { }\nint two(void) { return 2; }\nvoid main(void) { nothing(); r = two() + two(); }')).toBe(4);
  });
  it('comments of both kinds and #include lines are ignored', () => {
    expect(evaluate('#include <linux/mm.h>\n// a comment\n/* a\n block */ void main(void) { r = /* inline */ 3; }')).toBe(3);
  });
});

describe('strategy language: shared memory and kernel objects', () => {
  it('globals with initialisers, &x and *p, READ_ONCE/WRITE_ONCE', () => {
    expect(evaluate('int x = 5;\nvoid main(void) { int *p = &x; WRITE_ONCE(*p, *p + 1); r = READ_ONCE(x); }')).toBe(6);
  });
  it('-> fields on kernel objects and current', () => {
    expect(evaluate('void main(void) { r = current->mm == NULL; }')).toBe(1);
  });
  it('BUG_ON(false) and WARN_ON(false) pass', () => {
    expect(evaluate('void main(void) { BUG_ON(0); if (!WARN_ON(0)) r = 1; }')).toBe(1);
  });
});
