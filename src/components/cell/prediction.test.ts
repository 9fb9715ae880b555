// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../engine/api';
import { loadPrediction, Prediction, revealText } from './prediction';

function mount(): HTMLElement {
  document.body.innerHTML = `<section data-cell="c" data-prediction="open" data-verdict="deadlock">
    <div data-fl-predict><p data-fl-predict-question>What will happen?</p><div data-fl-predict-choices></div></div>
    <details data-fl-found><summary>What the engine found</summary><p data-fl-reveal hidden></p></details></section>`;
  return document.querySelector('section')!;
}

function host(el: HTMLElement, runs: string[]) {
  return {
    outcome: () => (el.dataset.state === 'running' ? null : (el.dataset.verdict as Outcome)),
    run: () => void runs.push('run'),
  };
}

const click = (el: HTMLElement, v: string) => el.querySelector<HTMLButtonElement>(`[data-predict="${v}"]`)!.click();
const reveal = (el: HTMLElement) => el.querySelector<HTMLElement>('[data-fl-reveal]')!;

afterEach(() => localStorage.clear());

describe('revealText', () => {
  it('says right or wrong against the engine, and neither when there is no verdict', () => {
    expect(revealText('ok', 'deadlock')).toEqual({ text: 'You said OK. Wrong: it deadlocks. The trace below shows how.', right: false });
    expect(revealText('deadlock', 'deadlock')).toEqual({ text: 'You said Deadlock. Right: it deadlocks.', right: true });
    expect(revealText('ok', 'budget').right).toBeNull();
  });
});

describe('Prediction', () => {
  it('adds the answers as enabled buttons, in the order the chapters introduce the verdicts', () => {
    const el = mount();
    new Prediction(el, 'k', host(el, []));
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('[data-predict]')];
    expect(buttons.map((b) => [b.dataset.predict, b.textContent, b.disabled])).toEqual([
      ['deadlock', 'Deadlock', false], ['corruption', 'Corruption', false], ['bug', 'Bug', false],
      ['livelock', 'Livelock', false], ['ok', 'OK', false], ['skipped', 'Just show me', false],
    ]);
  });
  it('stays open until the reader answers, then reveals, opens the findings and remembers', () => {
    const el = mount();
    new Prediction(el, 'ch/c', host(el, []));
    expect(el.dataset.prediction).toBe('open');
    expect(el.querySelector('details')!.open).toBe(false);
    click(el, 'ok');
    expect(el.dataset.prediction).toBe('ok');
    expect(el.querySelector('details')!.open).toBe(true);
    expect(reveal(el).hidden).toBe(false);
    expect(reveal(el).dataset.right).toBe('false');
    expect(loadPrediction('ch/c')).toBe('ok');
    // a reload: the cell comes back answered, and says it was earlier
    const again = mount();
    new Prediction(again, 'ch/c', host(again, []));
    expect(again.dataset.prediction).toBe('ok');
    expect(reveal(again).textContent).toMatch(/^Earlier you said OK\. Wrong/);
  });

  it('"Just show me" skips: no reveal, findings open', () => {
    const el = mount();
    new Prediction(el, 'ch/skip', host(el, []));
    click(el, 'skipped');
    expect(el.dataset.prediction).toBe('skipped');
    expect(el.querySelector('details')!.open).toBe(true);
    expect(reveal(el).hidden).toBe(true);
  });

  it('after an edit, a bet runs the code and the reveal waits for its verdict', () => {
    const el = mount();
    const runs: string[] = [];
    const p = new Prediction(el, 'ch/bet', host(el, runs));
    click(el, 'ok');
    p.edited();
    expect(el.dataset.betting).toBe('true');
    expect(el.querySelector('[data-fl-predict-question]')!.textContent).toMatch(/^Your edit/);
    click(el, 'ok');
    expect(runs).toEqual(['run']);
    expect(el.dataset.betting).toBeUndefined();
    el.dataset.state = 'running';
    p.settled();
    expect(reveal(el).textContent).toMatch(/still looking/);
    delete el.dataset.state;
    el.dataset.verdict = 'ok';
    p.settled();
    expect(reveal(el).textContent).toBe('You said OK. Right: it survives every interleaving.');
    expect(reveal(el).dataset.right).toBe('true');
    // a run without a bet clears the reveal
    p.ranWithoutBet();
    expect(reveal(el).hidden).toBe(true);
  });
});
