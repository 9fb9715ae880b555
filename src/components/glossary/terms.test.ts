// The glossary's data: ids are unique anchors, every <Term id> in the content names a term, and the
// terms the chapters lean on are all defined.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TERMS, term } from './terms';

const docs = resolve(dirname(fileURLToPath(import.meta.url)), '../../content/docs');
const mdx = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdx(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
  );

describe('glossary terms', () => {
  it('ids are unique and usable as anchors', () => {
    const ids = TERMS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });
  it('every <Term id> in the content names a defined term', () => {
    for (const file of mdx(docs)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/<Term id="([^"]+)"/g)) expect(() => term(m[1]), file).not.toThrow();
    }
  });
  it('an unknown term is a clear error naming the known ones', () => {
    expect(() => term('nope')).toThrow(/no term 'nope' \(known: page-cache/);
  });
  it('defines the terms the chapters lean on', () => {
    for (const id of ['bh-new', 'ordered-mode', 'prio-tree', 'stable-pages', 'thread-notation', 'gup', 'gup-fast', 'foll-write', 'pg-locked', 'pg-uptodate', 'mapcount', 'refcount', 'writeback']) {
      expect(TERMS.some((t) => t.id === id), id).toBe(true);
    }
  });
});
