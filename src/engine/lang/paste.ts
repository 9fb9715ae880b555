// Code pasted from a mailing-list message, read as the sender's code: mail quote markers
// (`> > `) are taken off, and a diff hunk is applied (a `-` line is dropped, `+` and context
// lines are kept). Every line keeps its number and every kept character its column, so a
// diagnostic points at the pasted text itself: removed characters become spaces, dropped
// lines become empty lines. Text that is neither is returned unchanged.

/** `> ` levels at the start of a line (a mail quote), with an optional space after each `>` */
const QUOTE = /^(?:[ \t]*>[ \t]?)+/;
/** a diff hunk's marker followed by code: `+ x`, `-\tfoo`, a bare `+` */
const DIFF_LINE = /^[+-](?:[ \t]|$)/;
/** diff headers and notes, never code */
const DIFF_HEADER = /^(?:@@ .*@@.*|--- .*|\+\+\+ .*|diff -.*|index [0-9a-f]+\.\.[0-9a-f]+(?: \d+)?|\\ No newline at end of file)$/;

/** the length of each line's quote prefix, or null unless every non-blank line is quoted */
function commonQuote(lines: string[]): number[] | null {
  const cut: number[] = [];
  let quoted = 0;
  for (const l of lines) {
    if (!l.trim()) { cut.push(0); continue; }
    const m = QUOTE.exec(l);
    if (!m) return null;
    cut.push(m[0].length);
    quoted++;
  }
  return quoted ? cut : null;
}

/** a line after which a new line starts a new statement (so a `- x` there is not a continuation) */
const ENDS = /(?:[;{})]|\*\/)\s*$/;

/**
 * Is the text a diff hunk? A hunk header, or a `+`/`-` marker followed by a space or tab, where
 * no such line could continue an unmarked line of C before it (`r = 1` then `- 2;` is C).
 */
export function isDiff(lines: readonly string[]): boolean {
  if (lines.some((l) => /^(@@ .*@@|\+\+\+ |--- )/.test(l))) return true;
  let marked = false;
  let prev = ''; // the last non-blank line
  for (const l of lines) {
    if (!l.trim()) continue;
    if (DIFF_LINE.test(l)) {
      if (prev && !DIFF_LINE.test(prev) && !ENDS.test(prev) && !/^\s*(#|\/\/)/.test(prev)) return false;
      marked = true;
    }
    prev = l;
  }
  return marked;
}

/** the code the pasted text carries, line for line and column for column */
export function unpaste(src: string): string {
  if (!src.includes('>') && !/^[+-]/m.test(src)) return src;
  let lines = src.split('\n');
  const cut = commonQuote(lines);
  if (cut) lines = lines.map((l, k) => ' '.repeat(cut[k]) + l.slice(cut[k]));
  // a diff marker sits where the quote ended (column 1 when the text was not quoted)
  const at = lines.map((_, k) => (cut ? cut[k] : 0));
  const bodies = lines.map((l, k) => l.slice(at[k]));
  if (!isDiff(bodies)) return cut ? lines.join('\n') : src;
  return lines.map((l, k) => {
    const body = bodies[k];
    if (DIFF_HEADER.test(body)) return '';
    if (body[0] === '-') return ''; // the line the hunk removes
    if (body[0] === '+') return `${l.slice(0, at[k])} ${body.slice(1)}`; // the line it adds
    return l; // a context line (its marker is a space already) or text the hunk did not mark
  }).join('\n');
}
