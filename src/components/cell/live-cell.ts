// One live cell in the browser: wires the static markup rendered by Cell.astro to the page's
// reactive module, the engine workers and, on demand, the editor, the diff and sharing.
import type { Budget, CheckRequest, CheckResult, MemoryModel, Outcome, SearchProgress } from '../../engine/api';
import { Cancelled, cancel, run as runEngine } from './bridge';
import type { CellData } from './data';
import { cellKey } from './data';
import type { CellEditor } from './editor';
import { EditorSlot } from './editor-slot';
import { statusText } from './present';
import { names, pageModule, STATIC, type Source, type Static } from './reactive';
import type { SharedCell } from './share';
import { offerFurther } from './further';
import { CellKeeper } from './keeper';
import { loadPart } from './lazy';
import { dismiss, dismissAll, errorText, notify, type NoticeAction } from './notices';
import { sameSnapshot, type Snapshot } from './versions';
import { VersionsPanel } from './versions-menu';
import { shareCell } from './share-ui';
import { attachViews, renderViews } from './views-adapter';
import { forget as forgetAttach, whenNear } from './attach-queue';
import { Prediction } from './prediction';

type Mark = '' | 'edited' | 'edited by the link';

function q<T extends Element>(root: Element, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`cell markup lacks ${selector}`);
  return el;
}

export class LiveCell {
  readonly key: string;
  private readonly slot: EditorSlot;
  private version = 0;
  private closeDiff: (() => void) | null = null;
  private scrubber: { destroy(): void } | null = null;
  /** the views host shows the build's views (true at load, again after Reset) */
  private showingStatic = true;
  private readonly staticViews: string;
  private readonly staticStatus: string;
  private readonly staticVerdict: string;
  /** code waiting for the editor to load (an edit restored from storage or a link) */
  private pendingCode: string | null = null;

  private readonly status: HTMLElement;
  private readonly views: HTMLElement;
  private readonly code: HTMLElement;
  private readonly message: HTMLElement;
  private readonly mark: HTMLElement;
  private readonly diffHost: HTMLElement;
  private readonly diffButton: HTMLButtonElement;
  private readonly keeper: CellKeeper;
  /** the budget of the next run: the browser's default, or larger after "Search further" */
  private budget: Budget | undefined;
  private readonly versionsPanel: VersionsPanel;
  private readonly stale: HTMLElement;
  private readonly progressEl: HTMLElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly prediction: Prediction;
  /** the status line of the verdict on screen, restored when a reader cancels a newer run */
  private settledStatus = '';

  constructor(readonly el: HTMLElement, readonly data: CellData) {
    this.key = cellKey(data.chapter, data.id);
    this.status = q(el, '[data-fl-status]');
    this.views = q(el, '[data-fl-views-host]');
    this.code = q(el, '[data-fl-code]');
    this.slot = new EditorSlot(this.code, q(el, '[data-fl-editor]'));
    this.message = q(el, '[data-fl-message]');
    this.mark = q(el, '[data-fl-mark]');
    this.diffHost = q(el, '[data-fl-diff]');
    this.diffButton = q(el, 'button[data-action="diff"]');
    this.stale = q(el, '[data-fl-stale]');
    this.progressEl = q(el, '[data-fl-progress]');
    this.cancelButton = q(el, 'button[data-action="cancel"]');
    this.staticViews = this.views.innerHTML;
    this.staticStatus = this.status.textContent ?? '';
    this.staticVerdict = el.dataset.verdict ?? '';
    this.keeper = new CellKeeper(this.key, data, this.message);
    this.versionsPanel = new VersionsPanel(
      el.querySelector<HTMLButtonElement>('button[data-action="versions"]'),
      `Versions of ${data.title}`,
      (panel) => this.diffHost.before(panel),
      () => this.keeper.versions(),
      {
        restore: (i) => this.restoreVersion(i),
        delete: (i) => {
          this.keeper.deleteVersion(i);
          this.versionsPanel.refresh();
        },
      },
    );
    this.settledStatus = this.staticStatus;
    this.prediction = new Prediction(el, this.key, {
      outcome: () => (this.el.dataset.state === 'running' ? null : ((this.el.dataset.verdict ?? null) as Outcome | null)),
      run: () => this.run(true),
    });
    this.define();
    this.wire();
    // the picture is drawn from the embedded trace once the findings are open and near the screen:
    // an unanswered cell costs the page nothing beyond its text
    const found = el.querySelector<HTMLDetailsElement>('details[data-fl-found]');
    const wake = () => whenNear(this.views, () => void this.attachStatic());
    if (!found || found.open) wake();
    else found.addEventListener('toggle', () => found.open && this.showingStatic && !this.scrubber && wake());
    const saved = this.keeper.start();
    if (saved && !this.isOriginal(saved)) {
      this.restore(saved.code, saved.model, saved.params, 'edited');
      this.say('Your last edit in this browser is restored; the verdict shown is for the original code until you press Run.');
    }
  }

  private isOriginal(s: Snapshot): boolean {
    return sameSnapshot(s, { code: this.data.code, model: this.data.model, params: this.data.params });
  }

  // ---- reactive variables -------------------------------------------------------------------

  private define(): void {
    const module = pageModule();
    const { key } = this;
    const original: Source = { code: this.data.code, model: this.data.model, params: this.data.params, version: 0 };
    module.define(names.source(key), [], () => original);
    module
      .variable({
        pending: () => this.pending(),
        fulfilled: (value) => this.showStatus(value as CheckResult | Static),
        rejected: (error) => this.failed(error),
      })
      .define(names.verdict(key), [names.source(key)], (source: Source) =>
        source.version === 0 ? STATIC : runEngine(key, this.request(source), 'now', (p) => this.progress(p)),
      );
    module
      .variable({ fulfilled: (value) => this.showViews(value as { html: string; result: CheckResult } | Static) })
      .define(names.views(key), [names.verdict(key)], (verdict: CheckResult | Static) =>
        verdict === STATIC ? STATIC : { html: renderViews(verdict), result: verdict },
      );
  }

  private request(source: Source): CheckRequest {
    return { scenario: this.data.scenario, strategy: source.code, model: source.model, params: source.params, budget: this.budget };
  }

  private submit(source: Omit<Source, 'version'> | null): void {
    this.version = source ? this.version + 1 : 0;
    const value: Source = source
      ? { ...source, version: this.version }
      : { code: this.data.code, model: this.data.model, params: this.data.params, version: 0 };
    pageModule().redefine(names.source(this.key), [], () => value);
  }

  /** The build's views need only the original trace to come alive (the scrubber). */
  private async attachStatic(): Promise<void> {
    const encoded = this.el.querySelector('script[data-fl-trace]')?.textContent;
    if (!encoded) return;
    const codec = await loadPart(this.message, 'trace of the original run', () => import('./trace-codec'), () => void this.attachStatic());
    if (!codec) return;
    dismiss(this.message, 'load:trace of the original run');
    const trace = codec.decodeTrace(encoded);
    // the reader may have run the cell meanwhile: then these views are gone
    if (!this.showingStatic || this.scrubber) return;
    this.scrubber = attachViews(this.views, { trace, cycle: this.data.cycle });
  }

  // ---- what the reader sees -----------------------------------------------------------------

  /** A search started: the verdict on screen is dimmed and marked stale, with a live count and Cancel. */
  private pending(): void {
    this.el.setAttribute('aria-busy', 'true');
    this.el.dataset.state = 'running';
    this.status.textContent = 'Running…';
    this.stale.hidden = false;
    this.cancelButton.hidden = false;
    this.progressEl.hidden = false;
    this.progressEl.textContent = 'searching…';
    this.prediction.settled();
  }

  private progress(p: SearchProgress): void {
    const n = new Intl.NumberFormat('en').format(p.states);
    this.progressEl.textContent = `${n} states explored`;
    this.status.textContent = `Running… ${n} states explored`;
  }

  private settle(verdict: string, text: string): void {
    this.el.removeAttribute('aria-busy');
    delete this.el.dataset.state;
    this.el.dataset.verdict = verdict;
    this.status.textContent = text;
    this.settledStatus = text;
    this.stale.hidden = true;
    this.cancelButton.hidden = true;
    this.progressEl.hidden = true;
    this.prediction.settled();
  }

  /** The reader stopped the search: the verdict of the code last run stays, no longer dimmed. */
  private cancelRun(): void {
    if (this.el.dataset.state !== 'running') return;
    cancel(this.key);
    this.settle(this.el.dataset.verdict ?? '', this.settledStatus);
    this.say('Search cancelled: the verdict shown is for the code as it was before.');
  }

  private showStatus(value: CheckResult | Static): void {
    if (value === STATIC) {
      this.settle(this.staticVerdict, this.staticStatus);
      return;
    }
    this.settle(value.outcome, statusText(value));
    this.editor?.showDiagnostics(value.diagnostics);
    offerFurther(this.message, value, this.budget, (next) => this.searchFurther(next));
  }

  private searchFurther(next: Budget): void {
    this.budget = next;
    this.submit({ code: this.currentCode(), ...this.readParams() });
  }

  private showViews(value: { html: string; result: CheckResult } | Static): void {
    if (value === STATIC && this.showingStatic) return; // at load: the build's views are already there
    forgetAttach(this.views); // these views are replaced: no lazy attach for the old ones
    this.scrubber?.destroy();
    this.showingStatic = value === STATIC;
    if (value === STATIC) {
      this.views.innerHTML = this.staticViews;
      this.scrubber = null;
      void this.attachStatic();
    } else {
      this.views.innerHTML = value.html;
      this.scrubber = attachViews(this.views, value.result);
    }
  }

  private failed(error: unknown): void {
    if (error instanceof Cancelled) return; // a newer run replaced this one
    const message = errorText(error);
    this.settle('error', `Error: ${message}`);
    // The engine's worker could not start or died (offline before it was cached, a crash): say so, with Retry.
    if (message.startsWith('the engine failed')) {
      notify(this.message, 'engine', `The engine could not run (${message}).`, { tone: 'error', actions: [{ label: 'Retry', name: 'Retry the run', run: () => this.run() }] });
    }
  }

  /** The cell's one general message (restored edit, link opened, share): replaced by the next. */
  private say(text: string, extra?: Node, actions?: NoticeAction[]): void {
    if (text) notify(this.message, 'cell', text, { extra, actions });
    else dismiss(this.message, 'cell');
  }

  private setMark(mark: Mark): void {
    this.mark.textContent = mark;
    this.mark.hidden = !mark;
    this.el.dataset.edited = mark ? 'true' : 'false';
  }

  // ---- controls -----------------------------------------------------------------------------

  private wire(): void {
    const on = (action: string, fn: () => void) => {
      const button = this.el.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
      if (!button) return;
      button.addEventListener('click', fn);
      button.disabled = false;
    };
    on('run', () => this.run());
    on('cancel', () => this.cancelRun());
    on('reset', () => this.reset());
    on('diff', () => void this.toggleDiff());
    on('share', () => void this.share());
    on('versions', () => this.versionsPanel.toggle());
    this.code.addEventListener('click', () => void this.openEditor(true));
    this.code.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      if (e.shiftKey || e.ctrlKey || e.metaKey) this.run();
      else void this.openEditor(true);
    });
    for (const input of this.el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-fl-param], [data-fl-model]')) {
      input.disabled = false;
      input.addEventListener('change', () => this.run());
    }
  }

  currentCode(): string {
    return this.editor?.getCode() ?? this.pendingCode ?? this.data.code;
  }

  private readParams(): { model?: MemoryModel; params: Record<string, number | boolean> } {
    const params: Record<string, number | boolean> = { ...this.data.params };
    for (const input of this.el.querySelectorAll<HTMLInputElement>('input[data-fl-param]')) {
      const name = input.dataset.flParam!;
      params[name] = input.type === 'checkbox' ? input.checked : Number(input.value);
    }
    const select = this.el.querySelector<HTMLSelectElement>('select[data-fl-model]');
    const model = (select?.value as MemoryModel | undefined) ?? this.data.model;
    return { model, params };
  }

  private writeParams(model: MemoryModel | undefined, params: Record<string, number | boolean> | undefined): void {
    for (const input of this.el.querySelectorAll<HTMLInputElement>('input[data-fl-param]')) {
      const value = params?.[input.dataset.flParam!] ?? this.data.params[input.dataset.flParam!];
      if (input.type === 'checkbox') input.checked = value === true;
      else if (typeof value === 'number') input.value = String(value);
    }
    const select = this.el.querySelector<HTMLSelectElement>('select[data-fl-model]');
    if (select && (model ?? this.data.model)) select.value = (model ?? this.data.model)!;
  }

  /** Run the current code; `bet`: the reader bet on this run's verdict first. */
  run(bet = false): void {
    if (!bet) this.prediction.ranWithoutBet();
    const code = this.currentCode();
    const { model, params } = this.readParams();
    this.say('');
    dismissAll(this.message, 'load:');
    dismiss(this.message, 'engine');
    this.budget = undefined;
    this.remember(code, model, params);
    if (!this.isOriginal({ code, model, params })) this.keeper.keep({ code, model, params }, 'run');
    this.versionsPanel.refresh();
    if (code.trim() === '') {
      notify(this.message, 'empty', 'The code is empty: the scenario calls functions it no longer finds. Undo (Ctrl+Z), Versions or Reset bring code back.');
    } else dismiss(this.message, 'empty');
    this.submit({ code, model, params });
  }

  /** Keep the edit in this browser (or forget it when it equals the original) and mark the cell. */
  private remember(code: string, model: MemoryModel | undefined, params: Record<string, number | boolean>): void {
    const original = this.isOriginal({ code, model, params });
    this.keeper.setCurrent(original ? null : { code, model, params });
    if (original) this.setMark('');
    else if (code === this.pendingShared) this.setMark('edited by the link');
    else this.setMark('edited');
  }

  /** the code a permalink brought, while the reader has not changed it */
  private pendingShared: string | null = null;

  reset(): void {
    const before: Snapshot = { code: this.currentCode(), ...this.readParams() };
    const undoable = !this.isOriginal(before);
    // Reset never loses the edit: it is kept as a version first, and the notice offers Undo.
    if (undoable) this.keeper.keep(before, 'reset');
    this.keeper.setCurrent(null);
    this.budget = undefined;
    this.pendingCode = null;
    this.pendingShared = null;
    this.editor?.setCode(this.data.code);
    this.writeParams(this.data.model, this.data.params);
    this.setMark('');
    this.say('');
    if (this.closeDiff) void this.toggleDiff();
    cancel(this.key); // a search still running for the edit is of no use now
    this.submit(null);
    dismiss(this.message, 'budget');
    this.versionsPanel.refresh();
    if (undoable) {
      this.say('Reset to the original code. Your edit is kept in Versions.', undefined, [
        { label: 'Undo', name: 'Undo Reset', run: () => this.undoReset(before) },
      ]);
    }
  }

  private undoReset(before: Snapshot): void {
    this.restore(before.code, before.model, before.params, 'edited');
    this.keeper.setCurrent(before);
    this.run();
  }

  // ---- versions -----------------------------------------------------------------------------

  /** Show a kept version (not run); what the cell showed before is kept as a version too. */
  private restoreVersion(index: number): void {
    const v = this.keeper.versions()[index];
    if (!v) return;
    const shown: Snapshot = { code: this.currentCode(), ...this.readParams() };
    if (!this.isOriginal(shown) && !sameSnapshot(shown, v)) this.keeper.keep(shown, 'restore');
    this.pendingShared = null;
    this.restore(v.code, v.model, v.params, 'edited');
    this.keeper.setCurrent({ code: v.code, model: v.model, params: v.params });
    this.versionsPanel.refresh();
    this.say('A kept version is restored. Nothing has run yet: press Run to check it.');
  }

  private get editor(): CellEditor | null {
    return this.slot.editor;
  }

  /** Open the editor; null (with a notice and Retry) when it cannot load. */
  async openEditor(focus: boolean): Promise<CellEditor | null> {
    const editor = await loadPart(this.message, 'editor', () => this.mountEditor(focus), () => void this.openEditor(focus));
    if (editor) dismiss(this.message, 'load:editor');
    return editor;
  }

  private mountEditor(focus: boolean): Promise<CellEditor> {
    return this.slot.open(focus, () => {
      const code = this.pendingCode ?? this.data.code;
      this.pendingCode = null;
      const hint = this.el.querySelector<HTMLElement>('.fl-hint');
      if (hint) hint.textContent = 'Shift+Enter or Ctrl+Enter runs; Ctrl+F searches; Ctrl+Z undoes.';
      return { code, label: `Code of ${this.data.title}`, onRun: () => this.run(), onChange: (c) => this.edited(c) };
    });
  }

  private edited(code: string): void {
    const { model, params } = this.readParams();
    this.remember(code, model, params);
    this.prediction.edited();
  }

  /** Show code from storage or a link without running it: the reader decides when to Run. */
  restore(code: string, model: MemoryModel | undefined, params: Record<string, number | boolean> | undefined, mark: Mark): void {
    this.pendingCode = code;
    this.writeParams(model, params);
    this.setMark(mark);
    // an open editor takes the code now, so a Run right after (Undo) checks this code
    if (this.editor) {
      this.pendingCode = null;
      if (this.editor.getCode() !== code) this.editor.setCode(code);
      return;
    }
    void this.openEditor(false).then((editor) => {
      if (editor && editor.getCode() !== code) editor.setCode(code);
    });
  }

  /**
   * A permalink for this cell. Both the link's code and the reader's own edit are kept as versions;
   * when they differ, the cell keeps showing the reader's edit and asks which to show.
   */
  applyShared(shared: SharedCell): void {
    const link: Snapshot = { code: shared.code, model: shared.model ?? this.data.model, params: { ...this.data.params, ...shared.params } };
    const shown: Snapshot = { code: this.currentCode(), ...this.readParams() };
    const mine = this.isOriginal(shown) ? this.keeper.current() : shown;
    this.el.scrollIntoView({ block: 'start' });
    if (mine && !this.isOriginal(mine) && !sameSnapshot(mine, link)) {
      this.keeper.keep(mine, 'mine');
      this.keeper.keep(link, 'link');
      this.versionsPanel.refresh();
      this.say('This permalink carries other code than your own edit of this cell. Both are kept in Versions. Which should the cell show?', undefined, [
        { label: "Show the link's code", run: () => this.showShared(shared) },
        { label: 'Keep my edit', run: () => undefined },
      ]);
      return;
    }
    this.keeper.keep(link, 'link');
    this.versionsPanel.refresh();
    this.showShared(shared);
  }

  private showShared(shared: SharedCell): void {
    this.pendingShared = shared.code;
    this.restore(shared.code, shared.model, shared.params, 'edited by the link');
    this.say('Opened from a permalink. Nothing has run yet: press Run to check this code.');
  }

  private async toggleDiff(): Promise<void> {
    if (this.closeDiff) {
      this.closeDiff();
      this.closeDiff = null;
      this.diffHost.hidden = true;
      this.diffButton.setAttribute('aria-pressed', 'false');
      return;
    }
    const diff = await loadPart(this.message, 'diff view', () => import('./diff'), () => void this.toggleDiff());
    if (!diff || this.closeDiff) return;
    dismiss(this.message, 'load:diff view');
    const { mountDiff } = diff;
    this.diffHost.hidden = false;
    this.closeDiff = mountDiff(this.diffHost, this.data.code, this.currentCode(), this.data.title);
    this.diffButton.setAttribute('aria-pressed', 'true');
  }

  private share(): Promise<void> {
    return shareCell(this.message, () => ({ id: this.data.id, title: this.data.title, code: this.currentCode(), ...this.readParams() }), (text, extra) => this.say(text, extra));
  }
}
