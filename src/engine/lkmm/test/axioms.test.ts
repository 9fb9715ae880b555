// Each axiom of linux-kernel.cat on small executions made by hand: the candidate execution that
// gives the interesting outcome is taken out of the enumeration and judged alone, and the same
// test without its fence (or critical section, or marking) shows the axiom is what forbids it.
import { describe, expect, it } from 'vitest';
import { parseLitmus, holds } from '../../litmus/index.js';
import { DEFAULT_LIMITS, forEachCandidate, judgeCandidate, runLkmm, type Judgement } from '../index.js';
import { skeleton } from '../execution.js';
import { Rel } from '../rel.js';
import { threadRuns } from '../threads.js';

/**
 * One execution built by hand: each thread's run is the one whose registers have the values given,
 * rf and co are listed as pairs of event ids (initial writes first, one per location, then each
 * thread's events in program order). The enumeration never offers executions that fail coherence
 * or atomicity (it prunes them per location), so those axioms are tested on executions like these.
 */
function handMade(text: string, regs: Record<number, Record<string, number>>, rf: [number, number][], co: [number, number][]): Judgement {
  const test = parseLitmus(text);
  const domain = new Map(test.locations.map((l) => [l.name, [0, 1, 2]]));
  const runs = test.threads.map((t) => threadRuns(test, t, domain, 100).find((r) => Object.entries(regs[t.id] ?? {}).every(([k, v]) => r.regs[k] === v))!);
  const sk = skeleton(runs, test.locations);
  return judgeCandidate({ sk, rf: Rel.of(sk.n, rf), co: Rel.of(sk.n, co) });
}

/** the judgements of the candidate executions whose final state satisfies the test's condition */
function judged(text: string): Judgement[] {
  const test = parseLitmus(text);
  const out: Judgement[] = [];
  forEachCandidate(test, DEFAULT_LIMITS, (x) => {
    const v: Record<string, number | string> = {};
    x.sk.runs.forEach((r) => Object.entries(r.regs).forEach(([k, val]) => { v[`${r.thread}:${k}`] = val; }));
    for (const l of test.locations) {
      const ws = x.sk.events.filter((e) => e.kind === 'W' && e.loc === l.name);
      v[l.name] = ws.find((w) => !ws.some((o) => x.co.has(w.id, o.id)))!.value;
    }
    if (holds(test.condition, v)) out.push(judgeCandidate(x));
    return true;
  });
  return out;
}

const mp = (w: string, r: string) => `C MP
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1); ${w} WRITE_ONCE(*y, 1); }
P1(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y); ${r} r1 = READ_ONCE(*x); }
exists (1:r0=1 /\\ 1:r1=0)
`;

const sb = (f: string) => `C SB
{}
P0(int *x, int *y) { int r0; WRITE_ONCE(*x, 1); ${f} r0 = READ_ONCE(*y); }
P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 1); ${f} r0 = READ_ONCE(*x); }
exists (0:r0=0 /\\ 1:r0=0)
`;

const rcu = (lock: string, unlock: string) => `C RCU-MP
{}
P0(int *x, int *y) { int r0; int r1; ${lock} r0 = READ_ONCE(*y); r1 = READ_ONCE(*x); ${unlock} }
P1(int *x, int *y) { WRITE_ONCE(*x, 1); synchronize_rcu(); WRITE_ONCE(*y, 1); }
exists (0:r0=1 /\\ 0:r1=0)
`;

describe('LKMM axioms on hand-made executions', () => {
  it('coherence: a read cannot see a write older than one its thread already saw', () => {
    const corr = `C CoRR\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nP1(int *x) { int r0; int r1; r0 = READ_ONCE(*x); r1 = READ_ONCE(*x); }\nexists (1:r0=1 /\\ 1:r1=0)\n`;
    // events: 0 init x=0, 1 P0 W x=1, 2 P1 R x=1, 3 P1 R x=0
    expect(handMade(corr, { 1: { r0: 1, r1: 0 } }, [[1, 2], [0, 3]], [[0, 1]]).failed).toBe('coherence');
    expect(handMade(corr, { 1: { r0: 0, r1: 1 } }, [[0, 2], [1, 3]], [[0, 1]]).failed).toBeNull();
    expect(judged(corr)).toEqual([]); // and the enumeration never offers the incoherent one
  });

  it('happens-before: MP with smp_wmb and smp_rmb is forbidden, MP with smp_wmb alone is not', () => {
    const j = judged(mp('smp_wmb();', 'smp_rmb();'));
    expect(j).toHaveLength(1);
    expect(j[0].failed).toBe('happens-before');
    expect(judged(mp('smp_wmb();', '')).map((x) => x.failed)).toEqual([null]);
  });

  it('propagation: SB with smp_mb is forbidden by pb, SB without it is allowed', () => {
    expect(judged(sb('smp_mb();')).map((x) => x.failed)).toEqual(['propagation']);
    // smp_wmb does not order a store before a load: hb and pb have nothing to hold on to
    expect(judged(sb('smp_wmb();')).map((x) => x.failed)).toEqual([null]);
  });

  it('rcu: a critical section that sees the write after a grace period sees the write before it', () => {
    expect(judged(rcu('rcu_read_lock();', 'rcu_read_unlock();')).map((x) => x.failed)).toEqual(['rcu']);
    expect(judged(rcu('', '')).map((x) => x.failed)).toEqual([null]);
  });

  it('atomic: no write of another thread comes between the read and the write of an xchg', () => {
    const xchgs = `C atomic\n{}\nP0(int *x) { int r0; r0 = xchg_relaxed(x, 1); }\nP1(int *x) { int r1; r1 = xchg_relaxed(x, 2); }\nexists (0:r0=0 /\\ 1:r1=0)\n`;
    // events: 0 init x=0, 1 P0 R x=0, 2 P0 W x=1, 3 P1 R x=0, 4 P1 W x=2; both read the initial value
    expect(handMade(xchgs, { 0: { r0: 0 }, 1: { r1: 0 } }, [[0, 1], [0, 3]], [[0, 2], [0, 4], [2, 4]]).failed).toBe('atomic');
    expect(handMade(xchgs, { 0: { r0: 0 }, 1: { r1: 1 } }, [[0, 1], [2, 3]], [[0, 2], [0, 4], [2, 4]]).failed).toBeNull();
  });

  it('data-race: conflicting plain accesses on two CPUs are flagged; marked ones are not', () => {
    const race = (w: string, r: string) => `C race\n{}\nP0(int *x) { ${w} }\nP1(int *x) { int r0; ${r} }\nexists (1:r0=1)\n`;
    const plain = runLkmm(race('*x = 1;', 'r0 = *x;'));
    expect(plain.flags).toContain('data-race');
    expect(plain.result).toBe('Sometimes');
    expect(runLkmm(race('WRITE_ONCE(*x, 1);', 'r0 = READ_ONCE(*x);')).flags).toEqual([]);
    // a lock around both plain accesses removes the race
    const locked = `C locked\n{}\nP0(int *x, spinlock_t *s) { spin_lock(s); *x = 1; spin_unlock(s); }\nP1(int *x, spinlock_t *s) { int r0; spin_lock(s); r0 = *x; spin_unlock(s); }\nexists (1:r0=1)\n`;
    expect(runLkmm(locked).flags).toEqual([]);
  });

  it('locks: two critical sections of one lock do not overlap', () => {
    const r = runLkmm(`C mutex\n{}\nP0(int *x, spinlock_t *s) { int r0; spin_lock(s); r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1); spin_unlock(s); }\nP1(int *x, spinlock_t *s) { int r0; spin_lock(s); r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1); spin_unlock(s); }\nexists (x=1)\n`);
    expect(r.result).toBe('Never');
    expect(r.finals.map((f) => f.values.x)).toEqual([2, 2]); // one final state per order of the two sections
  });

  it('SRCU: a grace period of the same srcu_struct orders like synchronize_rcu, another one does not', () => {
    const srcu = (same: boolean) => `C SRCU-MP\n{}\nP0(int *x, int *y, struct srcu_struct *s) { int r0; int r1; int i; i = srcu_read_lock(s); r0 = READ_ONCE(*y); r1 = READ_ONCE(*x); srcu_read_unlock(s, i); }\nP1(int *x, int *y, struct srcu_struct *s, struct srcu_struct *t) { WRITE_ONCE(*x, 1); synchronize_srcu(${same ? 's' : 't'}); WRITE_ONCE(*y, 1); }\nexists (0:r0=1 /\\ 0:r1=0)\n`;
    expect(runLkmm(srcu(true)).result).toBe('Never');
    expect(runLkmm(srcu(false)).result).toBe('Sometimes');
  });
});
