// The /exercises/ index in the browser: completed marks from this browser's progress, and the
// progress file a student hands to a teacher (export) or a teacher opens (import).
import { cellVersions } from '../cell/keeper';
import { exportBackup, importBackup, importSummary } from './backup';
import { browserProgress, exerciseVersions } from './browser-store';

const WORDS = { new: '', attempted: 'Attempted', completed: 'Completed' } as const;

function refresh(root: HTMLElement): void {
  const progress = browserProgress();
  let done = 0;
  const items = [...root.querySelectorAll<HTMLElement>('[data-exercise-item]')];
  for (const li of items) {
    const status = progress.get(li.dataset.exerciseItem!).status;
    li.dataset.status = status;
    const mark = li.querySelector<HTMLElement>('[data-fl-ex-mark]');
    if (mark) {
      mark.textContent = WORDS[status];
      mark.hidden = status === 'new';
    }
    if (status === 'completed') done++;
  }
  const count = root.querySelector<HTMLElement>('[data-fl-ex-count]');
  if (count) count.textContent = `${done} of ${items.length} completed in this browser.`;
}

function say(root: HTMLElement, text: string): void {
  const out = root.querySelector<HTMLElement>('[data-fl-ex-io-message]');
  if (out) {
    out.textContent = text;
    out.hidden = !text;
  }
}

function init(): void {
  const root = document.querySelector<HTMLElement>('[data-fl-exercise-index]');
  if (!root) return;
  const progress = browserProgress();
  refresh(root);
  const exportButton = root.querySelector<HTMLButtonElement>('button[data-action="export"]');
  const importInput = root.querySelector<HTMLInputElement>('input[data-action="import"]');
  if (exportButton) {
    exportButton.disabled = false;
    exportButton.addEventListener('click', () => {
      const file = exportBackup({ progress, cells: cellVersions(), exercises: exerciseVersions() });
      const blob = new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `faultlines-progress-${file.exportedAt.slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      say(root, `Exported ${Object.keys(file.exercises).length} exercise records and the versions of ${Object.keys(file.cells ?? {}).length} cells.`);
    });
  }
  if (importInput) {
    importInput.disabled = false;
    importInput.addEventListener('change', async () => {
      const file = importInput.files?.[0];
      if (!file) return;
      const r = importBackup({ progress, cells: cellVersions(), exercises: exerciseVersions() }, await file.text());
      importInput.value = '';
      say(root, importSummary(file.name, r));
      refresh(root);
    });
  }
  progress.all(); // reads every stored record, so an unreadable one is named below
  if (progress.corrupt.size > 0) say(root, `Some stored progress could not be read and was set aside: ${[...progress.corrupt].join(', ')}. The rest is intact.`);
  document.documentElement.classList.add('fl-live');
}

init();
