// `faultlines exercise <id> --solution <file> [--json]`: grades a file against an exercise's goal with
// the same grader the page uses. Exit 0 passed, 1 failed, 2 bad input (unknown exercise,
// unreadable file, code that does not compile).
// `faultlines exercise` alone lists the exercises.
import { existsSync, readFileSync } from 'node:fs';
import { check } from '../index.js';
import { grade, type GradeReport, type RunReport } from '../grade/grade.js';
import { loadExercise, loadExercises } from '../grade/node-loader.js';
import { paint } from './colour.js';
import { formatDiagnostic, fromEngine, type Sources } from './diagnostics.js';
import { formatTrace } from './format.js';
import { stdio, type Io } from './io.js';

export type { Io };

const USAGE = 'usage: faultlines exercise <id> --solution <file> [--json]\n       faultlines exercise            (list the exercises)\n';

export function exerciseCommand(args: string[], io: Io = stdio): number {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const s = rest.indexOf('--solution');
  const file = s >= 0 ? rest[s + 1] : undefined;
  const positional = rest.filter((a, i) => !a.startsWith('--') && (s < 0 || i !== s + 1));
  if (positional.length === 0 && s < 0) return list(io, json);
  const id = positional[0];
  if (!id || positional.length > 1 || s < 0 || !file) return bad(io, USAGE);
  const { exercise, errors } = loadExercise(id);
  if (!exercise || errors.length) return bad(io, `${errors.join('\n')}\n`);
  if (!existsSync(file)) return bad(io, `no such file: ${file}\n`);
  const code = readFileSync(file, 'utf8');
  const report = grade(exercise, code, check);
  if (!json) {
    // the solution's own mistakes, as a compiler reports them (the exercise's kind says which text it is)
    const sources: Sources = { [exercise.kind]: { file, text: code, lineOffset: 0, columnOffset: 0 } };
    for (const d of report.diagnostics) io.err(formatDiagnostic(fromEngine(d, sources), code, paint(io.colour?.err ?? false)));
  }
  io.out(json ? JSON.stringify(report, null, 2) + '\n' : text(report, exercise.title, exercise.goal));
  return report.status === 'passed' ? 0 : report.status === 'failed' ? 1 : 2;
}

function bad(io: Io, message: string): number {
  io.err(message);
  return 2;
}

function list(io: Io, json: boolean): number {
  const { exercises, errors } = loadExercises();
  if (json) io.out(JSON.stringify(exercises.map(({ id, chapter, order, title, difficulty, kind }) => ({ id, chapter, order, title, difficulty, kind })), null, 2) + '\n');
  else for (const e of exercises) io.out(`${e.id.padEnd(34)} ${e.chapter.padEnd(34)} ${e.difficulty.padEnd(7)} ${e.title}\n`);
  for (const e of errors) io.err(`${e}\n`);
  return errors.length ? 2 : 0;
}

function runLine(r: RunReport): string {
  const mark = r.passed ? 'pass' : 'FAIL';
  const name = r.label === r.target ? r.target : `${r.label} [${r.target}]`;
  const figures = `${r.stats.states} states, ${r.stats.exhaustive ? 'exhaustive' : 'bounded'}`;
  let s = `  ${mark}  ${name} under ${r.model}: ${r.headline} (${figures})\n`;
  if (!r.passed) {
    s += `        ${r.reason}\n`;
    for (const e of r.cycle ?? []) s += `        ${e.task} holds ${e.holds}, wants ${e.wants}\n`;
    if (r.trace) s += formatTrace(r.trace).replace(/^/gm, '        ') + '\n';
  }
  return s;
}

/** The report for people: one line per run and ceiling, the failing traces as columns (diagnostics go to stderr). */
export function text(report: GradeReport, title: string, goal: string): string {
  let s = `Exercise ${report.exercise}: ${title}\nGoal: ${goal.replace(/\s+/g, ' ')}\n\n`;
  for (const r of report.rules) s += `  ${r.passed ? 'pass' : 'FAIL'}  ${r.label}${r.passed ? '' : ` — ${r.reason}`}\n`;
  for (const r of report.runs) s += runLine(r);
  for (const c of report.costs) {
    const figure = c.actual === null ? 'not measured' : `${c.actual} (${c.bound})`;
    s += `  ${c.passed ? 'pass' : 'FAIL'}  ${c.label}: ${c.counter} = ${figure} on ${c.on}${c.passed ? '' : ` — ${c.reason}`}\n`;
  }
  return `${s}\n${report.summary}\n`;
}
