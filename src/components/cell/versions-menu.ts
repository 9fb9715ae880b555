// The Versions menu of a cell or an exercise: the reader's kept versions, newest first, each with
// its code to look at, Restore and Delete. Rendering only; the caller owns the history.
import { whyWords, type Version } from './versions';

export interface VersionsMenuActions {
  restore(index: number): void;
  delete(index: number): void;
}

function when(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime()) || d.getTime() === 0) return 'earlier';
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
}

function describe(v: Version): string {
  const lines = v.code.split('\n').length;
  return `${whyWords[v.why]} · ${when(v.at)} · ${lines} line${lines === 1 ? '' : 's'}${v.model ? ` · ${v.model}` : ''}`;
}

/** Fill `panel` with the versions (index = position in `versions`, oldest first). */
export function renderVersions(panel: HTMLElement, versions: readonly Version[], actions: VersionsMenuActions): void {
  panel.replaceChildren();
  const heading = document.createElement('p');
  heading.className = 'fl-versions-head';
  heading.textContent = versions.length === 0
    ? 'No versions yet: every Run of changed code, every Reset and every opened link keeps one here.'
    : `${versions.length} version${versions.length === 1 ? '' : 's'} kept in this browser, newest first. Restoring shows a version without running it; Delete removes it for good.`;
  panel.append(heading);
  if (versions.length === 0) return;
  const list = document.createElement('ol');
  list.className = 'fl-versions-list';
  list.setAttribute('aria-label', 'Kept versions');
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i];
    const label = describe(v);
    const li = document.createElement('li');
    li.dataset.flVersion = String(i);
    li.dataset.why = v.why;
    const text = document.createElement('span');
    text.textContent = label;
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.textContent = 'Restore';
    restore.setAttribute('aria-label', `Restore: ${label}`);
    restore.addEventListener('click', () => actions.restore(i));
    const del = document.createElement('button');
    del.type = 'button';
    del.textContent = 'Delete';
    del.setAttribute('aria-label', `Delete: ${label}`);
    del.addEventListener('click', () => actions.delete(i));
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Code';
    const pre = document.createElement('pre');
    pre.className = 'fl-version-code';
    pre.textContent = v.code;
    details.append(summary, pre);
    li.append(text, ' ', restore, ' ', del, details);
    list.append(li);
  }
  panel.append(list);
}

/** The Versions panel of one cell or exercise: opened and closed by its button, placed by the caller. */
export class VersionsPanel {
  private panel: HTMLElement | null = null;

  constructor(
    private readonly button: HTMLButtonElement | null,
    private readonly label: string,
    private readonly place: (panel: HTMLElement) => void,
    private readonly versions: () => readonly Version[],
    private readonly actions: VersionsMenuActions,
  ) {}

  toggle(): void {
    if (this.panel) {
      this.panel.remove();
      this.panel = null;
      this.button?.setAttribute('aria-expanded', 'false');
      return;
    }
    this.panel = document.createElement('div');
    this.panel.className = 'fl-versions';
    this.panel.setAttribute('role', 'group');
    this.panel.setAttribute('aria-label', this.label);
    this.place(this.panel);
    this.button?.setAttribute('aria-expanded', 'true');
    this.refresh();
  }

  /** Redraw after the history changed (no-op while closed). */
  refresh(): void {
    if (this.panel) renderVersions(this.panel, this.versions(), this.actions);
  }
}
