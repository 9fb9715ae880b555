// The engine's docs (src/engine/README.md and docs/engine/*.md) document every builtin: each
// registered builtin's name appears in backticks somewhere in them, and each name in the first
// column of a builtin table (a table whose header starts `| builtin |`) is a registered builtin.
// Cheap, and it keeps the docs true.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinTable } from '../kernel/builtins/index.js';

const docs = new URL('../../../docs/engine/', import.meta.url);
const readme = [
  readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8'),
  ...readdirSync(docs).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(fileURLToPath(new URL(f, docs)), 'utf8')),
].join('\n');
const identifiers = (text: string) => [...text.matchAll(/`([^`\n]+)`/g)].flatMap((m) => [...m[1].matchAll(/[A-Za-z_]\w*/g)].map((x) => x[0]));

/** first-column names of every `| builtin | …` table */
function tabled(): string[] {
  const names: string[] = [];
  let inTable = false;
  for (const line of readme.split('\n')) {
    if (/^\|\s*builtin\s*\|/.test(line)) { inTable = true; continue; }
    if (!line.startsWith('|')) { inTable = false; continue; }
    if (inTable && !/^\|\s*-/.test(line)) names.push(...identifiers(line.split('|')[1]));
  }
  return names;
}

describe('the engine\'s docs and the builtin table', () => {
  const registered = builtinTable().map((b) => b.name);
  it('every registered builtin is named in the docs', () => {
    const mentioned = new Set(identifiers(readme));
    expect(registered.filter((n) => !mentioned.has(n))).toEqual([]);
  });
  it('every name in a builtin table is a registered builtin', () => {
    const names = tabled();
    expect(names.length).toBeGreaterThan(100);
    const known = new Set(registered);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
  });
});
