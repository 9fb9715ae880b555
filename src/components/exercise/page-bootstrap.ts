// Page bootstrap for exercises (bundled once per page by Astro). It stays tiny: each exercise
// wakes (live.ts: editor on demand, grading, hints, progress) when it comes within a screen or
// so of the viewport, and its buttons stay disabled until then. In a chapter an exercise is a card
// until the reader presses "Try it here" (card.ts), and then wakes at once.
import { loadPart } from '../cell/lazy';
import { dismiss } from '../cell/notices';
import { registerOffline } from '../offline/register';

/** Where an exercise that cannot wake (or a card that cannot open) says so: under its status line. */
function noticeHost(el: HTMLElement): HTMLElement {
  let host = el.querySelector<HTMLElement>('[data-fl-ex-load]');
  if (!host) {
    host = document.createElement('div');
    host.className = 'fl-message';
    host.dataset.flExLoad = '';
    host.hidden = true;
    (el.querySelector('[data-fl-ex-status]') ?? el).after(host);
  }
  return host;
}

let live: Promise<typeof import('./live')> | null = null;

async function wake(el: HTMLElement): Promise<void> {
  const host = noticeHost(el);
  const m = await loadPart(host, 'exercise', () => (live ??= import('./live')), () => void wake(el));
  if (!m) {
    live = null; // a failed download is not remembered: Retry downloads again
    return;
  }
  dismiss(host, 'load:exercise');
  m.wake(el);
}

async function open(card: HTMLElement): Promise<void> {
  const host = noticeHost(card);
  const button = card.querySelector<HTMLButtonElement>('button[data-action="open-here"]')!;
  const label = button.textContent;
  button.disabled = true;
  button.textContent = 'Loading…';
  const section = await loadPart(host, 'exercise', async () => (await import('./card')).openHere(card), () => void open(card));
  if (!section) {
    button.disabled = false;
    button.textContent = label;
    return;
  }
  await wake(section);
  section.querySelector<HTMLElement>('[data-fl-ex-code]')?.focus();
}

/** A card shows whether the reader has completed or started its exercise (their progress is in this browser). */
async function markCards(cards: HTMLElement[]): Promise<void> {
  const { browserProgress } = await import('./browser-store');
  const progress = browserProgress();
  for (const card of cards) {
    const status = progress.get(card.dataset.exercise!).status;
    const done = card.querySelector<HTMLElement>('[data-fl-ex-done]');
    if (done) done.hidden = status !== 'completed';
    if (status === 'attempted') card.querySelector('button[data-action="open-here"]')!.textContent = 'Continue your attempt here';
  }
}

function init(): void {
  registerOffline();
  const all = [...document.querySelectorAll<HTMLElement>('[data-exercise]')];
  if (all.length === 0) return;
  document.documentElement.classList.add('fl-live');
  const cards = all.filter((el) => el.hasAttribute('data-card'));
  for (const card of cards) {
    const button = card.querySelector<HTMLButtonElement>('button[data-action="open-here"]');
    if (!button) continue;
    button.addEventListener('click', () => void open(card));
    button.disabled = false;
  }
  // The marks are a courtesy: if this browser's progress cannot be read, the cards simply show none.
  if (cards.length > 0) (window.requestIdleCallback ?? setTimeout)(() => void markCards(cards).catch(() => undefined));
  const exercises = all.filter((el) => !el.hasAttribute('data-card'));
  if (exercises.length === 0) return;
  if (!('IntersectionObserver' in window)) return exercises.forEach((el) => void wake(el));
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        void wake(e.target as HTMLElement);
      }
    },
    { rootMargin: '800px 0px' },
  );
  exercises.forEach((el) => io.observe(el));
}

init();
