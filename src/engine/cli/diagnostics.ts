// Diagnostics as compilers print them, so editors jump to the line:
//   f.c:3:2: error: unknown function 'lock_pgae'
//       3 |         lock_pgae(page0);
//         |         ^~~~~~~~~
//   f.c:3:2: note: did you mean 'lock_page'?
// vim's quickfix (%f:%l:%c: %m), Emacs' compile mode and VS Code's $gcc problem matcher read the
// first line of each. `--json` carries the same objects (CliDiagnostic), so both say the same.
import type { Diagnostic } from '../api.js';
import { noPaint, type Paint } from './colour.js';

/** one diagnostic as the CLI reports it, in text and in JSON alike */
export interface CliDiagnostic {
  /** the file as the user named it, `<stdin>`, a built-in text's file, or `<prelude>` */
  file: string;
  /** 1-based; null when the problem is the file itself (missing, unreadable) */
  line: number | null;
  column: number | null;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  message: string;
  /** the did-you-mean and context, each printed as a `note:` line at the same position */
  notes: string[];
  /** which text the engine's position refers to; `input` for the CLI's own checks of its input */
  source: Diagnostic['source'] | 'input';
}

/**
 * A text the engine compiled, and where it sits in a file: a built-in scenario is a template
 * string inside a .ts module, so its line 1 is the module's line `lineOffset + 1`, and the first
 * line is shifted right by `columnOffset`.
 */
export interface TextSource {
  file: string;
  text: string;
  lineOffset: number;
  columnOffset: number;
}

export type Sources = Partial<Record<Diagnostic['source'], TextSource>>;

/** a trailing `(did you mean 'x'?)`, `(known: …)` or `(expected …)` of an engine message is a note */
const TRAILING_NOTE = / \(((?:did you mean |known: |expected )[^()]*)\)$/;

export function fromEngine(d: Diagnostic, sources: Sources): CliDiagnostic {
  const src = sources[d.source];
  const shift = (line: number, column: number) => ({
    line: line + (src?.lineOffset ?? 0),
    column: column + (line === 1 ? src?.columnOffset ?? 0 : 0),
  });
  const start = shift(d.line, d.column);
  const m = TRAILING_NOTE.exec(d.message);
  const notes = m ? [m[1]] : [];
  if (d.source === 'prelude' && !src) notes.push('in the kernel prelude (src/engine/kernel/prelude.ts), compiled together with the strategy');
  const out: CliDiagnostic = {
    file: src?.file ?? `<${d.source}>`, line: start.line, column: start.column, severity: d.severity,
    message: m ? d.message.slice(0, m.index) : d.message, notes, source: d.source,
  };
  if (d.endLine !== undefined && d.endColumn !== undefined) {
    const end = shift(d.endLine, d.endColumn);
    out.endLine = end.line;
    out.endColumn = end.column;
  }
  return out;
}

/** an error about an input as a whole or at a position the CLI found itself */
export function inputError(file: string, message: string, notes: string[] = [], line: number | null = null, column: number | null = null): CliDiagnostic {
  return { file, line, column, severity: 'error', message, notes, source: 'input' };
}

function where(d: CliDiagnostic): string {
  return d.line === null ? `${d.file}:` : `${d.file}:${d.line}:${d.column}:`;
}

/** the source line under the position, with a caret (and tildes to the end column) beneath */
function excerpt(d: CliDiagnostic, fileText: string | undefined, p: Paint): string[] {
  if (fileText === undefined || d.line === null || d.column === null) return [];
  const text = fileText.split('\n')[d.line - 1];
  if (text === undefined) return [];
  const gutter = String(d.line).padStart(5);
  // keep the line's tabs in the caret line so the caret sits under the column in any tab width
  const lead = text.slice(0, d.column - 1).replace(/[^\t]/g, ' ');
  // the engine's end column is exclusive; without one, underline the word at the column
  const word = /^\w+/.exec(text.slice(d.column - 1))?.[0].length ?? 1;
  const span = d.endLine === d.line && d.endColumn !== undefined && d.endColumn > d.column ? d.endColumn - d.column - 1 : word - 1;
  return [`${gutter} | ${text.replace(/\s+$/, '')}`, `${' '.repeat(gutter.length)} | ${lead}${p.bad('^' + '~'.repeat(span))}`];
}

/**
 * The text form: one `path:line:col: severity: message` line, the source excerpt when the file's
 * text is at hand, then a `note:` line per note.
 */
export function formatDiagnostic(d: CliDiagnostic, fileText?: string, p: Paint = noPaint): string {
  const label = d.severity === 'error' ? p.bad('error:') : p.warn('warning:');
  const lines = [`${p.bold(where(d))} ${label} ${d.message}`, ...excerpt(d, fileText, p)];
  for (const n of d.notes) lines.push(`${p.bold(where(d))} ${p.warn('note:')} ${n}`);
  return lines.join('\n') + '\n';
}
