// The CLI's commands, called directly with a captured output.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from './check.js';
import { commands } from './commands.js';
import { listCommand } from './list.js';

function capture() {
  const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
  return io;
}

describe('sim list', () => {
  it('lists scenario ids, as text and as JSON', () => {
    const io = capture();
    expect(listCommand([], io)).toBe(0);
    expect(io.outText).toMatch(/^primer\/abba\s+sc\s+Two locks in opposite order$/m);
    const j = capture();
    listCommand(['--json'], j);
    expect(JSON.parse(j.outText).map((s: { id: string }) => s.id)).toContain('2007/mlock');
  });
});

describe('sim check', () => {
  it('exit 1 with the verdict, cycle, figures, costs and a trace table for a deadlock', () => {
    const io = capture();
    expect(checkCommand(['2007/mlock'], io)).toBe(1);
    expect(io.outText).toContain('Deadlock: writer holds lock of pageA and waits for mmap_sem (read); mlocker holds mmap_sem and waits for lock of pageA');
    expect(io.outText).toMatch(/search: \d+ states, \d+ transitions, \d+ ms, exhaustive/);
    expect(io.outText).toContain('costs (uncontended serial run): mmap_sem 3');
    expect(io.outText).toMatch(/^ writer +\| mlocker +\| zapper$/m);
  });
  it('exit 0 for ok, with --strategy; --json prints the result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'fixed.c');
    writeFileSync(file, 'void task_a(void) { lock_page(page0); lock_page(page1); unlock_page(page1); unlock_page(page0); }\nvoid task_b(void) { lock_page(page0); lock_page(page1); unlock_page(page1); unlock_page(page0); }\n');
    const io = capture();
    expect(checkCommand(['primer/abba', '--strategy', file, '--json'], io)).toBe(0);
    expect(JSON.parse(io.outText).outcome).toBe('ok');
  });
  it('reads a scenario file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'mine.scn');
    writeFileSync(file, 'id mine/self\npage p\ntask t : f()\ncode:\nvoid f(void) { lock_page(p); lock_page(p); }\n');
    const io = capture();
    expect(checkCommand([file], io)).toBe(1);
    expect(io.outText).toContain('Deadlock: t waits for lock of p, which it holds itself');
  });
  it('exit 2 for bad input, with a clear message', () => {
    const a = capture();
    expect(checkCommand(['no/such'], a)).toBe(2);
    expect(a.errText).toMatch(/unknown scenario 'no\/such'/);
    const b = capture();
    expect(checkCommand(['primer/abba', '--model', 'arm'], b)).toBe(2);
    const c = capture();
    expect(checkCommand([], c)).toBe(2);
    expect(c.errText).toMatch(/^usage: sim check/);
    const d = capture();
    expect(checkCommand(['primer/abba', '--strategy', '/nonexistent.c'], d)).toBe(2);
  });
  it('exit 2 when the code does not compile, naming line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'typo.c');
    writeFileSync(file, 'void task_a(void)\n{\n\tlock_pgae(page0);\n}\nvoid task_b(void) { }\n');
    const io = capture();
    expect(checkCommand(['primer/abba', '--strategy', file], io)).toBe(2);
    expect(io.outText).toContain("Error: 3:2: unknown function 'lock_pgae' (did you mean 'lock_page'?)");
  });
});

describe('command table', () => {
  it('has list, check and the subcommands other areas add', () => {
    expect([...commands.keys()]).toEqual(expect.arrayContaining(['list', 'check', 'exercise']));
  });
});
