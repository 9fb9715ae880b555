// This browser's key-value storage for the reader's work (cell versions, exercise progress), with
// every failure turned into a value the page can state: storage disabled (privacy mode, a
// sandboxed frame) falls back to memory for this visit; a full quota is reported by the write
// that hit it. Nothing here throws.

/** The part of the Web Storage API used (localStorage, or a Map in tests and as the fallback). */
export interface KeyValue {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A Map-backed KeyValue (tests, and the fallback when localStorage is unavailable). */
export class MemoryStore implements KeyValue {
  private m = new Map<string, string>();
  get length(): number {
    return this.m.size;
  }
  key(i: number): string | null {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.m.set(k, String(v));
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
}

/** What a write did: stored, refused for lack of space, or failed because storage is off. */
export type WriteResult = 'ok' | 'quota' | 'failed';

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; code?: number } | null;
  return !!e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);
}

/** One write; a full quota is told apart from other failures so the page can say which. */
export function write(store: KeyValue, key: string, value: string): WriteResult {
  try {
    store.setItem(key, value);
    return 'ok';
  } catch (error) {
    return isQuotaError(error) ? 'quota' : 'failed';
  }
}

export function read(store: KeyValue, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

export function remove(store: KeyValue, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // storage disabled: nothing was stored either
  }
}

/** Every stored key that starts with `prefix`, without the prefix. */
export function keysWith(store: KeyValue, prefix: string): string[] {
  const out: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k?.startsWith(prefix)) out.push(k.slice(prefix.length));
    }
  } catch {
    // storage disabled: no keys
  }
  return out.sort();
}

export interface BrowserStorage {
  store: KeyValue;
  /** true when localStorage cannot be used and the reader's work lasts only for this visit */
  memoryOnly: boolean;
}

let browser: BrowserStorage | undefined;

/** localStorage when a probe write and read work; memory otherwise. One per page. */
export function browserStorage(): BrowserStorage {
  if (browser) return browser;
  try {
    const s = globalThis.localStorage;
    const probe = 'faultlines:probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    browser = { store: s, memoryOnly: false };
  } catch (error) {
    // A full quota still lets the reader's existing work be read: keep localStorage then.
    let s: Storage | null = null;
    try {
      s = globalThis.localStorage ?? null;
    } catch {
      s = null;
    }
    browser = s && isQuotaError(error) ? { store: s, memoryOnly: false } : { store: new MemoryStore(), memoryOnly: true };
  }
  return browser;
}
