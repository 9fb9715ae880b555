// A litmus cell in the browser. Predict-then-reveal: the root carries data-prediction="open" and
// the verdicts stay hidden until the reader predicts (Never, Sometimes, Always) or skips; then the
// build-time verdicts show and the prediction is compared with the chosen model's. The reader can
// edit the test (CodeMirror, downloaded on the first edit), choose sc, tso, weak or lkmm and Run
// it in the litmus Worker (started on the first Run); Run again while running stops it.
import { EditorSlot } from '../cell/editor-slot';
import { loadPart } from '../cell/lazy';
import type { LitmusReply, LitmusRequest } from './litmus.worker';

type Prediction = 'Never' | 'Sometimes' | 'Always';

export class LitmusCell {
  private readonly slot: EditorSlot;
  private worker: Worker | null = null;
  private next = 1;
  private running = 0;
  private readonly run: HTMLButtonElement;
  private readonly model: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly result: HTMLElement;
  private readonly answers: HTMLDetailsElement;
  private readonly predictBox: HTMLElement;
  private prediction: Prediction | null = null;

  constructor(private readonly root: HTMLElement, private readonly original: string) {
    const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
    const code = q<HTMLElement>('[data-fl-code]');
    this.slot = new EditorSlot(code, q('[data-fl-editor]'));
    this.run = q('[data-action="run"]');
    this.model = q('[data-fl-model]');
    this.status = q('[data-fl-status]');
    this.result = q('[data-fl-litmus-result]');
    this.answers = q('[data-fl-litmus-answers]');
    this.predictBox = q('[data-fl-predict]');

    code.addEventListener('click', () => void this.edit(true));
    code.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.shiftKey) { e.preventDefault(); this.onRun(); } else if (e.key === 'Enter') { e.preventDefault(); void this.edit(true); }
    });
    this.run.addEventListener('click', () => this.onRun());
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-predict]')) {
      b.addEventListener('click', () => this.predict(b.dataset.predict as Prediction | 'skip'));
    }
    this.model.addEventListener('change', () => this.compare());
    // the contract: while the prediction is open the verdicts are hidden (with JS off they sit in
    // a closed <details>, which the reader opens when ready)
    if (root.dataset.prediction === 'open') {
      this.answers.hidden = true;
      this.predictBox.hidden = false;
    }
    this.run.disabled = false;
    this.model.disabled = false;
  }

  private predict(choice: Prediction | 'skip'): void {
    this.prediction = choice === 'skip' ? null : choice;
    this.root.dataset.prediction = choice === 'skip' ? 'skipped' : 'made';
    this.predictBox.hidden = true;
    this.answers.hidden = false;
    this.answers.open = true;
    this.compare();
  }

  /** the reader's prediction against the build-time verdict of the chosen model (the test as written) */
  private compare(): void {
    if (!this.prediction) return;
    const shown = this.answers.querySelector<HTMLElement>(`[data-fl-litmus-model="${this.model.value}"] [data-fl-litmus-verdict]`);
    const verdict = shown?.dataset.flLitmusVerdict;
    const said = this.root.querySelector<HTMLElement>('[data-fl-prediction-said]')!;
    said.hidden = false;
    said.textContent = verdict
      ? `You predicted ${this.prediction}; the test as written, under ${this.model.value}: ${verdict}${verdict === this.prediction ? ' (as you said).' : '.'}`
      : `You predicted ${this.prediction}; under ${this.model.value} the test as written is not decided (see below).`;
  }

  private async edit(focus: boolean): Promise<void> {
    await loadPart(this.root, 'editor', () => this.slot.open(focus, () => ({
      code: this.original, label: `Litmus test ${this.root.dataset.flLitmusCell}`, onRun: () => this.onRun(), onChange: () => undefined,
    })), () => void this.edit(focus));
  }

  private text(): string {
    return this.slot.editor ? this.slot.editor.getCode() : this.original;
  }

  private onRun(): void {
    if (this.running) return this.stop();
    if (this.root.dataset.prediction === 'open') this.predict('skip');
    const id = this.next++;
    this.running = id;
    this.run.textContent = 'Stop';
    this.status.textContent = `Running under ${this.model.value}…`;
    this.worker ??= this.startWorker();
    const req: LitmusRequest = { id, text: this.text(), model: this.model.value };
    this.worker.postMessage(req);
  }

  private startWorker(): Worker {
    const w = new Worker(new URL('./litmus.worker.ts', import.meta.url), { type: 'module', name: 'faultlines-litmus' });
    w.onmessage = (e: MessageEvent<LitmusReply>) => this.onReply(e.data);
    w.onerror = (e) => {
      this.done(`The checker could not run: ${e.message || 'the worker failed to load'}.`);
      this.worker?.terminate();
      this.worker = null;
    };
    return w;
  }

  private onReply(reply: LitmusReply): void {
    if (reply.id !== this.running) return;
    this.result.innerHTML = reply.html;
    this.result.hidden = false;
    const a = reply.answer;
    this.slot.editor?.showDiagnostics(!a.ok && a.line > 0 ? [{ line: a.line, column: 1, message: a.message, severity: 'error', source: 'strategy' }] : []);
    this.done(a.ok ? `Ran under ${a.model}: Result: ${a.result}.` : `Not run: ${a.message}`);
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.done('Stopped.');
  }

  private done(message: string): void {
    this.running = 0;
    this.run.textContent = 'Run';
    this.status.textContent = message;
  }
}

export function initLitmusCells(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-fl-litmus-cell]')) {
    const text = el.querySelector('script[data-fl-litmus-text]')?.textContent;
    if (text) new LitmusCell(el, JSON.parse(text) as string);
  }
}
