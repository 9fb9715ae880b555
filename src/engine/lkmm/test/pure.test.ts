// The checker runs in the page's Worker as in Node: its modules import nothing but each other and
// the litmus reader's index (no Node APIs, no DOM), and it decides a test from its text alone.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

describe('lkmm/ is pure TypeScript', () => {
  it('imports only its own modules and ../litmus/index', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const imports = [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect(i, `${f} imports ${i}`).toMatch(/^\.\/[a-z-]+\.js$|^\.\.\/litmus\/index\.js$/);
    }
  });
});
