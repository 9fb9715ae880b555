import { describe, expect, it } from 'vitest';
import { KEY_PREFIX, MemoryStore, Progress, merge, normalize, parseStored } from './progress.js';

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString();
const fresh = () => {
  const store = new MemoryStore();
  return { store, progress: new Progress(store, clock) };
};

describe('Progress.get / update', () => {
  it('starts empty and survives a new Progress over the same store (a reload)', () => {
    const { store, progress } = fresh();
    expect(progress.get('a').status).toBe('new');
    progress.saveAttempt('a', 'int x;');
    progress.markCompleted('a');
    const again = new Progress(store, clock).get('a');
    expect(again.status).toBe('completed');
    expect(again.code).toBe('int x;');
    expect(again.completedAt).toBeTruthy();
  });

  it('keeps the completed mark when the attempt is reset', () => {
    const { progress } = fresh();
    progress.saveAttempt('a', 'x');
    progress.markCompleted('a');
    const p = progress.clearAttempt('a');
    expect(p.status).toBe('completed');
    expect(p.code).toBeUndefined();
  });

  it('reveals hints one at a time, never past the last', () => {
    const { progress } = fresh();
    expect(progress.revealHint('a', 2).hints).toBe(1);
    expect(progress.revealHint('a', 2).hints).toBe(2);
    expect(progress.revealHint('a', 2).hints).toBe(2);
  });

  it('answers a bet once', () => {
    const { progress } = fresh();
    progress.placeBet('a', 'deadlock');
    expect(progress.answerBet('a', 'deadlock').bet).toEqual({ choice: 'deadlock', answer: 'deadlock' });
    expect(progress.answerBet('a', 'ok').bet?.answer).toBe('deadlock');
  });
});

describe('corrupt and old values', () => {
  it('a corrupt record costs only that exercise', () => {
    const { store, progress } = fresh();
    progress.markCompleted('good');
    store.setItem(KEY_PREFIX + 'bad', '{not json');
    store.setItem(KEY_PREFIX + 'worse', '[1,2]');
    const p = new Progress(store, clock);
    expect(p.get('good').status).toBe('completed');
    expect(p.get('bad').status).toBe('new');
    expect(Object.keys(p.all())).toEqual(['good']);
    expect([...p.corrupt].sort()).toEqual(['bad', 'worse']);
    // writing over a corrupt value repairs it
    p.saveAttempt('bad', 'code');
    expect(new Progress(store, clock).get('bad').code).toBe('code');
  });

  it('salvages old shapes: a bare completed mark, a record without a version', () => {
    expect(normalize(true)?.status).toBe('completed');
    expect(normalize('completed')?.status).toBe('completed');
    expect(normalize({ done: true, code: 'x' })).toMatchObject({ v: 1, status: 'completed', code: 'x' });
    expect(normalize({ code: 'x' })?.status).toBe('attempted');
  });

  it('drops fields that make no sense and keeps the rest', () => {
    const p = normalize({ status: 'finished?', hints: -3, code: 42, completedAt: 'yesterday', bet: { choice: 'maybe' } });
    expect(p).toEqual({ v: 1, status: 'new', hints: 0 });
    expect(parseStored('null').corrupt).toBe(true);
    expect(parseStored(null)).toEqual({ progress: { v: 1, status: 'new', hints: 0 }, corrupt: false });
  });

  it('ignores foreign keys in the store', () => {
    const { store, progress } = fresh();
    store.setItem('other-app', 'x');
    store.setItem(KEY_PREFIX + '../evil', '{}');
    progress.markCompleted('a');
    expect(progress.ids()).toEqual(['a']);
  });

  it('never throws when storage throws (disabled or full)', () => {
    const broken = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const p = new Progress(broken, clock);
    expect(p.get('a').status).toBe('new');
    expect(p.markCompleted('a').status).toBe('completed');
    expect(p.all()).toEqual({});
  });
});

describe('merge', () => {
  it('takes the further status, more hints, newer code, earliest completion', () => {
    const a = { v: 1 as const, status: 'completed' as const, hints: 1, code: 'old', updatedAt: '2026-01-01T00:00:00.000Z', completedAt: '2026-01-01T00:00:00.000Z' };
    const b = { v: 1 as const, status: 'attempted' as const, hints: 3, code: 'new', updatedAt: '2026-02-01T00:00:00.000Z' };
    expect(merge(a, b)).toMatchObject({ status: 'completed', hints: 3, code: 'new', completedAt: a.completedAt });
    expect(merge(b, a)).toMatchObject({ status: 'completed', hints: 3, code: 'new', completedAt: a.completedAt });
  });
});

describe('export / import', () => {
  it('round-trips into another browser without losing what is there', () => {
    const student = fresh();
    student.progress.saveAttempt('one', 'student code');
    student.progress.markCompleted('one');
    student.progress.revealHint('two', 3);
    const file = JSON.stringify(student.progress.exportFile());

    const teacher = fresh();
    teacher.progress.markCompleted('three');
    const r = teacher.progress.importFile(file);
    expect(r).toEqual({ imported: ['one', 'two'], skipped: [] });
    expect(teacher.progress.get('one')).toMatchObject({ status: 'completed', code: 'student code' });
    expect(teacher.progress.get('two').hints).toBe(1);
    expect(teacher.progress.get('three').status).toBe('completed');
  });

  it('a completed mark is never downgraded by an import', () => {
    const { progress } = fresh();
    progress.markCompleted('one');
    const file = { format: 'faultlines-progress', version: 1, exportedAt: clock(), exercises: { one: { status: 'attempted', hints: 0, updatedAt: '2099-01-01T00:00:00.000Z' } } };
    progress.importFile(JSON.stringify(file));
    expect(progress.get('one').status).toBe('completed');
  });

  it('rejects what is not a progress file, skips unusable records, refuses newer versions', () => {
    const { progress } = fresh();
    expect(progress.importFile('hello').error).toMatch(/JSON/);
    expect(progress.importFile('{"format":"other"}').error).toMatch(/not a Faultlines/);
    expect(progress.importFile('{"format":"faultlines-progress","version":9,"exercises":{}}').error).toMatch(/newer/);
    const r = progress.importFile(
      JSON.stringify({ format: 'faultlines-progress', version: 1, exercises: { ok1: { status: 'completed' }, bad: 7, 'Bad Id': { status: 'completed' } } }),
    );
    expect(r).toEqual({ imported: ['ok1'], skipped: ['bad', 'Bad Id'] });
  });
});
