import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../lang/parser.js';
import { PRELUDE } from '../kernel/prelude.js';
import { definedFunctions } from './defines.js';
import { REPO_ROOT } from './node-loader.js';

function cFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? cFiles(path) : name.endsWith('.c') ? [path] : [];
  });
}

describe('definedFunctions', () => {
  it('finds definitions at depth 0 only, past comments, strings, #defines and prototypes', () => {
    const src = [
      '#define f(x) { x }',
      '/* int fake(void) { } */',
      '// int fake2(void) {',
      'int proto(int a);',
      'static const char *s = "int fake3(void) {";',
      'unsigned long\nwrite_end(struct file *f, unsigned copied,\n\t\tstruct page *p)\n{',
      '\tif (copied) { while (x(1)) { } }',
      '\treturn g((1), 2);',
      '}',
      'void other(void){}',
    ].join('\n');
    expect(definedFunctions(src)).toEqual(['write_end', 'other']);
  });

  it('agrees with the engine parser on the prelude and on every strategy file in the repository', () => {
    const files = [...cFiles(join(REPO_ROOT, 'src/content/cells')), ...cFiles(join(REPO_ROOT, 'src/content/exercises'))];
    expect(files.length).toBeGreaterThan(20);
    for (const [name, text] of [['prelude', PRELUDE] as const, ...files.map((f) => [f, readFileSync(f, 'utf8')] as const)]) {
      const { unit, errors } = parse(text);
      if (errors.length) continue; // a file of deliberate syntax errors says nothing here
      expect(definedFunctions(text), name).toEqual(unit.functions.map((f) => f.name));
    }
  });
});
