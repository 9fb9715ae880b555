// The file a reader exports from /exercises/ and imports elsewhere: exercise progress (progress.ts's
// format) plus, in two extra fields an older import simply ignores, every cell's versions and every
// exercise's versions. Importing merges: nothing already in this browser is lost.
import type { History } from '../cell/versions';
import type { VersionStore } from '../cell/versions';
import type { ExportFile, Progress } from './progress';

export interface BackupFile extends ExportFile {
  /** cell key (`<chapter>/<id>`) -> its versions */
  cells?: Record<string, History>;
  /** exercise id -> the versions of the reader's attempt */
  exerciseVersions?: Record<string, History>;
}

export interface Stores {
  progress: Progress;
  cells: VersionStore;
  exercises: VersionStore;
}

export function exportBackup(stores: Stores): BackupFile {
  return { ...stores.progress.exportFile(), cells: stores.cells.all(), exerciseVersions: stores.exercises.all() };
}

export interface ImportReport {
  error?: string;
  exercises: number;
  cells: number;
  exerciseVersions: number;
  skipped: string[];
}

export function importBackup(stores: Stores, text: string): ImportReport {
  const r = stores.progress.importFile(text);
  const report: ImportReport = { exercises: r.imported.length, cells: 0, exerciseVersions: 0, skipped: [...r.skipped] };
  if (r.error) return { ...report, error: r.error };
  const data = JSON.parse(text) as BackupFile; // importFile has parsed it already: it is JSON
  const cells = stores.cells.importAll(data.cells);
  const versions = stores.exercises.importAll(data.exerciseVersions);
  report.cells = cells.imported.length;
  report.exerciseVersions = versions.imported.length;
  report.skipped.push(...cells.skipped.map((k) => `cell ${k}`), ...versions.skipped.map((k) => `versions of ${k}`));
  return report;
}

/** One line for the reader about an import. */
export function importSummary(name: string, r: ImportReport): string {
  if (r.error) return `Could not import ${name}: ${r.error}. Nothing was changed.`;
  const skipped = r.skipped.length ? `; skipped ${r.skipped.length} unreadable or without room (${r.skipped.join(', ')})` : '';
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  return `Imported from ${name}: ${n(r.exercises, 'exercise record')}, versions of ${n(r.cells, 'cell')} and of ${n(r.exerciseVersions, 'exercise')}${skipped}.`;
}
