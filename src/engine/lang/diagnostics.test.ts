// Compile errors read like a compiler's, with line and column.
import { describe, expect, it } from 'vitest';
import { compileStrategy } from '../index.js';

const first = (src: string) => {
  const d = compileStrategy(src, 'primer/abba')[0];
  return d ? `${d.line}:${d.column}: ${d.message}` : 'no error';
};

describe('compileStrategy diagnostics', () => {
  it('unknown function, with a suggestion', () => {
    expect(first('void f(void)\n{\n\tlock_pgae(page0);\n}')).toBe("3:2: unknown function 'lock_pgae' (did you mean 'lock_page'?)");
    expect(first('void f(void) { frobnicate(); }')).toBe("1:16: unknown function 'frobnicate'");
  });
  it('wrong argument counts, for builtins and for the reader\'s functions', () => {
    expect(first('void f(void) { unlock_page(); }')).toBe("1:16: 'unlock_page' takes 1 argument but was given 0");
    expect(first('int g(int a, int b) { return a; }\nvoid f(void) { g(1); }')).toBe("2:16: 'g' takes 2 arguments but was given 1");
  });
  it('unknown names and fields, with suggestions', () => {
    expect(first('void f(void) { lock_page(pgae0); }')).toBe("1:26: unknown name 'pgae0' (did you mean 'page0'?)");
    expect(first('void f(void) { int x = page0->mapingg; }')).toBe("1:29: unknown field 'mapingg' (did you mean 'mapping'?)");
  });
  it('syntax errors', () => {
    expect(first('void f(void) { int x = 1 }')).toBe("1:26: expected ';' after the declaration but found '}'");
    expect(first('void f(void) { if x) {} }')).toBe("1:19: expected '(' after 'if' but found 'x'");
    expect(first('void f(void) {')).toBe("1:15: expected '}' before the end of the code (the '{' at 1:14 is not closed)");
    expect(first('void f(void) { return 1 @ 2; }')).toMatch(/^1:25: unexpected character '@'/);
  });
  it('labels, break outside a loop, unsupported constructs', () => {
    expect(first('void f(void) { goto nowhere; }')).toBe("1:16: unknown label 'nowhere'");
    expect(first('void f(void) { break; }')).toBe("1:16: 'break' outside a loop");
    expect(first('void f(void) { int a[3]; }')).toMatch(/arrays are not supported/);
    expect(first('#define F(x) (x)\nvoid f(void) {}')).toMatch(/only integer constants/);
  });
  it('redefining a builtin, duplicate functions and variables', () => {
    expect(first('void lock_page(struct page *p) { }')).toMatch(/kernel primitive/);
    expect(first('void f(void) {}\nvoid f(void) {}')).toBe("2:6: function 'f' is defined twice");
    expect(first('void f(void) { int a; int a; }')).toBe("1:27: 'a' is already declared in this scope");
  });
  it('assignments to things that cannot be assigned', () => {
    expect(first('void f(void) { PAGE_SIZE = 3; }')).toBe("1:16: cannot assign to constant 'PAGE_SIZE'");
    expect(first('void f(void) { page0->index = 3; }')).toMatch(/cannot be assigned/);
  });
  it('a strategy that overrides a prelude function compiles', () => {
    expect(compileStrategy('int filemap_fault(struct vm_area_struct *vma, unsigned long address) { return 0; }', '2007/same-page')).toEqual([]);
  });
});

describe('light type checks', () => {
  it('-> on an integer local, or a field of another struct', () => {
    expect(first('void f(void) { int n = 3; int x = n->index; }')).toBe("1:36: 'n' is declared int, not a pointer: '->index' needs a pointer to a kernel object");
    expect(first('void f(struct page *page) { int x = page->i_size; }')).toBe("1:41: struct page has no field 'i_size' (it is a field of struct file)");
    expect(first('void f(struct inode *inode) { int x = inode->i_size; }')).toBe('no error');
  });
});
