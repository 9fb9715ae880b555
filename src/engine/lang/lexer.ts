// The lexer of the strategy language: kernel C tokens with their line and column.
// Preprocessor lines are tokens too (`#define NAME value`); `#include` lines are skipped,
// because a cell may carry them for the reader's eye. Text pasted from a mail archive is
// read as the sender wrote it (the '¤' of an archived '&current' included; see lang/paste.ts
// for quote markers and diff hunks).

export type TokenKind = 'ident' | 'number' | 'string' | 'char' | 'punct' | 'define' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  value: number; // numbers and chars
  line: number;
  column: number;
}

export interface LexError {
  line: number;
  column: number;
  message: string;
}

const PUNCTS = [
  '<<=', '>>=', '...',
  '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '(', ')', '{', '}', '[', ']', ';', ',', '.', '?', ':', '+', '-', '*', '/', '%', '&', '|', '^', '~', '!', '<', '>', '=',
];

const isIdentStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdent = (c: string) => isIdentStart(c) || (c >= '0' && c <= '9');
/** the punctuators that start with each character, longest first */
const PUNCTS_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTS) PUNCTS_BY_FIRST.set(p[0], [...(PUNCTS_BY_FIRST.get(p[0]) ?? []), p]);

export function lex(src: string): { tokens: Token[]; errors: LexError[] } {
  const tokens: Token[] = [];
  const errors: LexError[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  let atLineStart = true;
  const advance = (n: number) => {
    for (let k = 0; k < n; k++) {
      if (src[i] === '\n') { line++; col = 1; atLineStart = true; } else col++;
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { advance(1); continue; }
    if (c === ' ' || c === '\t' || c === '\r') { advance(1); continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') advance(1); continue; }
    if (c === '/' && src[i + 1] === '*') {
      const l0 = line, c0 = col;
      advance(2);
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) advance(1);
      if (i >= src.length) errors.push({ line: l0, column: c0, message: 'unterminated comment' });
      else advance(2);
      continue;
    }
    if (c === '#' && atLineStart) {
      const l0 = line, c0 = col;
      let end = i;
      while (end < src.length && src[end] !== '\n') end++;
      const text = src.slice(i, end);
      const m = /^#\s*define\b/.exec(text);
      if (m) tokens.push({ kind: 'define', text, value: 0, line: l0, column: c0 });
      else if (!/^#\s*(include|pragma)\b/.test(text)) errors.push({ line: l0, column: c0, message: `unsupported preprocessor line '${text.trim()}' (only #define of integer constants)` });
      advance(end - i);
      continue;
    }
    atLineStart = false;
    const l0 = line, c0 = col;
    if (c === '\u00a4') {
      // Mail archives render the HTML entity '&curren' as '¤', so a pasted '&current' reads
      // '¤t': it is read back as the '&' and the name the sender typed.
      let j = i + 1;
      while (j < src.length && isIdent(src[j])) j++;
      tokens.push({ kind: 'punct', text: '&', value: 0, line: l0, column: c0 });
      tokens.push({ kind: 'ident', text: `curren${src.slice(i + 1, j)}`, value: 0, line: l0, column: c0 });
      advance(j - i);
      continue;
    }
    if (isIdentStart(c)) {
      let j = i;
      while (j < src.length && isIdent(src[j])) j++;
      tokens.push({ kind: 'ident', text: src.slice(i, j), value: 0, line: l0, column: c0 });
      advance(j - i);
      continue;
    }
    if (c >= '0' && c <= '9') {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)([uUlL]*)/.exec(src.slice(i, i + 40))!;
      const value = Number(m[1].startsWith('0x') || m[1].startsWith('0X') ? parseInt(m[1], 16) : parseInt(m[1], m[1].length > 1 && m[1][0] === '0' ? 8 : 10));
      if (!Number.isFinite(value) || value > 0x7fffffff) errors.push({ line: l0, column: c0, message: `number '${m[0]}' does not fit in 31 bits` });
      tokens.push({ kind: 'number', text: m[0], value: value | 0, line: l0, column: c0 });
      advance(m[0].length);
      continue;
    }
    if (c === "'") {
      const m = /^'(\\.|[^'\\])'/.exec(src.slice(i, i + 5));
      if (!m) { errors.push({ line: l0, column: c0, message: 'bad character literal' }); advance(1); continue; }
      const body = m[1];
      const value = body.length === 2 ? ({ n: 10, t: 9, '0': 0, '\\': 92, "'": 39 } as Record<string, number>)[body[1]] ?? body.charCodeAt(1) : body.charCodeAt(0);
      tokens.push({ kind: 'char', text: m[0], value, line: l0, column: c0 });
      advance(m[0].length);
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"' && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      if (src[j] !== '"') { errors.push({ line: l0, column: c0, message: 'unterminated string' }); advance(j - i); continue; }
      tokens.push({ kind: 'string', text: src.slice(i + 1, j), value: 0, line: l0, column: c0 });
      advance(j + 1 - i);
      continue;
    }
    const p = PUNCTS_BY_FIRST.get(c)?.find((q) => src.startsWith(q, i));
    if (p) {
      tokens.push({ kind: 'punct', text: p, value: 0, line: l0, column: c0 });
      advance(p.length);
      continue;
    }
    errors.push({ line: l0, column: c0, message: `unexpected character '${c}'` });
    advance(1);
  }
  tokens.push({ kind: 'eof', text: '', value: 0, line, column: col });
  return { tokens, errors };
}
