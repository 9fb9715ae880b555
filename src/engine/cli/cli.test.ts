// The CLI's commands, run in-process through run() with captured output (process.test.ts runs
// the real command as a process).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../index.js';
import { commands } from './commands.js';
import type { Io } from './io.js';
import { run } from './run.js';
import { tempFolder } from './temp-files.js';

function capture(stdin?: string) {
  const io = {
    outText: '', errText: '',
    out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; },
    readStdin: () => { if (stdin === undefined) throw new Error('no stdin in this test'); return stdin; },
  };
  return io satisfies Io;
}

const { dir, file } = tempFolder('fl-cli-');
const FIXED = 'void task_a(void) { lock_page(page0); lock_page(page1); unlock_page(page1); unlock_page(page0); }\nvoid task_b(void) { lock_page(page0); lock_page(page1); unlock_page(page1); unlock_page(page0); }\n';

describe('faultlines list', () => {
  it('lists scenario ids, as text and as JSON', async () => {
    const io = capture();
    expect(await run(['list'], io)).toBe(0);
    expect(io.outText).toMatch(/^primer\/abba\s+sc\s+Two locks in opposite order$/m);
    const j = capture();
    await run(['list', '--json'], j);
    expect(JSON.parse(j.outText).map((s: { id: string }) => s.id)).toContain('2007/mlock');
  });
});

describe('faultlines check', () => {
  it('exit 1 with the verdict, cycle, figures, costs and a trace table for a deadlock', async () => {
    const io = capture();
    expect(await run(['check', '2007/mlock'], io)).toBe(1);
    expect(io.outText).toContain('Deadlock: writer holds lock of pageA and waits for mmap_sem (read); mlocker holds mmap_sem and waits for lock of pageA');
    expect(io.outText).toMatch(/search: \d+ states, \d+ transitions, \d+ ms, exhaustive/);
    expect(io.outText).toContain('costs (uncontended serial run): mmap_sem 3');
    expect(io.outText).toMatch(/^ writer +\| mlocker +\| zapper$/m);
    expect(io.outText).not.toContain('\x1b[');
  });

  it('exit 0 for ok, with --strategy; --json prints the result with the same verdict and figures as the engine', async () => {
    const io = capture();
    expect(await run(['check', 'primer/abba', '--strategy', file('fixed.c', FIXED), '--json'], io)).toBe(0);
    const j = JSON.parse(io.outText);
    const direct = check({ scenario: 'primer/abba', strategy: FIXED });
    expect(j.outcome).toBe('ok');
    expect(j.headline).toBe(direct.headline);
    expect(j.stats.states).toBe(direct.stats.states);
    expect(j.scenario.id).toBe('primer/abba');
  });

  it('a strategy naming its scenario in its first line is enough', async () => {
    const io = capture();
    expect(await run(['check', file('named.c', `// scenario: primer/abba\n${FIXED}`), '--trace', 'none'], io)).toBe(0);
    expect(io.outText).toMatch(/^primer\/abba — Two locks in opposite order$/m);
    expect(io.outText).not.toContain('one serial run:');
  });

  it('reads the strategy, or the scenario, from standard input with -', async () => {
    const a = capture(FIXED);
    expect(await run(['check', 'primer/abba', '--strategy', '-'], a)).toBe(0);
    expect(a.outText).toContain('strategy: <stdin>');
    const b = capture('id mine/self\npage p\ntask t : f()\ncode:\nvoid f(void) { lock_page(p); lock_page(p); }\n');
    expect(await run(['check', '-'], b)).toBe(1);
    expect(b.outText).toContain('Deadlock: t waits for lock of p, which it holds itself');
    const c = capture('x');
    expect(await run(['check', '-', '--strategy', '-'], c)).toBe(2);
    expect(c.errText).toMatch(/only one of the scenario and the strategy/);
  });

  it('reads a scenario file, and points diagnostics in it at the file', async () => {
    const io = capture();
    expect(await run(['check', file('mine.scn', 'id mine/self\npage p\ntask t : f()\ncode:\nvoid f(void) { lock_page(p); lock_page(p); }\n')], io)).toBe(1);
    expect(io.outText).toContain('Deadlock: t waits for lock of p, which it holds itself');
    const bad = file('bad.scn', 'id mine/bad\npage p\ntask t : f()\ncode:\nvoid f(void) { lock_pgae(p); }\n');
    const e = capture();
    expect(await run(['check', bad], e)).toBe(2);
    expect(e.errText).toContain(`${bad}:5:16: error: unknown function 'lock_pgae'`);
  });

  it('a diagnostic in a built-in scenario points at its line in the scenario module', async () => {
    const e = capture();
    expect(await run(['check', 'primer/abba', file('half.c', 'void task_a(void) { }\n')], e)).toBe(2);
    const m = /^(\S+):(\d+):(\d+): error: unknown function 'task_b'$/m.exec(e.errText);
    expect(m).not.toBeNull();
    const moduleLine = readFileSync(m![1], 'utf8').split('\n')[Number(m![2]) - 1];
    expect(moduleLine.slice(Number(m![3]) - 1)).toBe('task_b()');
    expect(e.errText).toContain("note: did you mean 'task_a'?");
  });

  it('exit 2 for bad input, with a clear message and no stack', async () => {
    const a = capture();
    expect(await run(['check', 'no/such'], a)).toBe(2);
    expect(a.errText).toMatch(/^no\/such: error: unknown scenario 'no\/such'/);
    const b = capture();
    expect(await run(['check', 'primer/abba', '--model', 'arm'], b)).toBe(2);
    expect(b.errText).toMatch(/--model must be sc, tso or weak, not 'arm'/);
    const c = capture();
    expect(await run(['check'], c)).toBe(2);
    expect(c.errText).toMatch(/faultlines check --help/);
    const d = capture();
    expect(await run(['check', 'primer/abba', '--strategy', '/nonexistent.c'], d)).toBe(2);
    expect(d.errText).toBe('/nonexistent.c: error: no such file\n');
    const f = capture();
    expect(await run(['check', 'primer/abba', '--param', 'x'], f)).toBe(2);
    for (const io of [a, b, c, d, f]) expect(io.errText).not.toMatch(/\n\s+at /);
  });

  it('exit 2 when the code does not compile: compiler-style diagnostics on stderr, the same fields in --json', async () => {
    const typo = file('typo.c', 'void task_a(void)\n{\n\tlock_pgae(page0);\n}\nvoid task_b(void) { }\n');
    const io = capture();
    expect(await run(['check', 'primer/abba', typo], io)).toBe(2);
    expect(io.errText).toBe(`${typo}:3:2: error: unknown function 'lock_pgae'\n    3 | \tlock_pgae(page0);\n      | \t^~~~~~~~~\n${typo}:3:2: note: did you mean 'lock_page'?\n`);
    const j = capture();
    expect(await run(['check', 'primer/abba', typo, '--json'], j)).toBe(2);
    expect(JSON.parse(j.outText).diagnostics).toEqual([
      { file: typo, line: 3, column: 2, severity: 'error', message: "unknown function 'lock_pgae'", notes: ["did you mean 'lock_page'?"], source: 'strategy' },
    ]);
  });

  it('--trace thread: the numbered code, the CPU table, the schedule and the deadlock steps', async () => {
    const io = capture();
    expect(await run(['check', '2007/mlock', '--trace', 'thread'], io)).toBe(1);
    expect(io.outText).toMatch(/^CPU0 writer +\| CPU1 mlocker +\| CPU2 zapper$/m);
    expect(io.outText).toMatch(/^ +20 +lock_page$/m);
    // paths are lettered in the order they first run: the zapper (a, b…) runs before the mlocker (A, B…)
    expect(io.outText).toMatch(/^deadlock: 20,27;B,Q$/m);
    const j = capture();
    await run(['check', '2007/mlock', '--trace', 'thread', '--json'], j);
    expect(JSON.parse(j.outText).thread.deadlock).toBe('20,27;B,Q');
    // a cycle of one (the thread's "2,8"): the task took the page lock at 27 and sleeps on it at 42
    const self = capture();
    expect(await run(['check', '2007/same-page', '--trace', 'thread'], self)).toBe(1);
    expect(self.outText).toMatch(/^deadlock: 27,42$/m);
    expect(self.outText).toMatch(/^ +42 +lock_page$/m);
  });
});

describe('faultlines new scenario', () => {
  it('writes a template that checks as-is, and never overwrites', async () => {
    const out = join(dir, 'race.scn');
    const io = capture();
    expect(await run(['new', 'scenario', 'mine/race', '--out', out], io)).toBe(0);
    const text = readFileSync(out, 'utf8');
    for (const kw of ['file', 'page', 'mm', 'task', 'check', 'code:']) expect(text).toMatch(new RegExp(`^${kw}`, 'm'));
    const c = capture();
    expect(await run(['check', out, '--json'], c)).toBe(0);
    expect(JSON.parse(c.outText).scenario.id).toBe('mine/race');
    const again = capture();
    expect(await run(['new', 'scenario', 'mine/race', '--out', out], again)).toBe(2);
    expect(again.errText).toMatch(/exists; nothing written/);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });
});

describe('help, version, the command table', () => {
  it('--help for the whole and for every command; --version', async () => {
    const all = capture();
    expect(await run(['--help'], all)).toBe(0);
    for (const name of commands.keys()) expect(all.outText).toContain(`  ${name} `);
    for (const name of commands.keys()) {
      const io = capture();
      expect(await run([name, '--help'], io)).toBe(0);
      expect(io.outText).toMatch(new RegExp(`^usage: faultlines ${name}`));
    }
    const v = capture();
    expect(await run(['--version'], v)).toBe(0);
    expect(v.outText).toMatch(/^faultlines \d+\.\d+\.\d+\n$/);
  });

  it('has list, check, new and the subcommands other areas add', () => {
    expect([...commands.keys()]).toEqual(expect.arrayContaining(['list', 'check', 'exercise', 'litmus', 'new']));
  });
});
