// One live cell in the browser: wires the static markup rendered by Cell.astro to the page's
// reactive module, the engine workers and, on demand, the editor, the diff and sharing.
import type { CheckRequest, CheckResult, MemoryModel, Outcome, SearchProgress } from '../../engine/api';
import { Cancelled, cancel, run as runEngine } from './bridge';
import type { CellData } from './data';
import { cellKey } from './data';
import type { CellEditor } from './editor';
import { EditorSlot } from './editor-slot';
import { statusText } from './present';
import { names, pageModule, STATIC, type Source, type Static } from './reactive';
import type { SharedCell } from './share';
import { clearEdit, loadEdit, saveEdit } from './storage';
import { attachViews, renderViews } from './views';
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
    const saved = loadEdit(this.key);
    if (saved && (saved.code !== data.code || saved.model !== data.model)) {
      this.restore(saved.code, saved.model, saved.params, 'edited');
      this.say('Your last edit in this browser is restored; the verdict shown is for the original code until you press Run.');
    }
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
    return { scenario: this.data.scenario, strategy: source.code, model: source.model, params: source.params };
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
    const { decodeTrace } = await import('./trace-codec');
    const trace = decodeTrace(encoded);
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
    const message = error instanceof Error ? error.message : String(error);
    this.settle('error', `Error: ${message}`);
  }

  private say(text: string, extra?: Node): void {
    this.message.textContent = text;
    if (extra) this.message.append(' ', extra);
    this.message.hidden = !text;
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
    this.remember(code, model, params);
    this.submit({ code, model, params });
  }

  /** Keep the edit in this browser (or forget it when it equals the original) and mark the cell. */
  private remember(code: string, model: MemoryModel | undefined, params: Record<string, number | boolean>): void {
    const original = code === this.data.code && model === this.data.model && JSON.stringify(params) === JSON.stringify(this.data.params);
    if (original) clearEdit(this.key);
    else saveEdit(this.key, { code, model, params });
    if (original) this.setMark('');
    else if (code === this.pendingShared) this.setMark('edited by the link');
    else this.setMark('edited');
  }

  /** the code a permalink brought, while the reader has not changed it */
  private pendingShared: string | null = null;

  reset(): void {
    clearEdit(this.key);
    this.pendingCode = null;
    this.pendingShared = null;
    this.editor?.setCode(this.data.code);
    this.writeParams(this.data.model, this.data.params);
    this.setMark('');
    this.say('');
    if (this.closeDiff) void this.toggleDiff();
    cancel(this.key); // a search still running for the edit is of no use now
    this.submit(null);
  }

  private get editor(): CellEditor | null {
    return this.slot.editor;
  }

  openEditor(focus: boolean): Promise<CellEditor> {
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
    void this.openEditor(false).then((editor) => {
      if (editor.getCode() !== code) editor.setCode(code);
    });
  }

  applyShared(shared: SharedCell): void {
    this.pendingShared = shared.code;
    this.restore(shared.code, shared.model, shared.params, 'edited by the link');
    this.say('Opened from a permalink. Nothing has run yet: press Run to check this code.');
    this.el.scrollIntoView({ block: 'start' });
  }

  private async toggleDiff(): Promise<void> {
    if (this.closeDiff) {
      this.closeDiff();
      this.closeDiff = null;
      this.diffHost.hidden = true;
      this.diffButton.setAttribute('aria-pressed', 'false');
      return;
    }
    const { mountDiff } = await import('./diff');
    this.diffHost.hidden = false;
    this.closeDiff = mountDiff(this.diffHost, this.data.code, this.currentCode(), this.data.title);
    this.diffButton.setAttribute('aria-pressed', 'true');
  }

  private async share(): Promise<void> {
    const { encodeShare } = await import('./share');
    const { model, params } = this.readParams();
    const url = new URL(location.href);
    url.hash = encodeShare({ id: this.data.id, code: this.currentCode(), model, params });
    const field = document.createElement('input');
    field.type = 'text';
    field.readOnly = true;
    field.value = url.href;
    field.className = 'fl-permalink';
    field.setAttribute('aria-label', `Permalink to ${this.data.title}`);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url.href);
      copied = true;
    } catch {
      // no clipboard permission (or an insecure context): the link is shown to copy by hand
    }
    this.say(copied ? 'Permalink copied to the clipboard:' : 'Permalink (copy it):', field);
    field.select();
  }
}
