// The threads' own code, as written: every C snippet in the mailing-list copies
// (../shared/sources, or FAULTLINES_SOURCES), wrapped only in the function its thread's scenario
// calls, is run through the engine. Prints runs / total and each snippet with its result, and
// writes the same into src/engine/AS-WRITTEN.md (this script owns that file).
//
//   npm run as-written
//
// What counts as a code snippet (the rule, applied line by line after taking off the mail's
// quote markers `> > `; a diff marker `+`/`-` stays, the engine reads hunks):
// - a code line ends with `;`, `{`, `}` or `,`, or starts with `{` or `}`, or is a `#define`, or
//   calls something (`name(` or `if (`) using only C's characters, or is an elision (`...`,
//   `[..]`); a line with four plain words in a row (outside comments) is prose, never code;
// - a diagram is not code: a line with a column bar (` | `); neither is a shell command
//   (`$ …`, `# …`) nor a numbered list (`2.   lock_page`);
// - a snippet is a run of code lines, with comment and blank lines inside it (at most two blank
//   lines in a row, when code follows), of at least two code lines or one ending with `;`;
// - the same snippet quoted again in a reply counts once, and so does a snippet whose text is
//   part of a longer one (a reply quoting part of it): both are listed under the first.
// Each snippet becomes the body of the function its thread's scenario calls (THREADS below), with
// nothing else added: names it uses but does not declare stay undeclared.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../src/engine/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourcesDir = process.env.FAULTLINES_SOURCES ?? resolve(root, '../shared/sources');
const outFile = join(root, 'src/engine/AS-WRITTEN.md');

const GUP_WRITE = 'ssize_t generic_file_buffered_write(struct file *file, loff_t pos, char __user *buf, size_t count)';
/** per thread: the scenario its code runs in, and the function of that scenario the code is the body of */
const THREADS: Record<string, { scenario: string; wrapper: string }> = {
  // do_no_page() after ->nopage: the model's fault handler, reached by the faulting task
  '2006-01-fault-vs-invalidate-race.txt': { scenario: '2006/truncate', wrapper: 'int filemap_fault(struct vm_area_struct *vma, unsigned long address)' },
  // the buffered write path: what write() runs for the writing task
  '2006-12-buffered-write-path-deadlocks.txt': { scenario: '2007/append', wrapper: GUP_WRITE },
  '2007-02-pagecache-write-deadlocks.txt': { scenario: '2007/same-page', wrapper: GUP_WRITE },
  // the pin a driver takes on a page (the 2019 kernel's hook)
  '2019-01-gup-page-pinning.txt': { scenario: '2019/gup-writeback', wrapper: 'void get_page_pin(struct page *page)' },
};

interface Snippet { file: string; line: number; lines: string[]; also: string[] }

const QUOTE = /^(?:[ \t]*>[ \t]?)*/;
const stripComments = (s: string) => s.replace(/\/\*.*?(\*\/|$)/g, ' ').replace(/\/\/.*$/, ' ').trim();
const isCommentLine = (s: string) => /^(\/\*|\*|\/\/)/.test(s);

/** the line without its diff marker */
function unmarked(body: string): string {
  return /^[+-](?:[ \t]|$)/.test(body) || /^\+\S/.test(body) ? body.slice(1) : body;
}

function isCode(body: string): boolean {
  const rest = unmarked(body).trim();
  if (!rest) return false;
  if (/(^|\s)\|(\s|$)/.test(rest) || /^[$#]\s/.test(rest) || /^\d+[.)]\s/.test(rest) || /^[a-z]\.\s/.test(rest)) return false;
  if (rest.includes('@') || /^[A-Z][\w-]*:\s/.test(rest)) return false; // mail headers and addresses
  if (rest === '...' || /^\[\.\.\.?\]$/.test(rest) || /^#\s*define\b/.test(rest)) return true;
  const c = stripComments(rest);
  if (!c || /[A-Za-z_]+ [A-Za-z_]+ [A-Za-z_]+ [A-Za-z_]+/.test(c)) return false;
  if (/[;{},]$/.test(c) || /^[{}]/.test(c)) return true;
  return /([A-Za-z_]\w*\(|\b(if|while|for)\s*\()/.test(c) && /^[\w\s()&*!~<>=+\-,.\[\]?:¤]*$/.test(c);
}

function extract(file: string, text: string): Snippet[] {
  const bodies = text.split('\n').map((l) => l.replace(/\r$/, '').replace(QUOTE, ''));
  const out: Snippet[] = [];
  let k = 0;
  while (k < bodies.length) {
    if (!isCode(bodies[k])) { k++; continue; }
    const start = k;
    let end = k; // last code line
    let j = k + 1;
    while (j < bodies.length) {
      const b = unmarked(bodies[j]).trim();
      if (isCode(bodies[j])) { end = j; j++; continue; }
      if (isCommentLine(b)) { j++; continue; }
      if (!b) {
        // blank lines (at most two in a row) and comments, when code follows
        let n = j, blanks = 0;
        for (; n < bodies.length && blanks <= 2; n++) {
          const c = unmarked(bodies[n]).trim();
          if (!c) blanks++; else if (isCommentLine(c)) blanks = 0; else break;
        }
        if (n < bodies.length && blanks <= 2 && isCode(bodies[n])) { j = n; continue; }
      }
      break;
    }
    const lines = bodies.slice(start, end + 1);
    const codeLines = lines.filter(isCode);
    if (codeLines.length >= 2 || codeLines.some((l) => /;\s*$/.test(stripComments(unmarked(l))))) out.push({ file, line: start + 1, lines, also: [] });
    k = end + 1;
  }
  return out;
}

const key = (s: Snippet) => s.lines.map((l) => unmarked(l).trim()).filter(Boolean).join('\n').replace(/\s+/g, ' ');

function dedupe(all: Snippet[]): Snippet[] {
  const kept: Snippet[] = [];
  for (const s of all) {
    const at = `${s.file}:${s.line}`;
    const k = key(s);
    const same = kept.find((t) => key(t).includes(k));
    if (same) { same.also.push(at); continue; }
    const inside = kept.findIndex((t) => k.includes(key(t)));
    if (inside >= 0) { s.also.push(`${kept[inside].file}:${kept[inside].line}`, ...kept[inside].also); kept[inside] = s; continue; }
    kept.push(s);
  }
  return kept;
}

interface Result { snippet: Snippet; runs: boolean; text: string }

function run(s: Snippet): Result {
  const thread = THREADS[s.file];
  if (!thread) return { snippet: s, runs: false, text: 'no scenario runs this thread\'s code (add it to THREADS in scripts/as-written.ts)' };
  const strategy = `${thread.wrapper}\n{\n${s.lines.join('\n')}\n}\n`;
  const r = check({ scenario: thread.scenario, strategy });
  if (r.outcome !== 'error') return { snippet: s, runs: true, text: `${thread.scenario}: ${r.headline}` };
  const d = r.diagnostics.find((x) => x.severity === 'error');
  if (!d || d.source !== 'strategy') return { snippet: s, runs: false, text: r.headline };
  // positions in the wrapped text, as positions in the thread's file
  const at = (line: number, column: number) => {
    const k = line - 2; // the wrapper's header takes two lines
    return k >= 1 && k <= s.lines.length ? `line ${s.line + k - 1}:${column}` : 'the end of the snippet';
  };
  const message = d.message.replace(/\b(\d+):(\d+)\b/g, (_, l, c) => at(+l, +c));
  return { snippet: s, runs: false, text: `${at(d.line, d.column)}: ${message}` };
}

function main(): number {
  if (!existsSync(sourcesDir)) {
    console.log(`SKIPPED as-written: no thread copies at ${sourcesDir} (set FAULTLINES_SOURCES); ${outFile} left as it is`);
    return 2;
  }
  const files = readdirSync(sourcesDir).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, readFileSync(join(sourcesDir, f), 'utf8')]));
  const snippets = dedupe(files.flatMap((f) => extract(f, texts.get(f)!)));
  const perFile = files.map((f) => {
    const n = snippets.filter((s) => s.file === f).length;
    const t = texts.get(f)!;
    // a copy without line breaks is one line of text: no code line can be told apart in it
    const note = !t.trim() ? 'empty' : !t.trim().includes('\n') ? 'one line: its line breaks are lost' : '';
    return `${f} (${n} snippet${n === 1 ? '' : 's'}${note ? `; ${note}` : ''})`;
  });
  const results = snippets.map(run);
  const runs = results.filter((r) => r.runs).length;
  const md: string[] = [
    '# The threads\' code, as written',
    '',
    'Written by `npm run as-written` (scripts/as-written.ts, which owns this file; the rule for what',
    'counts as a code snippet is at the top of the script). Each C snippet of `../shared/sources`,',
    'with the mail\'s quote markers taken off, is the body of the function its thread\'s scenario',
    'calls, and nothing else is added; the engine runs it or says why not.',
    '',
    `**${runs} / ${results.length} snippets run.** Threads read: ${perFile.join(', ')}.`,
    '',
  ];
  for (const r of results) {
    const s = r.snippet;
    const thread = THREADS[s.file];
    md.push(`## ${s.file}:${s.line}${thread ? ` — in \`${thread.wrapper.replace(/\(.*$/, '').split(' ').pop()}()\`, ${thread.scenario}` : ''}`, '');
    if (s.also.length) md.push(`Also quoted at ${s.also.join(', ')}.`, '');
    md.push('```c', ...s.lines, '```', '', `${r.runs ? 'Runs' : 'Does not run'}: ${r.text}`, '');
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, md.join('\n'));
  console.log(`${runs} / ${results.length} snippets run (threads in ${sourcesDir}: ${perFile.join(', ')})`);
  for (const r of results) {
    console.log(`\n${r.snippet.file}:${r.snippet.line}${r.snippet.also.length ? ` (also ${r.snippet.also.length} quote${r.snippet.also.length > 1 ? 's' : ''})` : ''}`);
    for (const l of r.snippet.lines) console.log(`  | ${l}`);
    console.log(`  ${r.runs ? 'RUNS' : 'DOES NOT RUN'}: ${r.text}`);
  }
  console.log(`\nwrote ${outFile}`);
  return 0;
}

process.exitCode = main();
