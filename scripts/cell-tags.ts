// How the content check finds cells in a chapter: `<Cell … />` tags whose attributes are plain
// string literals (the cell convention), so a script can read them without compiling MDX.

export interface CellTag {
  file: string;
  line: number;
  attrs: Record<string, string>;
  problems: string[];
}

/** Find `<Cell … />` tags; attributes must be plain string literals (the convention). */
export function cellTags(file: string, text: string): CellTag[] {
  const tags: CellTag[] = [];
  // attribute values may hold '>' (`page->mapping` in a title), so match attribute by attribute
  const tag = /<Cell\b((?:\s+[A-Za-z_][\w-]*\s*=\s*(?:"[^"]*"|'[^']*'|\{[^}]*\}))*)\s*\/>/g;
  for (const m of text.matchAll(tag)) {
    const line = text.slice(0, m.index).split('\n').length;
    const attrs: Record<string, string> = {};
    const problems: string[] = [];
    const body = m[1];
    for (const a of body.matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{))/g)) {
      if (a[4]) problems.push(`attribute ${a[1]} is an expression; cells take plain string literals`);
      else attrs[a[1]] = a[2] ?? a[3];
    }
    for (const required of ['id', 'chapter', 'title', 'scenario', 'expect']) {
      if (!(required in attrs)) problems.push(`missing ${required}="…"`);
    }
    tags.push({ file, line, attrs, problems });
  }
  return tags;
}
