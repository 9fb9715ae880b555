// The reader's versions of a cell or an exercise, kept in this browser: the current edit plus a
// history (every Run of changed code, every Reset, every opened link, every restore), newest
// last. One storage key per cell or exercise, so a spoilt value costs that one only. Pure logic
// over a KeyValue; no DOM.
import type { MemoryModel } from '../../engine/api';
import { keysWith, read, remove, write, type KeyValue, type WriteResult } from './storage';

export interface Snapshot {
  code: string;
  model?: MemoryModel;
  params?: Record<string, number | boolean>;
}

/** why a version was kept: the words the Versions menu shows */
export type Why = 'run' | 'reset' | 'link' | 'mine' | 'restore' | 'saved';

export const whyWords: Record<Why, string> = {
  run: 'Ran',
  reset: 'Before Reset',
  link: 'From a link',
  mine: 'Your edit, kept when a link opened',
  restore: 'Before a restore',
  saved: 'Saved edit',
};

export interface Version extends Snapshot {
  /** ISO time */
  at: string;
  why: Why;
}

export interface History {
  v: 2;
  /** the edit shown in the cell (null: the original) */
  current: Snapshot | null;
  versions: Version[];
}

/** Versions kept per cell or exercise; past this the oldest goes (the issue asks for at least 20). */
export const maxVersions = 50;

export const CELL_PREFIX = 'faultlines:v2:cell:';
/** Where a cell's last edit was kept before versions existed: read once, moved, then removed. */
export const LEGACY_CELL_PREFIX = 'faultlines:v1:cell:';
export const EXERCISE_PREFIX = 'faultlines:v2:exercise-versions:';
/** An entry that could not be read is moved here rather than overwritten. */
export const SET_ASIDE_PREFIX = 'faultlines:set-aside:';

const WHY = new Set<string>(Object.keys(whyWords));

export const emptyHistory = (): History => ({ v: 2, current: null, versions: [] });

/** A snapshot as stored, whatever its shape; null when it has no code. Values are checked later, against the cell. */
export function readSnapshot(raw: unknown): Snapshot | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.code !== 'string') return null;
  const s: Snapshot = { code: o.code };
  if (typeof o.model === 'string') s.model = o.model as MemoryModel;
  if (o.params && typeof o.params === 'object' && !Array.isArray(o.params)) s.params = o.params as Snapshot['params'];
  return s;
}

/** A stored history of any version into the current shape; null when nothing can be salvaged. */
export function readHistory(raw: unknown): History | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  if (o.v !== 2) return null;
  const h = emptyHistory();
  h.current = o.current === null ? null : readSnapshot(o.current);
  if (Array.isArray(o.versions)) {
    for (const item of o.versions) {
      const s = readSnapshot(item);
      const at = (item as { at?: unknown }).at;
      const why = (item as { why?: unknown }).why;
      if (s) h.versions.push({ ...s, at: typeof at === 'string' ? at : new Date(0).toISOString(), why: typeof why === 'string' && WHY.has(why) ? (why as Why) : 'saved' });
    }
  }
  return h;
}

export function sameSnapshot(a: Snapshot | null | undefined, b: Snapshot | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.code === b.code && a.model === b.model && JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});
}

/** Appends a version unless it equals the newest one; drops the oldest past maxVersions. */
export function withVersion(h: History, s: Snapshot, why: Why, at: string): History {
  const last = h.versions[h.versions.length - 1];
  if (last && sameSnapshot(last, s)) return h;
  const versions = [...h.versions, { ...copy(s), at, why }];
  return { ...h, versions: versions.slice(-maxVersions) };
}

function copy(s: Snapshot): Snapshot {
  const out: Snapshot = { code: s.code };
  if (s.model !== undefined) out.model = s.model;
  if (s.params !== undefined) out.params = { ...s.params };
  return out;
}

/** Two histories of one cell (an import into a browser that has its own): every version of both, in time order. */
export function mergeHistories(mine: History, theirs: History): History {
  const seen = new Set<string>();
  const all = [...mine.versions, ...theirs.versions].filter((v) => {
    const id = `${v.at}\u0000${v.why}\u0000${v.code}\u0000${v.model ?? ''}\u0000${JSON.stringify(v.params ?? {})}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { v: 2, current: mine.current ?? theirs.current, versions: all.slice(-maxVersions) };
}

/** What loading a history found besides the history itself. */
export interface Loaded {
  history: History;
  /** the stored value could not be read; it was moved to SET_ASIDE_PREFIX + the key */
  corrupt: boolean;
  /** a pre-versions edit was found and moved into the history */
  migrated: boolean;
}

/** Histories under one prefix of a KeyValue (cells, or exercises). */
export class VersionStore {
  constructor(
    private readonly store: KeyValue,
    private readonly prefix: string,
    private readonly legacyPrefix: string | null = null,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  load(key: string): Loaded {
    const text = read(this.store, this.prefix + key);
    if (text !== null) {
      let h: History | null = null;
      try {
        h = readHistory(JSON.parse(text));
      } catch {
        h = null;
      }
      if (h) return { history: h, corrupt: false, migrated: false };
      // Unreadable: keep the text where nothing overwrites it, and start afresh.
      if (write(this.store, SET_ASIDE_PREFIX + this.prefix + key, text) === 'ok') remove(this.store, this.prefix + key);
      return { history: emptyHistory(), corrupt: true, migrated: false };
    }
    return this.migrate(key);
  }

  /** A last edit stored before versions existed becomes the current edit and the first version. */
  private migrate(key: string): Loaded {
    if (this.legacyPrefix === null) return { history: emptyHistory(), corrupt: false, migrated: false };
    const old = read(this.store, this.legacyPrefix + key);
    if (old === null) return { history: emptyHistory(), corrupt: false, migrated: false };
    let s: Snapshot | null = null;
    try {
      s = readSnapshot(JSON.parse(old));
    } catch {
      s = null;
    }
    if (!s) return { history: emptyHistory(), corrupt: true, migrated: false };
    const history = withVersion({ v: 2, current: s, versions: [] }, s, 'saved', this.now());
    // The old key goes only once the new one holds the edit: a failed write loses nothing.
    if (this.save(key, history) === 'ok') remove(this.store, this.legacyPrefix + key);
    return { history, corrupt: false, migrated: true };
  }

  save(key: string, history: History): WriteResult {
    return write(this.store, this.prefix + key, JSON.stringify(history));
  }

  keys(): string[] {
    return keysWith(this.store, this.prefix);
  }

  /** Every readable history under this prefix (for export). */
  all(): Record<string, History> {
    const out: Record<string, History> = {};
    for (const key of this.keys()) {
      const loaded = this.load(key);
      if (!loaded.corrupt) out[key] = loaded.history;
    }
    return out;
  }

  /** Merges exported histories in; returns the keys stored and the ones skipped (unreadable or no room). */
  importAll(data: unknown): { imported: string[]; skipped: string[] } {
    const imported: string[] = [];
    const skipped: string[] = [];
    if (!data || typeof data !== 'object') return { imported, skipped };
    for (const [key, raw] of Object.entries(data)) {
      const theirs = readHistory(raw);
      if (!theirs || key.length === 0 || key.length > 200) {
        skipped.push(key);
        continue;
      }
      const merged = mergeHistories(this.load(key).history, theirs);
      if (this.save(key, merged) === 'ok') imported.push(key);
      else skipped.push(key);
    }
    return { imported, skipped };
  }
}
