import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../cell/storage';
import { CELL_PREFIX, EXERCISE_PREFIX, VersionStore, emptyHistory, withVersion } from '../cell/versions';
import { exportBackup, importBackup, importSummary } from './backup';
import { Progress } from './progress';

function stores() {
  const kv = new MemoryStore();
  return { progress: new Progress(kv), cells: new VersionStore(kv, CELL_PREFIX), exercises: new VersionStore(kv, EXERCISE_PREFIX) };
}

describe('backup', () => {
  it('carries exercise progress, cell versions and exercise versions to another browser', () => {
    const a = stores();
    a.progress.saveAttempt('ex-one', 'attempt');
    a.cells.save('2007/abba', withVersion(emptyHistory(), { code: 'cell edit' }, 'run', '2026-01-01T00:00:00.000Z'));
    a.exercises.save('ex-one', withVersion(emptyHistory(), { code: 'attempt' }, 'reset', '2026-01-01T00:00:01.000Z'));
    const file = JSON.stringify(exportBackup(a));

    const b = stores();
    const r = importBackup(b, file);
    expect(r).toEqual({ exercises: 1, cells: 1, exerciseVersions: 1, skipped: [] });
    expect(b.progress.get('ex-one').code).toBe('attempt');
    expect(b.cells.load('2007/abba').history.versions[0].code).toBe('cell edit');
    expect(b.exercises.load('ex-one').history.versions[0].why).toBe('reset');
    expect(importSummary('f.json', r)).toMatch(/versions of 1 cell and/);
  });

  it('reads a progress file made before versions existed, and refuses what is not one', () => {
    const b = stores();
    const old = JSON.stringify({ format: 'faultlines-progress', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', exercises: { 'ex-one': { v: 1, status: 'completed', hints: 0 } } });
    expect(importBackup(b, old)).toEqual({ exercises: 1, cells: 0, exerciseVersions: 0, skipped: [] });
    expect(importBackup(b, 'nope').error).toBe('not a JSON file');
  });
});
