// Predict, then reveal. A chapter cell asks the reader what will happen before its verdict and
// trace are visible: the root carries `data-prediction="open"` until the reader picks a verdict or
// "Just show me", then the choice or `skipped`. The first answer is kept in this browser, so a
// reader coming back finds the cell as they left it. After an edit, the same question comes back
// as a bet on the edit: picking an answer runs it, and the reveal says whether the bet was right.
import { verdictWord, type Outcome, type Verdict } from '../../engine/api';

export type Choice = Verdict | 'skipped';

/** What a reader can answer, in the order the chapters introduce the verdicts, then "Just show me". */
const CHOICES: readonly string[] = ['deadlock', 'corruption', 'bug', 'livelock', 'ok', 'skipped'];

/** One answer's button (the build leaves the panel empty: its buttons only work with the page's script). */
function choiceButton(choice: Choice): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.predict = choice;
  if (choice === 'skipped') {
    button.className = 'fl-predict-skip';
    button.textContent = 'Just show me';
  } else button.textContent = verdictWord(choice);
  return button;
}
const prefix = 'faultlines:v1:prediction:';

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: the prediction is simply asked again next time
  }
}

export function loadPrediction(key: string): Choice | null {
  const raw = store()?.getItem(prefix + key) ?? null;
  return raw !== null && CHOICES.includes(raw) ? (raw as Choice) : null;
}

export function savePrediction(key: string, choice: Choice): void {
  try {
    store()?.setItem(prefix + key, choice);
  } catch {
    // quota exceeded: remembering the answer is a convenience, not a promise
  }
}

const PHRASES: Record<Outcome, string> = {
  ok: 'it survives every interleaving',
  deadlock: 'it deadlocks',
  corruption: 'it corrupts data',
  bug: 'it trips a kernel bug',
  livelock: 'it livelocks',
  error: 'the code does not compile',
  budget: 'the search stopped at its budget before an answer',
};

/** What the reveal says once both the reader's answer and the engine's are in. */
export function revealText(choice: Verdict, outcome: Outcome, earlier = false): { text: string; right: boolean | null } {
  const said = `${earlier ? 'Earlier you said' : 'You said'} ${verdictWord(choice)}.`;
  // no verdict to compare with: the engine did not answer, so the bet is neither won nor lost
  if (outcome === 'error' || outcome === 'budget') return { text: `${said} No verdict to compare: ${PHRASES[outcome]}.`, right: null };
  // the bet is right exactly when the engine's verdict is the one the reader picked
  const right = choice === outcome;
  return {
    text: right ? `${said} Right: ${PHRASES[outcome]}.` : `${said} Wrong: ${PHRASES[outcome]}. The trace below shows how.`,
    right,
  };
}

export interface PredictionHost {
  /** the outcome shown now, or null while a search runs */
  outcome(): Outcome | null;
  /** run the current code for a bet on an edit */
  run(): void;
}

export class Prediction {
  private readonly panel: HTMLElement | null;
  private readonly question: HTMLElement | null;
  private readonly found: HTMLDetailsElement | null;
  private readonly reveal: HTMLElement | null;
  /** the answer waiting for a verdict: the first prediction, or a bet on an edit */
  private pending: Verdict | null = null;
  private earlier = false;

  constructor(readonly el: HTMLElement, readonly key: string, private readonly host: PredictionHost) {
    this.panel = el.querySelector('[data-fl-predict]');
    this.question = el.querySelector('[data-fl-predict-question]');
    this.found = el.querySelector('details[data-fl-found]');
    this.reveal = el.querySelector('[data-fl-reveal]');
    if (!this.panel || el.dataset.prediction === undefined) return; // a cell that does not ask
    const choices = this.panel.querySelector('[data-fl-predict-choices]');
    if (choices) choices.replaceChildren(...CHOICES.map((choice) => choiceButton(choice as Choice)));
    for (const button of this.panel.querySelectorAll<HTMLButtonElement>('button[data-predict]')) {
      button.disabled = false;
      button.addEventListener('click', () => this.choose(button.dataset.predict as Choice));
    }
    const kept = loadPrediction(key);
    if (kept) {
      this.earlier = true;
      this.answer(kept, false);
    }
  }

  get asks(): boolean {
    return this.panel !== null && this.el.dataset.prediction !== undefined;
  }

  private choose(choice: Choice): void {
    const betting = this.el.dataset.prediction !== 'open';
    this.earlier = false;
    if (!betting) {
      savePrediction(this.key, choice);
      this.answer(choice, true);
      return;
    }
    // a bet on an edit: the answer waits for the run it starts
    this.el.dataset.prediction = choice;
    delete this.el.dataset.betting;
    this.pending = choice === 'skipped' ? null : choice;
    if (this.found) this.found.open = true;
    if (this.pending) this.show(`You said ${verdictWord(this.pending)}. The engine is looking…`, null);
    this.host.run();
  }

  private answer(choice: Choice, focus: boolean): void {
    this.el.dataset.prediction = choice;
    delete this.el.dataset.betting;
    this.pending = choice === 'skipped' ? null : choice;
    if (this.found) this.found.open = true;
    this.settled();
    if (focus) (this.reveal && !this.reveal.hidden ? this.reveal : this.found?.querySelector('summary'))?.focus();
  }

  /** The reader changed the code after answering: offer a bet on the edit. */
  edited(): void {
    if (!this.asks || this.el.dataset.prediction === 'open') return;
    this.el.dataset.betting = 'true';
    if (this.question) this.question.textContent = 'Your edit: what will it do? Pick one to run it.';
  }

  /** A run started without a bet: the last reveal is about other code now. */
  ranWithoutBet(): void {
    if (!this.asks || this.el.dataset.prediction === 'open') return;
    delete this.el.dataset.betting;
    this.pending = null;
    this.show('', null);
  }

  /** The cell shows a new outcome (or the build's again): say how the waiting answer fared. */
  settled(): void {
    if (!this.asks) return;
    const outcome = this.host.outcome();
    if (this.pending === null) return this.show('', null);
    if (outcome === null) return this.show(`You said ${verdictWord(this.pending)}. The engine is still looking…`, null);
    const { text, right } = revealText(this.pending, outcome, this.earlier);
    this.show(text, right);
  }

  private show(text: string, right: boolean | null): void {
    if (!this.reveal) return;
    this.reveal.textContent = text;
    this.reveal.hidden = !text;
    if (right === null) delete this.reveal.dataset.right;
    else this.reveal.dataset.right = String(right);
  }
}
