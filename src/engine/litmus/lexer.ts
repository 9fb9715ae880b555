// Tokens of the litmus C format: C-ish code plus herd's `(* … *)` comments and the `/\` `\/`
// connectives of conditions.

export interface Token {
  kind: 'ident' | 'num' | 'punct' | 'string' | 'eof';
  text: string;
  line: number;
}

const puncts = ['/\\', '\\/', '==', '!=', '<=', '>=', '&&', '||', '<<', '>>', '->',
  '(', ')', '{', '}', '[', ']', ';', ',', '*', '=', '~', '!', '+', '-', '&', '|', '<', '>', ':', '?', '/', '%', '^', '.'];

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  const skipUntil = (end: string) => {
    const j = text.indexOf(end, i);
    const stop = j < 0 ? text.length : j + end.length;
    for (; i < stop; i++) if (text[i] === '\n') line++;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    // herd's comments; `(*x` in code is a parenthesised dereference, so a comment needs a space after
    if (text.startsWith('(*', i) && /[\s*)]/.test(text[i + 2] ?? ' ')) { skipUntil('*)'); continue; }
    if (text.startsWith('/*', i)) { skipUntil('*/'); continue; }
    if (text.startsWith('//', i)) { skipUntil('\n'); continue; }
    if (c === '"') {
      const start = line;
      const from = ++i;
      skipUntil('"');
      out.push({ kind: 'string', text: text.slice(from, i - 1), line: start });
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 200));
    if (ident) { out.push({ kind: 'ident', text: ident[0], line }); i += ident[0].length; continue; }
    const num = /^(0x[0-9a-fA-F]+|\d+)/.exec(text.slice(i, i + 40));
    if (num) { out.push({ kind: 'num', text: num[0], line }); i += num[0].length; continue; }
    const p = puncts.find((s) => text.startsWith(s, i));
    if (!p) throw new Error(`${line}: unexpected character '${c}'`);
    out.push({ kind: 'punct', text: p, line });
    i += p.length;
  }
  out.push({ kind: 'eof', text: '', line });
  return out;
}
