// Page bootstrap for exercises (bundled once per page by Astro). It stays tiny: each exercise
// wakes (live.ts: editor on demand, grading, hints, progress) when it comes within a screen or
// so of the viewport, and its buttons stay disabled until then.
import { loadPart } from '../cell/lazy';
import { dismiss } from '../cell/notices';
import { registerOffline } from '../offline/register';

/** Where an exercise that cannot wake says so: under its status line. */
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

function init(): void {
  registerOffline();
  const exercises = [...document.querySelectorAll<HTMLElement>('[data-exercise]')];
  if (exercises.length === 0) return;
  document.documentElement.classList.add('fl-live');
  let live: Promise<typeof import('./live')> | null = null;
  const wake = async (el: HTMLElement): Promise<void> => {
    const host = noticeHost(el);
    const m = await loadPart(host, 'exercise', () => (live ??= import('./live')), () => void wake(el));
    if (!m) {
      live = null; // a failed download is not remembered: Retry downloads again
      return;
    }
    dismiss(host, 'load:exercise');
    m.wake(el);
  };
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
