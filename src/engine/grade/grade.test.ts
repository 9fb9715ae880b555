// The grader's own logic, against a stand-in engine whose answers each test states, so every
// rule (expect lists, exhaustiveness, budgets, cost ceilings, shared runs) is pinned on its own.
// The real engine grades the real exercises in exercises.test.ts.
import { describe, expect, it } from 'vitest';
import type { CheckRequest, CheckResult, Outcome } from '../api.js';
import { validateExercise, type Exercise } from './exercise.js';
import { failedIds, failsAs, grade, gradeAsync, plan } from './grade.js';

function exercise(raw: Record<string, unknown>): Exercise {
  const v = validateExercise({ id: 'ex', chapter: 'c', order: 1, title: 'T', difficulty: 'easy', goal: 'g', ...raw });
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return { ...v.value, starter: 's', solution: 'x', referenceCode: { broken: 'BROKEN', fixed: 'FIXED' }, scenarioCode: { 'file:own.scn': 'OWN SCENARIO' }, forbidden: [] };
}

function result(outcome: Outcome, extra: Partial<CheckResult> = {}): CheckResult {
  const verdict = outcome === 'error' || outcome === 'budget' ? null : outcome;
  return {
    outcome,
    verdict,
    headline: `${outcome}: headline`,
    diagnostics: outcome === 'error' ? [{ line: 1, column: 2, message: 'bad', severity: 'error', source: 'strategy' }] : [],
    stats: { states: 10, transitions: 20, millis: 1, exhaustive: outcome !== 'budget', stoppedBy: outcome === 'budget' ? 'states' : null },
    costs: outcome === 'error' ? null : { mmap_sem: 0, pageTableWalks: 1, pageLocks: 2, pagesAllocated: 0, bytesCopied: 8, faults: 0 },
    trace: { actors: [], initial: { pages: [], locks: [], tasks: [], ptes: [], disk: [] }, steps: [], schedule: [0] },
    ...extra,
  };
}

/** A stand-in engine answering by scenario id (and model). */
const engine = (answers: Record<string, CheckResult>) => {
  const calls: CheckRequest[] = [];
  const check = (req: CheckRequest) => {
    calls.push(req);
    const a = answers[`${req.scenario}@${req.model}`] ?? answers[req.scenario];
    if (!a) throw new Error(`no answer for ${req.scenario}`);
    return a;
  };
  return { check, calls };
};

const twoRuns = exercise({
  runs: [{ scenario: 'a', label: 'same page' }, { scenario: 'b', models: ['sc', 'weak'] }],
  costs: [{ counter: 'bytesCopied', max: 8, label: 'one copy' }],
});

describe('grade', () => {
  it('passes when every run has an expected verdict and every cost is within its ceiling', () => {
    const e = engine({ a: result('ok'), b: result('ok') });
    const r = grade(twoRuns, 'code', e.check);
    expect(r.status).toBe('passed');
    expect(r.runs.map((x) => x.id)).toEqual(['a@sc', 'b@sc', 'b@weak']);
    expect(r.runs.every((x) => x.trace === null)).toBe(true);
    // the cost is read from the first run's result: no extra engine call
    expect(e.calls.map((c) => `${c.scenario}@${c.model}`)).toEqual(['a@sc', 'b@sc', 'b@weak']);
    expect(e.calls[0].strategy).toBe('code');
  });

  it('fails a run with the wrong verdict and keeps its trace', () => {
    const r = grade(twoRuns, 'code', engine({ a: result('ok'), 'b@sc': result('ok'), 'b@weak': result('corruption') }).check);
    expect(r.status).toBe('failed');
    expect(failedIds(r)).toEqual(['b@weak']);
    const bad = r.runs[2];
    expect(bad.reason).toBe('expected OK');
    expect(bad.trace).not.toBeNull();
    expect(r.summary).toMatch(/^Failed: b \(weak\) — corruption: headline/);
    expect(failsAs(r, 'b')).toBe(true);
    expect(failsAs(r, 'b@sc')).toBe(false);
  });

  it('does not accept OK from a search that was not exhaustive, nor a budget stop', () => {
    const partial = result('ok', { stats: { states: 1, transitions: 1, millis: 1, exhaustive: false, stoppedBy: 'time' } });
    const r = grade(twoRuns, 'c', engine({ a: partial, b: result('budget') }).check);
    expect(r.runs.map((x) => x.passed)).toEqual([false, false, false]);
    expect(r.runs[0].reason).toMatch(/not exhaustive/);
    expect(r.runs[1].reason).toMatch(/budget/);
  });

  it('fails a correct strategy that breaks the cost ceiling', () => {
    const costly = result('ok', { costs: { mmap_sem: 0, pageTableWalks: 1, pageLocks: 2, pagesAllocated: 1, bytesCopied: 16, faults: 0 } });
    const r = grade(twoRuns, 'c', engine({ a: costly, b: result('ok') }).check);
    expect(r.runs.every((x) => x.passed)).toBe(true);
    expect(r.status).toBe('failed');
    expect(r.costs[0]).toMatchObject({ passed: false, actual: 16, max: 8, on: 'a@sc', reason: '16 counted, at most 8 allowed' });
    expect(failsAs(r, 'cost:bytesCopied')).toBe(true);
  });

  it('a cost floor fails a path that does not do the work (a write that copies nothing)', () => {
    const ex = exercise({ runs: [{ scenario: 'a' }], costs: [{ counter: 'bytesCopied', min: 2, label: 'the write copies its bytes' }] });
    const none = result('ok', { costs: { mmap_sem: 0, pageTableWalks: 0, pageLocks: 0, pagesAllocated: 0, bytesCopied: 0, faults: 0 } });
    const r = grade(ex, 'c', engine({ a: none }).check);
    expect(r.costs[0]).toMatchObject({ passed: false, actual: 0, bound: 'at least 2', reason: '0 counted, at least 2 allowed' });
    expect(grade(ex, 'c', engine({ a: result('ok') }).check).passed).toBe(true);
  });

  it('a counter the engine did not report counts as zero', () => {
    const ex = exercise({ runs: [{ scenario: 'a' }], costs: [{ counter: 'blockReads', max: 0, label: 'no read' }, { counter: 'pagesWritten', min: 1, label: 'written' }] });
    const r = grade(ex, 'c', engine({ a: result('ok') }).check);
    expect(r.costs.map((c) => [c.actual, c.passed])).toEqual([[0, true], [0, false]]);
  });

  it('reports a compile error once, as an error', () => {
    const r = grade(twoRuns, 'c', engine({ a: result('error'), b: result('error') }).check);
    expect(r.status).toBe('error');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.costs[0].reason).toMatch(/not measured/);
  });

  it('a cost ceiling on its own run adds one engine call, shared when repeated', () => {
    const ex = exercise({
      runs: [{ scenario: 'a' }],
      costs: [
        { counter: 'mmap_sem', max: 0, scenario: 'serial', label: 'no mmap_sem' },
        { counter: 'bytesCopied', max: 8, scenario: 'serial', label: 'one copy' },
      ],
    });
    expect(plan(ex, 'c').requests.map((q) => q.scenario)).toEqual(['a', 'serial']);
    const r = grade(ex, 'c', engine({ a: result('ok'), serial: result('ok') }).check);
    expect(r.costs.map((c) => c.on)).toEqual(['serial@sc', 'serial@sc']);
    expect(r.passed).toBe(true);
  });

  it('sends the text of an exercise-local scenario, and names the run by its reference', () => {
    const ex = exercise({ runs: [{ scenario: 'file:own.scn' }] });
    const calls: CheckRequest[] = [];
    const r = grade(ex, 'c', (q) => (calls.push(q), result('ok')));
    expect(calls[0].scenario).toBe('OWN SCENARIO');
    expect(r.runs[0].id).toBe('file:own.scn@sc');
  });

  it('accepts any verdict of an expect list', () => {
    const ex = exercise({ runs: [{ scenario: 'a', expect: ['ok', 'deadlock'] }] });
    expect(grade(ex, 'c', engine({ a: result('deadlock') }).check).passed).toBe(true);
    expect(grade(ex, 'c', engine({ a: result('corruption') }).check).runs[0].reason).toBe('expected OK or deadlock');
  });

  it('answers the bet with the engine verdict of the named run', () => {
    const ex = exercise({ runs: [{ scenario: 'a' }, { scenario: 'b' }], bet: { question: 'q?', run: 1 } });
    expect(grade(ex, 'c', engine({ a: result('ok'), b: result('livelock') }).check).betAnswer).toBe('livelock');
  });

  it('answers the bet under the model it names', () => {
    const ex = exercise({ runs: [{ scenario: 'a', models: ['sc', 'weak'] }], bet: { question: 'q?', model: 'weak' } });
    expect(grade(ex, 'c', engine({ 'a@sc': result('ok'), 'a@weak': result('corruption') }).check).betAnswer).toBe('corruption');
    expect(validateExercise({ id: 'x', chapter: 'c', order: 1, title: 't', difficulty: 'easy', goal: 'g', runs: [{ scenario: 'a' }], bet: { question: 'q', model: 'tso' } }).ok).toBe(false);
  });

  it('gradeAsync agrees with grade, in parallel too, whatever finishes first', async () => {
    const answers = { a: result('ok'), 'b@sc': result('deadlock'), 'b@weak': result('ok') };
    const sync = grade(twoRuns, 'c', engine(answers).check);
    for (const parallel of [1, 2, 8]) {
      const e = engine(answers);
      const seen: number[] = [];
      const async = await gradeAsync(
        twoRuns,
        'c',
        async (q, i) => {
          await new Promise((r) => setTimeout(r, (3 - i) * 5)); // later requests answer first
          seen.push(i);
          return e.check(q);
        },
        parallel,
      );
      expect(async).toEqual(sync);
      if (parallel > 1) expect(seen).not.toEqual([0, 1, 2]);
    }
  });
});

describe('the rule on what the code may redefine', () => {
  const ex = { ...exercise({ runs: [{ scenario: 'a' }], mayDefine: ['write_path'] }), forbidden: ['sys_read', 'filemap_fault'] };
  const ok = engine({ a: result('ok') });

  it('passes code that defines only the handed-over function and helpers', () => {
    const r = grade(ex, 'int helper(void) { return 0; }\nint write_path(int x) { return helper(); }', ok.check);
    expect(r.rules).toEqual([{ id: 'rule:defines', label: 'changes only write_path() (and adds helpers)', passed: true }]);
    expect(r.passed).toBe(true);
  });

  it('fails code that redefines the scenario reader, however OK its runs are', () => {
    const r = grade(ex, '/* sys_read() { */\nint sys_read(int f) { return 0; }\nint write_path(int x) { return 0; }', ok.check);
    expect(r.runs.every((x) => x.passed)).toBe(true);
    expect(r.status).toBe('failed');
    expect(failedIds(r)).toEqual(['rule:defines']);
    expect(r.summary).toBe('Failed: changes only write_path() (and adds helpers) — redefines sys_read(), which the kernel or the scenario owns');
  });
});

describe('scenario exercises', () => {
  const ex = exercise({
    kind: 'scenario',
    references: { broken: 'cell:ch/zero-tail', fixed: 'file:fixed.c' },
    runs: [
      { strategy: 'broken', expect: 'corruption' },
      { strategy: 'fixed', expect: 'ok' },
    ],
  });

  it('runs the reader scenario against each reference strategy', () => {
    const calls: CheckRequest[] = [];
    const r = grade(ex, 'SCENARIO', (q) => {
      calls.push(q);
      return q.strategy === 'BROKEN' ? result('corruption') : result('ok');
    });
    expect(calls.map((c) => [c.scenario, c.strategy])).toEqual([
      ['SCENARIO', 'BROKEN'],
      ['SCENARIO', 'FIXED'],
    ]);
    expect(r.passed).toBe(true);
    expect(r.runs.map((x) => x.id)).toEqual(['broken@sc', 'fixed@sc']);
  });

  it('fails a scenario that finds nothing in the broken strategy', () => {
    const r = grade(ex, 'SCENARIO', () => result('ok'));
    expect(failedIds(r)).toEqual(['broken@sc']);
    expect(r.runs[0].reason).toBe('expected corruption');
  });
});

describe('validateExercise', () => {
  it('names every problem with its field', () => {
    const v = validateExercise({ id: 'Bad Id', difficulty: 'trivial', runs: [{ models: ['arm'] }], hints: [''], bet: { run: 3 } });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const fields = v.errors.map((e) => e.split(':')[0]);
    for (const f of ['id', 'chapter', 'order', 'title', 'difficulty', 'goal', 'runs[0].scenario', 'runs[0].models[0]', 'hints[0]', 'bet.run', 'bet.question'])
      expect(fields).toContain(f);
  });

  it('fills defaults: model sc, expect ok, kind strategy', () => {
    const e = exercise({ runs: [{ scenario: 'a' }] });
    expect(e.runs[0]).toEqual({ scenario: 'a', models: ['sc'], expect: ['ok'] });
    expect(e.kind).toBe('strategy');
    expect(e.costs).toEqual([]);
  });

  it('requires a scenario exercise to name known reference strategies', () => {
    const v = validateExercise({ id: 'x', chapter: 'c', order: 1, title: 't', difficulty: 'easy', goal: 'g', kind: 'scenario', runs: [{ strategy: 'nope' }] });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toContain('runs[0].strategy: "nope" is not in references');
  });
});
