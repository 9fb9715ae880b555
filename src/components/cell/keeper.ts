// A cell's keeper of the reader's work: its history of versions in this browser (versions.ts),
// the checks a stored value must pass before the cell shows it, and the notices storage trouble
// gives. The cell calls it at each event (typing, Run, Reset, a link, a restore); it never
// deletes a version unless the reader presses Delete.
import type { MemoryModel } from '../../engine/api';
import type { CellData } from './data';
import { notify } from './notices';
import { browserStorage, type WriteResult } from './storage';
import { CELL_PREFIX, LEGACY_CELL_PREFIX, sameSnapshot, VersionStore, withVersion, type History, type Snapshot, type Why } from './versions';

let cellStore: VersionStore | undefined;

/** The cells' versions in this browser (shared by every cell of the page, and by export/import). */
export function cellVersions(): VersionStore {
  cellStore ??= new VersionStore(browserStorage().store, CELL_PREFIX, LEGACY_CELL_PREFIX);
  return cellStore;
}

/**
 * A stored snapshot made fit for this cell: a model the cell does not offer, or a parameter it does
 * not declare or out of its range, falls back to the cell's default. Returns what was replaced.
 */
export function fitSnapshot(s: Snapshot, data: CellData): { snapshot: Snapshot; replaced: string[] } {
  const replaced: string[] = [];
  const out: Snapshot = { code: s.code };
  const models: (MemoryModel | undefined)[] = data.models.length > 0 ? data.models : [data.model];
  if (s.model !== undefined && !models.includes(s.model)) replaced.push(`memory model "${String(s.model)}" (this cell offers ${models.filter(Boolean).join(', ') || 'none'})`);
  out.model = s.model !== undefined && models.includes(s.model) ? s.model : data.model;
  const params: Record<string, number | boolean> = { ...data.params };
  for (const [name, value] of Object.entries(s.params ?? {})) {
    const def = data.paramDefs.find((p) => p.name === name);
    const fits =
      def !== undefined &&
      (def.kind === 'boolean'
        ? typeof value === 'boolean'
        : typeof value === 'number' && Number.isInteger(value) && (def.min === undefined || value >= def.min) && (def.max === undefined || value <= def.max));
    if (fits) params[name] = value;
    else replaced.push(`parameter ${def ? `"${def.label}"` : `"${name}"`} = ${JSON.stringify(value)}`);
  }
  out.params = params;
  return { snapshot: out, replaced };
}

export class CellKeeper {
  private history: History;

  constructor(
    private readonly key: string,
    private readonly data: CellData,
    private readonly notices: HTMLElement,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    const loaded = cellVersions().load(key);
    this.history = loaded.history;
    if (browserStorage().memoryOnly) {
      notify(notices, 'storage', 'This browser does not let the site store anything (private mode, or storage turned off): your edits and versions last only until you leave this page.');
    }
    if (loaded.corrupt) {
      notify(notices, 'storage', 'The stored edit of this cell could not be read; it was set aside, and the cell shows the original code.', { tone: 'error' });
    }
  }

  /** The edit to show at load, fitted to the cell (with a notice if a stored value had to be replaced). */
  start(): Snapshot | null {
    const current = this.history.current;
    if (!current) return null;
    const { snapshot, replaced } = fitSnapshot(current, this.data);
    if (replaced.length > 0) {
      notify(this.notices, 'stored-values', `Your stored edit had values this cell does not offer: ${replaced.join('; ')}. The default is used instead; your code is unchanged.`);
      this.history = { ...this.history, current: snapshot };
      this.persist();
    }
    return snapshot;
  }

  versions(): History['versions'] {
    return this.history.versions;
  }

  current(): Snapshot | null {
    return this.history.current;
  }

  /** The edit shown changed (typing, Run, a restore): null when it equals the original. */
  setCurrent(s: Snapshot | null): void {
    if (sameSnapshot(this.history.current, s)) return;
    this.history = { ...this.history, current: s };
    this.persist();
  }

  /** Keep a version (deduplicated against the newest). */
  keep(s: Snapshot, why: Why): void {
    const before = this.history;
    this.history = withVersion(this.history, s, why, this.now());
    if (this.history !== before) this.persist();
  }

  /** The reader pressed Delete on one version: the only way a version goes before it ages out. */
  deleteVersion(index: number): void {
    this.history = { ...this.history, versions: this.history.versions.filter((_, i) => i !== index) };
    this.persist();
  }

  private persist(): void {
    const result: WriteResult = cellVersions().save(this.key, this.history);
    // A failed write loses nothing on the page: the history stays in memory for this visit.
    if (result === 'quota') {
      notify(this.notices, 'storage', "This browser's storage for the site is full: your edit and versions are kept on this page only, until you leave it. Delete old versions (Versions menu) or export your work from the Exercises page.", { tone: 'error' });
    } else if (result === 'failed' && !browserStorage().memoryOnly) {
      notify(this.notices, 'storage', 'This browser refused to store your edit: it is kept on this page only, until you leave it.', { tone: 'error' });
    }
  }
}
