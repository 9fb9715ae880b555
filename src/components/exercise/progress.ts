// Exercise progress kept in the browser: one localStorage key per exercise, so a value spoilt
// by hand, by an extension or by an older build costs that exercise only, never the rest.
// Pure logic over a Storage-like object (tests pass a Map-backed one); no DOM.
import type { Outcome, Verdict } from '../../engine/api.js';
import { MemoryStore, type KeyValue } from '../cell/storage';

export const PROGRESS_VERSION = 1;
export const KEY_PREFIX = 'faultlines:exercise:';
export const EXPORT_FORMAT = 'faultlines-progress';

export type Status = 'new' | 'attempted' | 'completed';
const RANK: Record<Status, number> = { new: 0, attempted: 1, completed: 2 };

export interface ExerciseProgress {
  v: typeof PROGRESS_VERSION;
  status: Status;
  /** the reader's latest attempt (their code), kept so a reload or "Show solution" never loses it */
  code?: string;
  /** hints revealed so far */
  hints: number;
  /** ISO time of the first passing Check */
  completedAt?: string;
  /** ISO time of the last change */
  updatedAt?: string;
  /** "place your bet": the reader's guess and, once known, the engine's answer */
  bet?: { choice: Verdict; answer?: Outcome };
}

/** The part of the Web Storage API used: one definition, in cell/storage.ts. */
export type { KeyValue };

export const empty = (): ExerciseProgress => ({ v: PROGRESS_VERSION, status: 'new', hints: 0 });

const VERDICT_WORDS = ['ok', 'deadlock', 'corruption', 'bug', 'livelock'];
const OUTCOME_WORDS = [...VERDICT_WORDS, 'error', 'budget'];
const isIso = (s: unknown): s is string => typeof s === 'string' && !Number.isNaN(Date.parse(s));

/**
 * Reads one stored value of any version into the current shape, keeping every field that
 * still makes sense and dropping the rest. Null when nothing can be salvaged.
 * Older shapes accepted: `true`/`"completed"` (a bare completed mark) and records without `v`.
 */
export function normalize(raw: unknown): ExerciseProgress | null {
  if (raw === true || raw === 'completed' || raw === 'done') return { ...empty(), status: 'completed' };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  const p = empty();
  if (typeof o.status === 'string' && o.status in RANK) p.status = o.status as Status;
  else if (o.completed === true || o.done === true) p.status = 'completed';
  if (typeof o.code === 'string') {
    p.code = o.code;
    if (p.status === 'new') p.status = 'attempted';
  }
  if (typeof o.hints === 'number' && Number.isInteger(o.hints) && o.hints >= 0) p.hints = Math.min(o.hints, 100);
  if (isIso(o.completedAt)) p.completedAt = o.completedAt;
  if (isIso(o.updatedAt)) p.updatedAt = o.updatedAt;
  const bet = o.bet as Record<string, unknown> | undefined;
  if (bet && typeof bet === 'object' && VERDICT_WORDS.includes(bet.choice as string)) {
    p.bet = { choice: bet.choice as Verdict };
    if (OUTCOME_WORDS.includes(bet.answer as string)) p.bet.answer = bet.answer as Outcome;
  }
  return p;
}

/** Parses a stored string; `corrupt` when it is not JSON or holds nothing usable. */
export function parseStored(text: string | null): { progress: ExerciseProgress; corrupt: boolean } {
  if (text === null) return { progress: empty(), corrupt: false };
  try {
    const p = normalize(JSON.parse(text));
    return p ? { progress: p, corrupt: false } : { progress: empty(), corrupt: true };
  } catch {
    return { progress: empty(), corrupt: true };
  }
}

/** Combines two records of the same exercise: the further status, the more hints, the newer code. */
export function merge(a: ExerciseProgress, b: ExerciseProgress): ExerciseProgress {
  const newer = (b.updatedAt ?? '') > (a.updatedAt ?? '') ? b : a;
  const older = newer === a ? b : a;
  const out: ExerciseProgress = { ...older, ...newer, v: PROGRESS_VERSION };
  out.status = RANK[a.status] >= RANK[b.status] ? a.status : b.status;
  out.hints = Math.max(a.hints, b.hints);
  const done = [a.completedAt, b.completedAt].filter(isIso).sort();
  if (done.length) out.completedAt = done[0];
  if (newer.code === undefined && older.code !== undefined) out.code = older.code;
  if (newer.bet === undefined && older.bet !== undefined) out.bet = older.bet;
  return out;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: string;
  exercises: Record<string, ExerciseProgress>;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Progress over a key-value store. Every read tolerates a bad value; every write is one key. */
export class Progress {
  /** ids whose stored value was unreadable and was replaced by an empty record on first read */
  readonly corrupt = new Set<string>();

  constructor(
    private store: KeyValue,
    private now: () => string = () => new Date().toISOString(),
  ) {}

  get(id: string): ExerciseProgress {
    let text: string | null = null;
    try {
      text = this.store.getItem(KEY_PREFIX + id);
    } catch {
      /* storage disabled: behave as empty */
    }
    const { progress, corrupt } = parseStored(text);
    if (corrupt) this.corrupt.add(id);
    return progress;
  }

  /** Applies a change and stores it; returns the new record. Never throws (quota, disabled storage). */
  update(id: string, change: (p: ExerciseProgress) => ExerciseProgress | void): ExerciseProgress {
    const draft = structuredClone(this.get(id));
    const after = change(draft) ?? draft;
    after.v = PROGRESS_VERSION;
    after.updatedAt = this.now();
    this.write(id, after);
    return after;
  }

  private write(id: string, p: ExerciseProgress): boolean {
    try {
      this.store.setItem(KEY_PREFIX + id, JSON.stringify(p));
      return true;
    } catch {
      return false;
    }
  }

  saveAttempt(id: string, code: string): ExerciseProgress {
    return this.update(id, (p) => {
      p.code = code;
      if (p.status === 'new') p.status = 'attempted';
    });
  }

  /** Forgets the attempt (Reset) but keeps the completed mark: finishing an exercise is not undone by trying again. */
  clearAttempt(id: string): ExerciseProgress {
    return this.update(id, (p) => {
      delete p.code;
    });
  }

  markCompleted(id: string): ExerciseProgress {
    return this.update(id, (p) => {
      if (p.status !== 'completed') p.completedAt = this.now();
      p.status = 'completed';
    });
  }

  revealHint(id: string, total: number): ExerciseProgress {
    return this.update(id, (p) => {
      p.hints = Math.min(total, p.hints + 1);
    });
  }

  placeBet(id: string, choice: Verdict): ExerciseProgress {
    return this.update(id, (p) => {
      p.bet = { choice };
    });
  }

  answerBet(id: string, answer: Outcome): ExerciseProgress {
    return this.update(id, (p) => {
      if (p.bet && p.bet.answer === undefined) p.bet.answer = answer;
    });
  }

  /** Every exercise id with a stored record. */
  ids(): string[] {
    const out: string[] = [];
    try {
      for (let i = 0; i < this.store.length; i++) {
        const k = this.store.key(i);
        if (k && k.startsWith(KEY_PREFIX) && ID.test(k.slice(KEY_PREFIX.length))) out.push(k.slice(KEY_PREFIX.length));
      }
    } catch {
      /* storage disabled */
    }
    return out.sort();
  }

  all(): Record<string, ExerciseProgress> {
    const out: Record<string, ExerciseProgress> = {};
    for (const id of this.ids()) {
      const p = this.get(id);
      if (!this.corrupt.has(id)) out[id] = p;
    }
    return out;
  }

  exportFile(): ExportFile {
    return { format: EXPORT_FORMAT, version: PROGRESS_VERSION, exportedAt: this.now(), exercises: this.all() };
  }

  /**
   * Merges an exported file into the store. Each record is read like a stored one (old or odd
   * records salvaged, unusable ones skipped and named); nothing already stored is lost.
   */
  importFile(text: string): { imported: string[]; skipped: string[]; error?: string } {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return { imported: [], skipped: [], error: 'not a JSON file' };
    }
    const o = data as Partial<ExportFile> | null;
    if (!o || typeof o !== 'object' || o.format !== EXPORT_FORMAT) return { imported: [], skipped: [], error: 'not a Faultlines progress file' };
    if (typeof o.version !== 'number' || o.version > PROGRESS_VERSION)
      return { imported: [], skipped: [], error: `made by a newer Faultlines (version ${String(o.version)})` };
    if (!o.exercises || typeof o.exercises !== 'object') return { imported: [], skipped: [], error: 'no exercises in the file' };
    const imported: string[] = [];
    const skipped: string[] = [];
    for (const [id, raw] of Object.entries(o.exercises)) {
      const p = ID.test(id) ? normalize(raw) : null;
      if (!p) {
        skipped.push(id);
        continue;
      }
      const merged = merge(this.get(id), p);
      if (this.write(id, merged)) imported.push(id);
      else skipped.push(id);
    }
    return { imported, skipped };
  }
}

export { MemoryStore };
