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
});
