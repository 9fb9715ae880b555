// @vitest-environment happy-dom
// The litmus cell's page behaviour: verdicts hidden while the prediction is open, revealed and
// compared when the reader predicts, and a Run answered by the Worker (here a stand-in that calls
// the same decide/renderAnswer the Worker calls, since happy-dom has no Worker).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LITMUS_MODELS, decide, renderAnswer, type LitmusModel } from './index';
import { initLitmusCells } from './client';
import type { LitmusReply, LitmusRequest } from './litmus.worker';

const text = readFileSync('src/content/cells/2019-gup-pinning/barrier-scheme-full.litmus', 'utf8'); // vitest runs at the root

class FakeWorker {
  static made = 0;
  onmessage: ((e: { data: LitmusReply }) => void) | null = null;
  onerror: unknown = null;
  constructor() { FakeWorker.made++; }
  postMessage(req: LitmusRequest) {
    const answer = decide(req.text, req.model as LitmusModel);
    queueMicrotask(() => this.onmessage?.({ data: { id: req.id, answer, html: renderAnswer(answer) } }));
  }
  terminate() {}
}

function mount(): HTMLElement {
  const answers = LITMUS_MODELS.map((m) => `<section data-fl-litmus-model="${m}">${renderAnswer(decide(text, m))}</section>`).join('');
  document.body.innerHTML = `<section data-fl-litmus-cell="barrier-scheme-full" data-prediction="open">
    <div data-fl-code tabindex="0"><pre>${text}</pre></div><div data-fl-editor hidden></div>
    <fieldset data-fl-predict hidden>${['Never', 'Sometimes', 'Always', 'skip'].map((p) => `<button data-predict="${p}">${p}</button>`).join('')}</fieldset>
    <p data-fl-prediction-said hidden></p>
    <select data-fl-model disabled>${LITMUS_MODELS.map((m) => `<option value="${m}"${m === 'lkmm' ? ' selected' : ''}>${m}</option>`).join('')}</select>
    <button data-action="run" disabled>Run</button><p data-fl-status></p>
    <div data-fl-litmus-result hidden></div>
    <details data-fl-litmus-answers>${answers}</details>
    <script type="application/json" data-fl-litmus-text>${JSON.stringify(text)}</script></section>`;
  // happy-dom does not honour `selected` in markup set this way; the built page does (e2e)
  document.querySelector<HTMLSelectElement>('[data-fl-model]')!.value = 'lkmm';
  initLitmusCells();
  return document.querySelector<HTMLElement>('[data-fl-litmus-cell]')!;
}

const $ = <T extends HTMLElement = HTMLElement>(root: ParentNode, sel: string) => root.querySelector(sel) as T;

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('LitmusCell', () => {
  it('hides the verdicts while the prediction is open, then reveals and compares', () => {
    const root = mount();
    expect($<HTMLDetailsElement>(root, '[data-fl-litmus-answers]').hidden).toBe(true);
    expect($(root, '[data-fl-predict]').hidden).toBe(false);
    $(root, '[data-predict="Sometimes"]').click();
    expect(root.dataset.prediction).toBe('made');
    expect($<HTMLDetailsElement>(root, '[data-fl-litmus-answers]').hidden).toBe(false);
    expect($<HTMLDetailsElement>(root, '[data-fl-litmus-answers]').open).toBe(true);
    expect($(root, '[data-fl-prediction-said]').textContent).toBe('You predicted Sometimes; the test as written, under lkmm: Never.');
    const model = $<HTMLSelectElement>(root, '[data-fl-model]');
    model.value = 'sc';
    model.dispatchEvent(new Event('change'));
    expect($(root, '[data-fl-prediction-said]').textContent).toContain('under sc: Never');
  });

  it('runs the chosen model in the worker (started on the first Run only) and shows its answer', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.made = 0;
    const root = mount();
    expect(FakeWorker.made).toBe(0);
    $(root, '[data-action="run"]').click();
    // a Run before predicting counts as a skip
    expect(root.dataset.prediction).toBe('skipped');
    expect($(root, '[data-action="run"]').textContent).toBe('Stop');
    await new Promise((r) => setTimeout(r, 0));
    expect(FakeWorker.made).toBe(1);
    expect($(root, '[data-fl-litmus-result] [data-fl-litmus-verdict]').dataset.flLitmusVerdict).toBe('Never');
    expect($(root, '[data-fl-litmus-result] [data-fl-litmus-cycle]')).not.toBeNull();
    expect($(root, '[data-fl-status]').textContent).toBe('Ran under lkmm: Result: Never.');
    expect($(root, '[data-action="run"]').textContent).toBe('Run');
  });
});
