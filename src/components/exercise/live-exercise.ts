// One live exercise in the browser. The engine runs in the cells' Worker pool (cell/bridge), the
// editor is the cells' CodeMirror setup (cell/editor), the failing traces are views/' renderers;
// this file holds the grading loop, the hints, the solution panel, Reset and the progress record.
import type { Verdict } from '../../engine/api';
import { verdictWord } from '../../engine/api';
import { CODE_EXT, gradeAsync, type Exercise, type GradeReport } from '../../engine/grade';
import { Cancelled, cancel as cancelRun, run as runEngine } from '../cell/bridge';
import type { CellEditor } from '../cell/editor';
import { EditorSlot } from '../cell/editor-slot';
import { loadPart } from '../cell/lazy';
import { dismiss, notify } from '../cell/notices';
import { browserStorage } from '../cell/storage';
import { withVersion, type History, type VersionStore, type Why } from '../cell/versions';
import { VersionsPanel } from '../cell/versions-menu';
import { exerciseVersions } from './browser-store';
import { attachViews } from '../cell/views-adapter';
import type { ExerciseData } from './data';
import { Progress } from './progress';
import { renderReport, reportStatus, runAsResult } from './render';

function q<T extends Element>(root: Element, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`exercise markup lacks ${selector}`);
  return el;
}

export class LiveExercise {
  private readonly slot: EditorSlot;
  /** the attempt while the editor is not loaded yet */
  private pendingCode: string | null = null;
  private checking = 0;
  /** how many run keys Checks have used, to cancel them */
  private keys = 0;
  private scrubbers: { destroy(): void }[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly code: HTMLElement;
  private readonly status: HTMLElement;
  private readonly results: HTMLElement;
  private readonly solution: HTMLElement;
  private readonly confirm: HTMLElement;
  private readonly done: HTMLElement;
  /** the exercise's notices (Undo, Retry, storage trouble), under the status line */
  private readonly notices: HTMLElement;
  private history: History;
  private readonly versionsPanel: VersionsPanel;

  constructor(
    readonly el: HTMLElement,
    readonly data: ExerciseData,
    private readonly progress: Progress,
    private readonly versions: VersionStore = exerciseVersions(),
  ) {
    this.code = q(el, '[data-fl-ex-code]');
    this.slot = new EditorSlot(this.code, q(el, '[data-fl-ex-editor]'));
    this.status = q(el, '[data-fl-ex-status]');
    this.results = q(el, '[data-fl-ex-results]');
    this.solution = q(el, '[data-fl-ex-solution]');
    this.confirm = q(el, '[data-fl-ex-confirm]');
    this.done = q(el, '[data-fl-ex-done]');
    this.notices = document.createElement('div');
    this.notices.className = 'fl-message';
    this.notices.hidden = true;
    this.status.after(this.notices);
    const loaded = this.versions.load(data.id);
    this.history = loaded.history;
    if (loaded.corrupt) notify(this.notices, 'storage', 'The stored versions of this exercise could not be read; they were set aside.', { tone: 'error' });
    this.wire();
    this.versionsPanel = this.addVersionsPanel();
    this.restore();
    if (this.progress.corrupt.has(data.id)) notify(this.notices, 'storage', 'The stored progress of this exercise could not be read; it starts afresh.', { tone: 'error' });
    if (browserStorage().memoryOnly) notify(this.notices, 'storage', 'This browser does not let the site store anything (private mode, or storage turned off): your attempt lasts only until you leave this page.');
  }

  /** The exercise as the grader wants it (the solution is not needed to grade). */
  private get exercise(): Exercise {
    return { ...this.data, solution: '', wrong: [] };
  }

  private button(action: string): HTMLButtonElement | null {
    return this.el.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  }

  private wire(): void {
    const on = (action: string, fn: () => void) => {
      const b = this.button(action);
      if (!b) return;
      b.addEventListener('click', fn);
      b.disabled = false;
    };
    on('check', () => void this.check());
    on('hint', () => this.revealHint());
    on('solution', () => this.toggleSolution());
    on('reset', () => this.askReset());
    on('confirm-reset', () => this.reset());
    on('cancel-reset', () => this.closeConfirm());
    on('download', () => this.download());
    this.code.addEventListener('click', () => void this.openEditor(true));
    this.code.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      if (e.shiftKey || e.ctrlKey || e.metaKey) void this.check();
      else void this.openEditor(true);
    });
    for (const input of this.el.querySelectorAll<HTMLInputElement>('[data-fl-ex-bet] input[type="radio"]')) {
      input.disabled = false;
      input.addEventListener('change', () => {
        if (input.checked) this.progress.placeBet(this.data.id, input.value as Verdict);
      });
    }
  }

  /** Bring back what this browser remembers: the attempt, the hints seen, the completed mark, the bet. */
  private restore(): void {
    const p = this.progress.get(this.data.id);
    this.showDone(p.status === 'completed');
    for (let i = 0; i < p.hints; i++) this.showHint(i);
    if (p.bet) {
      const input = this.el.querySelector<HTMLInputElement>(`[data-fl-ex-bet] input[value="${p.bet.choice}"]`);
      if (input) input.checked = true;
      if (p.bet.answer) this.showBetAnswer(p.bet.choice, p.bet.answer);
    }
    if (p.code !== undefined && p.code !== this.data.starter) {
      this.pendingCode = p.code;
      void this.openEditor(false);
      this.status.textContent = 'Your last attempt in this browser is restored. Not checked yet.';
    }
  }

  currentCode(): string {
    return this.editor?.getCode() ?? this.pendingCode ?? this.data.starter;
  }

  private get editor(): CellEditor | null {
    return this.slot.editor;
  }

  /** Open the editor; null (with a notice and Retry) when it cannot load. */
  async openEditor(focus: boolean): Promise<CellEditor | null> {
    const editor = await loadPart(this.notices, 'editor', () => this.mountEditor(focus), () => void this.openEditor(focus));
    if (editor) dismiss(this.notices, 'load:editor');
    return editor;
  }

  private mountEditor(focus: boolean): Promise<CellEditor> {
    return this.slot.open(focus, () => {
      const code = this.pendingCode ?? this.data.starter;
      this.pendingCode = null;
      return {
        code,
        label: this.code.getAttribute('aria-label') ?? `Your attempt for ${this.data.title}`,
        onRun: () => void this.check(),
        onChange: (c) => this.edited(c),
      };
    });
  }

  private edited(code: string): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.progress.saveAttempt(this.data.id, code), 300);
  }

  private showDone(done: boolean): void {
    this.done.hidden = !done;
    this.el.dataset.completed = done ? 'true' : 'false';
  }

  // ---- Check --------------------------------------------------------------------------------

  async check(): Promise<void> {
    const code = this.currentCode();
    clearTimeout(this.saveTimer);
    this.progress.saveAttempt(this.data.id, code);
    if (code !== this.data.starter) this.keep(code, 'run');
    if (this.progress.get(this.data.id).code !== code) {
      notify(this.notices, 'storage', "Your attempt could not be stored in this browser (storage full or refused): it is kept on this page only, until you leave it.", { tone: 'error' });
    }
    const mine = ++this.checking;
    this.el.setAttribute('aria-busy', 'true');
    this.el.dataset.state = 'checking';
    this.status.textContent = 'Checking…';
    let report: GradeReport;
    this.cancelRuns();
    try {
      // Two runs at a time (one Worker per core); a key per run, so a new Check cancels them all.
      report = await gradeAsync(this.exercise, code, (req, i) => runEngine(this.runKey(i), req), 2);
    } catch (error) {
      if (error instanceof Cancelled || mine !== this.checking) return;
      this.settle('error', `Error: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (mine !== this.checking) return;
    this.showReport(report);
  }

  private runKey(i: number): string {
    this.keys = Math.max(this.keys, i + 1);
    return `exercise:${this.data.id}:${i}`;
  }

  /** Stop the engine runs of an earlier Check still in flight. */
  private cancelRuns(): void {
    for (let i = 0; i < this.keys; i++) cancelRun(`exercise:${this.data.id}:${i}`);
  }

  private settle(state: string, text: string): void {
    this.el.removeAttribute('aria-busy');
    this.el.dataset.state = state;
    this.status.textContent = text;
  }

  private showReport(report: GradeReport): void {
    for (const s of this.scrubbers) s.destroy();
    this.scrubbers = [];
    this.results.innerHTML = renderReport(report);
    report.runs.forEach((run) => {
      if (run.passed || !run.trace) return;
      const root = this.results.querySelector<HTMLElement>(`[data-run="${CSS.escape(run.id)}"] [data-fl-ex-views]`);
      const handle = root ? attachViews(root, runAsResult(run)) : null;
      if (handle) this.scrubbers.push(handle);
    });
    // the editor marks the reader's own text: in a scenario exercise that text is the scenario
    const own = this.data.kind === 'scenario'
      ? report.diagnostics.filter((d) => d.source === 'scenario').map((d) => ({ ...d, source: 'strategy' as const }))
      : report.diagnostics;
    this.editor?.showDiagnostics(own);
    this.settle(report.status, reportStatus(report));
    if (report.passed) this.showDone(this.progress.markCompleted(this.data.id).status === 'completed');
    this.answerBet(report);
  }

  private answerBet(report: GradeReport): void {
    const p = this.progress.get(this.data.id);
    if (!p.bet || p.bet.answer || report.betAnswer === null) return;
    const answered = this.progress.answerBet(this.data.id, report.betAnswer);
    if (answered.bet?.answer) this.showBetAnswer(answered.bet.choice, answered.bet.answer);
  }

  private showBetAnswer(choice: Verdict, answer: string): void {
    const box = this.el.querySelector<HTMLElement>('[data-fl-ex-bet-answer]');
    if (!box) return;
    const right = choice === answer;
    box.hidden = false;
    box.dataset.right = String(right);
    box.textContent = `You bet ${verdictWord(choice)}; the engine says ${verdictWord(answer as Verdict)} on your first check. ${right ? 'Well called.' : 'The trace below shows why.'}`;
    for (const input of this.el.querySelectorAll<HTMLInputElement>('[data-fl-ex-bet] input')) input.disabled = true;
  }

  // ---- hints, solution, reset ---------------------------------------------------------------

  private hintItems(): HTMLElement[] {
    return [...this.el.querySelectorAll<HTMLElement>('[data-fl-ex-hints] > li')];
  }

  private showHint(i: number): void {
    const items = this.hintItems();
    if (items[i]) items[i].hidden = false;
    const shown = items.filter((li) => !li.hidden).length;
    const b = this.button('hint');
    if (!b) return;
    b.textContent = shown >= items.length ? 'No more hints' : shown === 0 ? 'Show a hint' : 'Show the next hint';
    b.disabled = shown >= items.length;
  }

  private revealHint(): void {
    const total = this.hintItems().length;
    const p = this.progress.revealHint(this.data.id, total);
    for (let i = 0; i < p.hints; i++) this.showHint(i);
    this.hintItems()[p.hints - 1]?.focus?.();
  }

  private toggleSolution(): void {
    const open = this.solution.hidden;
    this.solution.hidden = !open;
    this.el.dataset.solution = open ? 'open' : 'closed';
    const b = this.button('solution');
    if (b) {
      b.setAttribute('aria-pressed', String(open));
      b.textContent = open ? 'Hide solution' : 'Show solution';
    }
  }

  private askReset(): void {
    this.confirm.hidden = false;
    this.confirm.querySelector<HTMLButtonElement>('button[data-action="cancel-reset"]')?.focus();
  }

  private closeConfirm(): void {
    this.confirm.hidden = true;
    this.button('reset')?.focus();
  }

  private reset(): void {
    const before = this.currentCode();
    // Reset never loses the attempt: it is kept as a version first, and the notice offers Undo.
    if (before !== this.data.starter) this.keep(before, 'reset');
    this.confirm.hidden = true;
    this.checking++; // a Check in flight no longer speaks for this code
    this.cancelRuns();
    this.progress.clearAttempt(this.data.id);
    this.pendingCode = null;
    this.editor?.setCode(this.data.starter);
    clearTimeout(this.saveTimer);
    this.progress.clearAttempt(this.data.id);
    for (const s of this.scrubbers) s.destroy();
    this.scrubbers = [];
    this.results.innerHTML = '';
    this.settle('new', 'Reset to the starter code. Not checked yet.');
    this.button('reset')?.focus();
    if (before !== this.data.starter) {
      notify(this.notices, 'reset', 'Your attempt is kept in Versions.', { actions: [{ label: 'Undo', name: 'Undo Reset', run: () => this.show(before) }] });
    }
  }

  // ---- versions -----------------------------------------------------------------------------

  private keep(code: string, why: Why): void {
    const next = withVersion(this.history, { code }, why, new Date().toISOString());
    if (next === this.history) return;
    this.history = next;
    this.saveHistory();
  }

  private saveHistory(): void {
    const result = this.versions.save(this.data.id, this.history);
    if (result !== 'ok' && !browserStorage().memoryOnly) {
      notify(this.notices, 'storage', "This browser's storage for the site is full or refused: your versions are kept on this page only. Delete old versions or export your progress.", { tone: 'error' });
    }
    this.versionsPanel.refresh();
  }

  /** Put code in the editor (Undo, a restore) and store it as the attempt; nothing is checked. */
  private show(code: string): void {
    this.progress.saveAttempt(this.data.id, code);
    if (this.editor) {
      if (this.editor.getCode() !== code) this.editor.setCode(code);
      this.settle('new', 'Your attempt is back. Not checked yet.');
      return;
    }
    this.pendingCode = code;
    void this.openEditor(false).then((editor) => {
      if (editor && editor.getCode() !== code) editor.setCode(code);
    });
    this.settle('new', 'Your attempt is back. Not checked yet.');
  }

  /** A Versions button beside Reset (the markup predates versions), and its panel under the notices. */
  private addVersionsPanel(): VersionsPanel {
    const reset = this.button('reset');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.action = 'versions';
    b.textContent = 'Versions';
    b.setAttribute('aria-expanded', 'false');
    reset?.after(' ', b);
    const panel = new VersionsPanel(b, `Versions of your attempt at ${this.data.title}`, (el) => this.notices.after(el), () => this.history.versions, {
      restore: (i) => {
        const v = this.history.versions[i];
        if (!v) return;
        const shown = this.currentCode();
        if (shown !== this.data.starter && shown !== v.code) this.keep(shown, 'restore');
        this.show(v.code);
      },
      delete: (i) => {
        this.history = { ...this.history, versions: this.history.versions.filter((_, j) => j !== i) };
        this.saveHistory();
      },
    });
    b.addEventListener('click', () => panel.toggle());
    return panel;
  }

  private download(): void {
    const ext = CODE_EXT[this.data.kind];
    const blob = new Blob([this.currentCode()], { type: 'text/plain' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${this.data.id}.${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
}
