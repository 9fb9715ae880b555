// `sim exercise`: exit status and output, against a real exercise and the real engine.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../index.js';
import { grade } from '../grade/grade.js';
import { loadExercises } from '../grade/node-loader.js';
import { exerciseCommand, type Io } from './exercise.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const ex = loadExercises().exercises[0];
const dir = mkdtempSync(join(tmpdir(), 'fl-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('exerciseCommand', { timeout: 60_000 }, () => {
  it('exits 0 for the solution and prints a Passed summary', () => {
    const io = capture();
    expect(exerciseCommand([ex.id, '--solution', file('s.c', ex.solution)], io)).toBe(0);
    expect(io.stdout).toMatch(/^Passed:/m);
  });

  it('exits 1 for the starter and prints the failing run with its trace', () => {
    const io = capture();
    expect(exerciseCommand([ex.id, '--solution', file('st.c', ex.starter)], io)).toBe(1);
    expect(io.stdout).toMatch(/^ {2}FAIL {2}/m);
    expect(io.stdout).toMatch(/^Failed:/m);
  });

  it('--json prints exactly the grader report', () => {
    const io = capture();
    exerciseCommand([ex.id, '--solution', file('j.c', ex.starter), '--json'], io);
    const fromCli = JSON.parse(io.stdout);
    const direct = JSON.parse(JSON.stringify(grade(ex, ex.starter, check)));
    for (const r of [...fromCli.runs, ...direct.runs]) r.stats.millis = 0;
    for (const r of [...fromCli.runs, ...direct.runs]) if (r.trace) r.trace = r.trace.schedule;
    expect(fromCli).toEqual(direct);
  });

  it('exits 2 on bad input: unknown exercise, missing file, no --solution, code that does not compile', () => {
    const io = capture();
    expect(exerciseCommand(['no-such-exercise', '--solution', file('x.c', '')], io)).toBe(2);
    expect(io.stderr).toMatch(/no exercise "no-such-exercise"/);
    expect(exerciseCommand([ex.id, '--solution', join(dir, 'missing.c')], capture())).toBe(2);
    expect(exerciseCommand([ex.id], capture())).toBe(2);
    expect(exerciseCommand([ex.id, '--solution', file('bad.c', 'int f( {')], capture())).toBe(2);
  });

  it('lists the exercises with no arguments', () => {
    const io = capture();
    expect(exerciseCommand([], io)).toBe(0);
    expect(io.stdout).toContain(ex.id);
  });
});
