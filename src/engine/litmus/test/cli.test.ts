// `sim litmus`: the command's output, JSON and exit statuses, on tests of our own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { litmusCommand } from '../../cli/litmus.js';

const dir = mkdtempSync(join(tmpdir(), 'litmus-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const run = (args: string[]) => {
  let out = '';
  let err = '';
  const code = litmusCommand(args, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
};

const mp = file('mp.litmus', `C MP-ours
{ }
P0(int *data, int *ready) { WRITE_ONCE(*data, 1); smp_wmb(); WRITE_ONCE(*ready, 1); }
P1(int *data, int *ready) { int r0; int r1; r0 = READ_ONCE(*ready); r1 = READ_ONCE(*data); }
exists (1:r0=1 /\\ 1:r1=0)
`);

describe('sim litmus', () => {
  it('lists the final states, shows a witness and ends with the Result line', () => {
    const { code, out } = run([mp, '--model', 'weak']);
    expect(code).toBe(0);
    expect(out).toContain('*> 1:r0=1; 1:r1=0; data=1; ready=1;');
    expect(out).toMatch(/Witness \(\d+ context switch/);
    expect(out).toContain('drain(data=1)'); // the store buffers are actors of the witness
    expect(out.trimEnd().split('\n').pop()).toBe('Result: Sometimes');
  });

  it('answers Never under sc and tso, without a witness', () => {
    for (const model of ['sc', 'tso']) {
      const { code, out } = run([mp, '--model', model]);
      expect(code).toBe(0);
      expect(out).not.toContain('Witness');
      expect(out.trimEnd().split('\n').pop()).toBe('Result: Never');
    }
  });

  it('--json carries the result word, the final states and the witness trace', () => {
    const { code, out } = run([mp, '--json']);
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.result).toBe('Sometimes');
    expect(j.model).toBe('weak');
    expect(j.finals).toHaveLength(4);
    expect(j.witness.steps.length).toBeGreaterThan(0);
  });

  it('refuses unsupported features and bad input with exit 2', () => {
    const rcu = file('rcu.litmus', 'C rcu\n{}\nP0(int *x) { rcu_read_lock(); WRITE_ONCE(*x, 1); rcu_read_unlock(); }\nexists (x=1)\n');
    let r = run([rcu]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unsupported: rcu_read_lock (RCU)');
    r = run([file('bad.litmus', 'C bad\n{}\nP0(int *x) { WRITE_ONCE(*x 1); }\nexists (x=1)\n')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/3: expected/);
    expect(run([join(dir, 'missing.litmus')]).code).toBe(2);
    expect(run([mp, '--model', 'arm']).code).toBe(2);
    expect(run([]).code).toBe(2);
  });

  it('--model lkmm prints herd\'s verdict line, DATARACE when flagged, and --explain the evidence', () => {
    let r = run([mp, '--model', 'lkmm', '--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Witness (an execution LKMM allows');
    expect(r.out.trimEnd().split('\n').pop()).toBe('Result: Sometimes');
    const mpFenced = file('mpf.litmus', `C MP+wmb+rmb\n{}\nP0(int *d, int *f) { WRITE_ONCE(*d, 1); smp_wmb(); WRITE_ONCE(*f, 1); }\nP1(int *d, int *f) { int r0; int r1; r0 = READ_ONCE(*f); smp_rmb(); r1 = READ_ONCE(*d); }\nexists (1:r0=1 /\\ 1:r1=0)\n`);
    r = run([mpFenced, '--model', 'lkmm', '--explain']);
    expect(r.out).toContain('Forbidden by happens-before');
    expect(r.out).toMatch(/ppo \(fence\)/);
    expect(r.out.trimEnd().split('\n').pop()).toBe('Result: Never');
    const race = file('race.litmus', 'C race\n{}\nP0(int *x) { *x = 1; }\nP1(int *x) { r0 = *x; }\nexists (1:r0=1)\n');
    r = run([race, '--model', 'lkmm']);
    expect(r.out).toContain('Flag data-race');
    expect(r.out.trimEnd().split('\n').pop()).toBe('Result: Sometimes DATARACE');
    r = run([race, '--model', 'lkmm', '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ model: 'lkmm', result: 'Sometimes', flags: ['data-race'] });
  });

  it('under weak, refuses with the reason a test LKMM answers otherwise', () => {
    const lb = file('lb.litmus', 'C LB\n{}\nP0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*y, 1); }\nP1(int *x, int *y) { int r0; r0 = READ_ONCE(*y); WRITE_ONCE(*x, 1); }\nexists (0:r0=1 /\\ 1:r0=1)\n');
    const r = run([lb, '--model', 'weak']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unsupported under weak: load buffering: LKMM allows 0:r0=1; 1:r0=1;');
    expect(run([lb, '--model', 'lkmm']).out).toContain('Result: Sometimes');
    expect(run([lb, '--model', 'sc']).out).toContain('Result: Never');
  });
});
