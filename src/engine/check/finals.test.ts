// CheckResult.finals counts quiescent final states only: all tasks done AND no store left in a
// store buffer or invalidation pending (tso/weak). A state with a store still buffered settles
// into one of those, so it is the same outcome and must not be counted again.
import { describe, expect, it } from 'vitest';
import type { MemoryModel } from '../api.js';
import { check } from '../index.js';

const one = 'id finals/one\nobserve x\ntask a cpu 0 : p0()\n';
const oneCode = 'int x;\nvoid p0(void) { WRITE_ONCE(x, 1); }';
const sb = 'id finals/sb\nobserve r0 r1\ntask a cpu 0 : p0()\ntask b cpu 1 : p1()\n';
const sbCode = 'int x; int y; int r0; int r1;\n' +
  'void p0(void) { WRITE_ONCE(x, 1); r0 = READ_ONCE(y); }\n' +
  'void p1(void) { WRITE_ONCE(y, 1); r1 = READ_ONCE(x); }';

const finals = (scn: string, strategy: string, model: MemoryModel) => check({ scenario: scn, strategy, model }).finals;

describe('CheckResult.finals: quiescent final states only', () => {
  it('one buffered store is one outcome under every model, not one per drain order', () => {
    for (const model of ['sc', 'tso', 'weak'] as const) {
      expect(finals(one, oneCode, model), model).toEqual([{ values: { x: 1 }, count: 1 }]);
    }
  });
  it('store buffering: sc forbids r0 = r1 = 0, tso and weak allow it; each outcome is one settled state', () => {
    const row = (r0: number, r1: number) => ({ values: { r0, r1 }, count: 1 });
    expect(finals(sb, sbCode, 'sc')).toEqual([row(0, 1), row(1, 0), row(1, 1)]);
    for (const model of ['tso', 'weak'] as const) {
      expect(finals(sb, sbCode, model), model).toEqual([row(0, 0), row(0, 1), row(1, 0), row(1, 1)]);
    }
  });
});
