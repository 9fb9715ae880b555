// @vitest-environment happy-dom
// The live exercise against the markup contract of Exercise.astro (data-fl-ex-* hooks and
// buttons by data-action), with the Worker bridge and the editor replaced by stand-ins: hints,
// the solution panel, Reset, the bet, progress, and a newer Check overtaking an older one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckRequest, CheckResult } from '../../engine/api';
import { validateExercise } from '../../engine/grade';
import { abbaResult } from '../views/fixtures';
import type { ExerciseData } from './data';
import { MemoryStore, Progress } from './progress';
import { EXERCISE_PREFIX, VersionStore } from '../cell/versions';

type Pending = { req: CheckRequest; resolve: (r: CheckResult) => void; reject: (e: unknown) => void };
const engine = vi.hoisted(() => ({ pending: [] as Pending[], cancelled: [] as string[] }));

vi.mock('../cell/bridge', () => {
  class Cancelled extends Error {}
  return {
    Cancelled,
    warmUp: () => {},
    cancel: (key: string) => engine.cancelled.push(key),
    run: (_key: string, req: CheckRequest) => new Promise<CheckResult>((resolve, reject) => engine.pending.push({ req, resolve, reject })),
  };
});

vi.mock('../cell/editor', () => ({
  mountEditor: (host: HTMLElement, o: { code: string; onChange: (c: string) => void }) => {
    let code = o.code;
    host.textContent = code;
    return {
      getCode: () => code,
      setCode: (c: string) => {
        code = c;
        host.textContent = c;
        o.onChange(c);
      },
      showDiagnostics: () => {},
      focus: () => {},
    };
  },
}));

const { LiveExercise } = await import('./live-exercise');

const ok: CheckResult = { ...abbaResult, outcome: 'ok', verdict: 'ok', headline: 'OK: every interleaving', cycle: undefined };

function data(): ExerciseData {
  const v = validateExercise({
    id: 'ex', chapter: 'c', order: 1, title: 'T', difficulty: 'easy', goal: 'g',
    runs: [{ scenario: 'a' }, { scenario: 'b' }],
    hints: ['one', 'two'],
    bet: { question: 'q?', choices: ['ok', 'deadlock'] },
  });
  if (!v.ok) throw new Error(v.errors.join());
  return { ...v.value, starter: 'STARTER', referenceCode: {}, scenarioCode: {}, forbidden: [] };
}

const MARKUP = `
<section data-exercise="ex">
  <span data-fl-ex-done hidden>Completed</span>
  <fieldset data-fl-ex-bet>
    <input type="radio" name="bet" value="ok" disabled><input type="radio" name="bet" value="deadlock" disabled>
    <p data-fl-ex-bet-answer hidden></p>
  </fieldset>
  <div data-fl-ex-work>
    <div data-fl-ex-code role="textbox" aria-label="Your strategy for T" tabindex="0">STARTER</div>
    <div data-fl-ex-editor hidden></div>
    <div data-fl-ex-solution hidden>SOLUTION</div>
  </div>
  <button data-action="check" disabled>Check</button>
  <button data-action="hint" disabled>Show a hint</button>
  <button data-action="solution" aria-pressed="false" disabled>Show solution</button>
  <button data-action="reset" disabled>Reset</button>
  <button data-action="download" disabled>Save</button>
  <div data-fl-ex-confirm hidden><button data-action="confirm-reset">Yes, reset</button><button data-action="cancel-reset">Cancel</button></div>
  <ol data-fl-ex-hints><li hidden>one</li><li hidden>two</li></ol>
  <p data-fl-ex-status>Not checked yet.</p>
  <div data-fl-ex-results></div>
</section>`;

let store: MemoryStore;
const mount = () => {
  document.body.innerHTML = MARKUP;
  const el = document.querySelector<HTMLElement>('[data-exercise]')!;
  return { el, live: new LiveExercise(el, data(), new Progress(store), new VersionStore(store, EXERCISE_PREFIX)) };
};
const click = (el: HTMLElement, action: string) => el.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!.click();
const text = (el: HTMLElement, sel: string) => el.querySelector(sel)!.textContent;
const flush = () => new Promise((r) => setTimeout(r, 0));
async function answer(results: CheckResult[]) {
  for (const r of results) {
    await vi.waitFor(() => expect(engine.pending.length).toBeGreaterThan(0));
    engine.pending.shift()!.resolve(r);
  }
  await flush();
}

beforeEach(() => {
  store = new MemoryStore();
  engine.pending.length = 0;
  engine.cancelled.length = 0;
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('LiveExercise', () => {
  it('reveals hints one at a time, and remembers them across a reload', () => {
    const { el } = mount();
    const hints = () => [...el.querySelectorAll('li')].map((li) => !li.hidden);
    click(el, 'hint');
    expect(hints()).toEqual([true, false]);
    click(el, 'hint');
    expect(hints()).toEqual([true, true]);
    expect(el.querySelector<HTMLButtonElement>('button[data-action="hint"]')!.disabled).toBe(true);
    const again = mount().el;
    expect([...again.querySelectorAll('li')].map((li) => !li.hidden)).toEqual([true, true]);
  });

  it('grades through the bridge: a failure shows the failing run; a pass marks the exercise complete', async () => {
    const { el, live } = mount();
    (el.querySelector('input[value="deadlock"]') as HTMLInputElement).click();
    const first = live.check();
    await answer([ok, abbaResult]);
    await first;
    expect(text(el, '[data-fl-ex-status]')).toMatch(/^Failed: b \(sc\)/);
    expect(el.querySelector('[data-run="b@sc"][data-passed="false"] [data-fl-lanes]')).not.toBeNull();
    expect(el.querySelector<HTMLElement>('[data-fl-ex-done]')!.hidden).toBe(true);
    expect(text(el, '[data-fl-ex-bet-answer]')).toMatch(/^You bet Deadlock; the engine says OK/);

    const second = live.check();
    await answer([ok, ok]);
    await second;
    expect(text(el, '[data-fl-ex-status]')).toMatch(/^Passed/);
    expect(el.querySelector<HTMLElement>('[data-fl-ex-done]')!.hidden).toBe(false);
    expect(new Progress(store).get('ex')).toMatchObject({ status: 'completed', code: 'STARTER', bet: { choice: 'deadlock', answer: 'ok' } });
  });

  it('a newer Check cancels the older one, whose late answer is ignored', async () => {
    const { el, live } = mount();
    const older = live.check();
    await vi.waitFor(() => expect(engine.pending.length).toBe(2));
    const stale = engine.pending.splice(0);
    const newer = live.check();
    expect(engine.cancelled).toEqual(['exercise:ex:0', 'exercise:ex:1']);
    await answer([ok, ok]);
    await newer;
    stale.forEach((p) => p.resolve(abbaResult)); // the old runs come back late, with a failure
    await older;
    expect(text(el, '[data-fl-ex-status]')).toMatch(/^Passed/);
  });

  it('shows the solution beside the attempt without touching it; Reset asks first and keeps the mark', async () => {
    const { el, live } = mount();
    await live.openEditor(false);
    el.querySelector<HTMLElement>('[data-fl-ex-editor]')!.textContent = '';
    // edit through the editor stand-in
    const editor = (live as unknown as { editor: { setCode(c: string): void } }).editor;
    editor.setCode('MY ATTEMPT');
    click(el, 'solution');
    expect(el.querySelector<HTMLElement>('[data-fl-ex-solution]')!.hidden).toBe(false);
    expect(el.dataset.solution).toBe('open');
    expect(live.currentCode()).toBe('MY ATTEMPT');

    new Progress(store).markCompleted('ex');
    click(el, 'reset');
    expect(el.querySelector<HTMLElement>('[data-fl-ex-confirm]')!.hidden).toBe(false);
    click(el, 'cancel-reset');
    expect(live.currentCode()).toBe('MY ATTEMPT');
    click(el, 'reset');
    click(el, 'confirm-reset');
    expect(live.currentCode()).toBe('STARTER');
    await new Promise((r) => setTimeout(r, 350)); // past the save debounce
    expect(new Progress(store).get('ex')).toMatchObject({ status: 'completed' });
    expect(new Progress(store).get('ex').code).toBeUndefined();
  });

  it('restores the last attempt from progress, unchecked', async () => {
    new Progress(store).saveAttempt('ex', 'KEPT');
    const { el, live } = mount();
    await flush();
    expect(live.currentCode()).toBe('KEPT');
    expect(text(el, '[data-fl-ex-status]')).toMatch(/restored/);
    expect(engine.pending).toHaveLength(0);
  });

  it('Reset keeps the attempt as a version: Undo brings it back, and so does the Versions menu', async () => {
    const { el, live } = mount();
    await live.openEditor(false);
    live['editor']!.setCode('MINE');
    void live.check();
    await answer([ok, ok]);
    click(el, 'reset');
    click(el, 'confirm-reset');
    expect(live.currentCode()).toBe('STARTER');
    const undo = el.querySelector<HTMLButtonElement>('button[aria-label="Undo Reset"]')!;
    undo.click();
    expect(live.currentCode()).toBe('MINE');
    // reset again, then restore from the menu in a fresh mount (a reload)
    click(el, 'reset');
    click(el, 'confirm-reset');
    const again = mount();
    expect(again.live.currentCode()).toBe('STARTER');
    click(again.el, 'versions');
    const restore = again.el.querySelector<HTMLButtonElement>('.fl-versions li button')!;
    expect(restore.textContent).toBe('Restore');
    restore.click();
    await flush();
    expect(again.live.currentCode()).toBe('MINE');
  });
});
