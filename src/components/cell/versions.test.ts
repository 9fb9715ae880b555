import { describe, expect, it } from 'vitest';
import { MemoryStore } from './storage';
import { CELL_PREFIX, LEGACY_CELL_PREFIX, maxVersions, mergeHistories, SET_ASIDE_PREFIX, VersionStore, withVersion, emptyHistory } from './versions';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

describe('withVersion', () => {
  it('keeps versions in order and skips one equal to the newest', () => {
    let h = withVersion(emptyHistory(), { code: 'a' }, 'run', at(1));
    h = withVersion(h, { code: 'a' }, 'run', at(2));
    h = withVersion(h, { code: 'b' }, 'reset', at(3));
    h = withVersion(h, { code: 'a' }, 'link', at(4));
    expect(h.versions.map((v) => [v.code, v.why])).toEqual([['a', 'run'], ['b', 'reset'], ['a', 'link']]);
  });

  it('keeps at least the last 20 (up to maxVersions)', () => {
    let h = emptyHistory();
    for (let i = 0; i < maxVersions + 5; i++) h = withVersion(h, { code: `v${i}` }, 'run', at(i));
    expect(maxVersions).toBeGreaterThanOrEqual(20);
    expect(h.versions).toHaveLength(maxVersions);
    expect(h.versions.at(-1)!.code).toBe(`v${maxVersions + 4}`);
  });
});

describe('VersionStore', () => {
  it('moves an edit stored under the old key into the history, and removes the old key only after', () => {
    const kv = new MemoryStore();
    kv.setItem(`${LEGACY_CELL_PREFIX}2007/abba`, JSON.stringify({ code: 'mine', model: 'tso', params: { tasks: 2 } }));
    const store = new VersionStore(kv, CELL_PREFIX, LEGACY_CELL_PREFIX, () => at(9));
    const loaded = store.load('2007/abba');
    expect(loaded.migrated).toBe(true);
    expect(loaded.history.current).toEqual({ code: 'mine', model: 'tso', params: { tasks: 2 } });
    expect(loaded.history.versions).toEqual([{ code: 'mine', model: 'tso', params: { tasks: 2 }, at: at(9), why: 'saved' }]);
    expect(kv.getItem(`${LEGACY_CELL_PREFIX}2007/abba`)).toBeNull();
    expect(store.load('2007/abba').history).toEqual(loaded.history);
  });

  it('keeps the old key when the new one cannot be written', () => {
    const kv = new MemoryStore();
    kv.setItem(`${LEGACY_CELL_PREFIX}k`, JSON.stringify({ code: 'mine' }));
    const full = new (class extends MemoryStore {
      setItem(): void {
        throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      }
    })();
    for (let i = 0; i < kv.length; i++) MemoryStore.prototype.setItem.call(full, kv.key(i)!, kv.getItem(kv.key(i)!)!);
    const store = new VersionStore(full, CELL_PREFIX, LEGACY_CELL_PREFIX);
    expect(store.load('k').history.current).toEqual({ code: 'mine' });
    expect(full.getItem(`${LEGACY_CELL_PREFIX}k`)).not.toBeNull();
    expect(store.save('k', emptyHistory())).toBe('quota');
  });

  it('sets a corrupt entry aside instead of overwriting it', () => {
    const kv = new MemoryStore();
    kv.setItem(`${CELL_PREFIX}k`, '{not json');
    const store = new VersionStore(kv, CELL_PREFIX);
    const loaded = store.load('k');
    expect(loaded.corrupt).toBe(true);
    expect(loaded.history).toEqual(emptyHistory());
    expect(kv.getItem(`${SET_ASIDE_PREFIX}${CELL_PREFIX}k`)).toBe('{not json');
    expect(kv.getItem(`${CELL_PREFIX}k`)).toBeNull();
  });

  it('exports and imports every history, merging with what is stored', () => {
    const a = new VersionStore(new MemoryStore(), CELL_PREFIX);
    a.save('x', withVersion(emptyHistory(), { code: 'from a' }, 'run', at(1)));
    const b = new VersionStore(new MemoryStore(), CELL_PREFIX);
    b.save('x', withVersion(emptyHistory(), { code: 'from b' }, 'run', at(2)));
    const r = b.importAll(JSON.parse(JSON.stringify(a.all())));
    expect(r).toEqual({ imported: ['x'], skipped: [] });
    expect(b.load('x').history.versions.map((v) => v.code)).toEqual(['from a', 'from b']);
    // importing the same file again adds nothing
    b.importAll(JSON.parse(JSON.stringify(a.all())));
    expect(b.load('x').history.versions).toHaveLength(2);
    expect(b.importAll({ y: { v: 1 } })).toEqual({ imported: [], skipped: ['y'] });
  });
});

describe('mergeHistories', () => {
  it('keeps the current edit of this browser', () => {
    const mine = { ...emptyHistory(), current: { code: 'here' } };
    const theirs = { ...emptyHistory(), current: { code: 'there' } };
    expect(mergeHistories(mine, theirs).current).toEqual({ code: 'here' });
    expect(mergeHistories(emptyHistory(), theirs).current).toEqual({ code: 'there' });
  });
});
