// The `faultlines` command as a user runs it: bin/faultlines.mjs in its own process, on this Node
// and on the machine's own `node` when that is another version (the bin must work on Node 20).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolder } from './temp-files.js';

const BIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/faultlines.mjs');
const { dir, file } = tempFolder('fl-proc-');
const FIXED = '// scenario: primer/abba\nvoid task_a(void) { lock_page(page0); lock_page(page1); unlock_page(page1); unlock_page(page0); }\nvoid task_b(void) { lock_page(page0); lock_page(page1); unlock_page(page1); unlock_page(page0); }\n';
const ABBA = FIXED.replace('void task_b(void) { lock_page(page0); lock_page(page1); unlock_page(page1); unlock_page(page0); }', 'void task_b(void) { lock_page(page1); lock_page(page0); unlock_page(page0); unlock_page(page1); }');

/** VS Code's usual gcc problem matcher (file, line, column, severity, message), as tasks.json spells it */
const PROBLEM_MATCHER = /^(.*):(\d+):(\d+):\s+(warning|error):\s+(.*)$/;

function faultlines(args: string[], opts: { input?: string; node?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(opts.node ?? process.execPath, [BIN, ...args], { input: opts.input ?? '', encoding: 'utf8', cwd: dir, env: { ...process.env, ...opts.env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** the machine's `node` on the PATH, when it is not the Node running these tests */
function otherNode(): string | null {
  try {
    const path = execFileSync('sh', ['-c', 'command -v node'], { encoding: 'utf8', env: { PATH: '/usr/local/bin:/usr/bin:/bin' } }).trim();
    const v = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
    return v !== process.version ? path : null;
  } catch {
    return null;
  }
}

describe('faultlines as a process', { timeout: 60_000 }, () => {
  it('--help, <command> --help and --version exit 0 on stdout', () => {
    const all = faultlines(['--help']);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^usage: faultlines <command>/);
    expect(all.stdout).toMatch(/^ {2}check +explore every interleaving/m);
    const check = faultlines(['check', '--help']);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^usage: faultlines check \[SCENARIO\] \[STRATEGY\.c\]/);
    expect(check.stdout).toContain('--watch');
    expect(faultlines(['--version']).stdout).toMatch(/^faultlines \d+\.\d+\.\d+\n$/);
  });

  it('runs on the machine\'s other Node too', () => {
    const node = otherNode();
    if (!node) { console.log('SKIPPED other-Node run: the PATH node is the one running the tests'); return; }
    expect(faultlines(['--version'], { node }).status).toBe(0);
    const r = faultlines(['check', file('abba-other.c', ABBA), '--trace', 'none'], { node });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Deadlock: task_a holds lock of page0/m);
  });

  it('a closed pipe ends the process quietly: status 141, nothing on stderr', async () => {
    // the reader closes the pipe before the first byte: every write fails with EPIPE
    const child = spawn(process.execPath, [BIN, 'list'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect(status).toBe(141);
    expect(stderr).toBe('');
    // and as a shell runs it
    const head = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check 2007/mlock --trace thread | head -1`], { encoding: 'utf8', cwd: dir });
    expect(head.stdout).toBe('2007/mlock — write() against mlock(): mmap_sem and the page lock\n');
    expect(head.stderr).toBe('');
  });

  it('reads the strategy from standard input, and a scenario too', () => {
    const a = faultlines(['check', '--strategy', '-', '--trace', 'none'], { input: FIXED });
    expect(a.status).toBe(0);
    expect(a.stdout).toMatch(/^OK: no deadlock, corruption or bug in any of \d+ reachable states/m);
    const b = faultlines(['check', '-', '--trace', 'none'], { input: 'id mine/self\npage p\ntask t : f()\ncode:\nvoid f(void) { lock_page(p); lock_page(p); }\n' });
    expect(b.status).toBe(1);
    expect(b.stdout).toContain('Deadlock: t waits for lock of p, which it holds itself');
  });

  it('diagnostics are found by an editor\'s problem matcher, at the right line and column', () => {
    const typo = file('typo.c', '// scenario: primer/abba\nvoid task_a(void)\n{\n\tlock_pgae(page0);\n}\nvoid task_b(void) { }\n');
    const r = faultlines(['check', 'typo.c']);
    expect(r.status).toBe(2);
    const problems = r.stderr.split('\n').map((l) => PROBLEM_MATCHER.exec(l)).filter((m) => m !== null);
    expect(problems.map((m) => m.slice(1))).toEqual([['typo.c', '4', '2', 'error', "unknown function 'lock_pgae'"]]);
    expect(r.stderr).toMatch(/^typo\.c:4:2: note: did you mean 'lock_page'\?$/m);
    const [, , line, col] = problems[0];
    expect(`${Number(line)}:${Number(col)}`).toBe('4:2');
    expect(resolve(dir, problems[0][1])).toBe(typo);
    // --json: the same fields
    const j = JSON.parse(faultlines(['check', 'typo.c', '--json']).stdout);
    expect(j.diagnostics[0]).toMatchObject({ file: 'typo.c', line: 4, column: 2, severity: 'error', message: "unknown function 'lock_pgae'", notes: ["did you mean 'lock_page'?"] });
  });

  it('a user\'s mistake is one line and status 2, never a stack trace', () => {
    for (const args of [['chekc'], ['check', '--bogus'], ['check', 'no/such'], ['check', 'primer/abba', '--strategy', 'missing.c'], ['check', '--model']]) {
      const r = faultlines(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at |node:internal|Error:/);
    }
  });

  it('colour on a terminal, none in a pipe or with NO_COLOR', () => {
    const plain = faultlines(['check', file('abba-colour.c', ABBA), '--trace', 'none']);
    expect(plain.stdout).not.toContain('\x1b[');
    const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;
    if (!hasScript) { console.log('SKIPPED terminal colour: no script(1) to give the command a terminal'); return; }
    const tty = (env: string) => spawnSync('script', ['-qec', `${env} "${process.execPath}" "${BIN}" check abba-colour.c`, '/dev/null'], { encoding: 'utf8', cwd: dir });
    const coloured = tty('').stdout;
    expect(coloured).toContain('\x1b[1;31mDeadlock: task_a holds');
    expect(coloured).toMatch(/\x1b\[35m[^\x1b]*lock_page\(page\d\)  SLEEPS\x1b\[0m/);
    expect(tty('NO_COLOR=1').stdout).not.toContain('\x1b[');
  });

  it('--watch: one change, one rerun', async () => {
    const strategy = file('watched.c', FIXED);
    const child = spawn(process.execPath, [BIN, 'check', strategy, '--watch', '--trace', 'none'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    const until = async (test: () => boolean, ms = 20_000) => {
      for (const t0 = Date.now(); !test(); await new Promise((r) => setTimeout(r, 50))) if (Date.now() - t0 > ms) throw new Error(`timed out; output so far:\n${out}\n${err}`);
    };
    try {
      // the folders are watched once the first run is printed and this line is on stderr
      await until(() => /^OK: /m.test(out) && /^faultlines: watching .*watched\.c/m.test(err));
      writeFileSync(strategy, ABBA);
      await until(() => /^Deadlock: /m.test(out));
      await new Promise((r) => setTimeout(r, 1000)); // time for a second, unwanted rerun to show
      expect(out.match(/^--- .*watched\.c changed: rerunning$/gm)).toHaveLength(1);
      expect(out.match(/^(OK|Deadlock): /gm)).toEqual(['OK: ', 'Deadlock: ']);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
