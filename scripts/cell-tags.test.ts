import { describe, expect, it } from 'vitest';
import { cellTags } from './cell-tags';

describe('cellTags', () => {
  it('reads plain string attributes, in either quotes, across lines, with its line number', () => {
    const text = `# t\n\nSome prose.\n\n<Cell id="a" chapter="c" title="x->mapping > 0"\n  scenario="s/1" expect='deadlock' params='{"tasks":2}' />\n`;
    const [tag] = cellTags('f.mdx', text);
    expect(tag.line).toBe(5);
    expect(tag.attrs).toEqual({ id: 'a', chapter: 'c', title: 'x->mapping > 0', scenario: 's/1', expect: 'deadlock', params: '{"tasks":2}' });
    expect(tag.problems).toEqual([]);
  });

  it('flags expression attributes and missing required attributes', () => {
    const [tag] = cellTags('f.mdx', '<Cell id={name} chapter="c" title="t" scenario="s" />');
    expect(tag.problems).toContain('attribute id is an expression; cells take plain string literals');
    expect(tag.problems).toContain('missing expect="…"');
  });

  it('ignores other components whose names start with Cell', () => {
    expect(cellTags('f.mdx', '<CellFigure cell="a" chapter="c" scenario="s" show="states" />')).toEqual([]);
  });

  it('finds every cell of a page', () => {
    const one = '<Cell id="a" chapter="c" title="t" scenario="s" expect="ok" />';
    expect(cellTags('f.mdx', `${one}\n\ntext\n\n${one.replace('"a"', '"b"')}`).map((t) => t.attrs.id)).toEqual(['a', 'b']);
  });
});
