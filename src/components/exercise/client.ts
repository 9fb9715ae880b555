// Page bootstrap for exercises (bundled once per page by Astro). It stays tiny: each exercise
// wakes (live.ts: editor on demand, grading, hints, progress) when it comes within a screen or
// so of the viewport, and its buttons stay disabled until then.
import { registerOffline } from '../offline/register';

function init(): void {
  registerOffline();
  const exercises = [...document.querySelectorAll<HTMLElement>('[data-exercise]')];
  if (exercises.length === 0) return;
  document.documentElement.classList.add('fl-live');
  let live: Promise<typeof import('./live')> | null = null;
  const wake = (el: HTMLElement) => void (live ??= import('./live')).then((m) => m.wake(el));
  if (!('IntersectionObserver' in window)) return exercises.forEach(wake);
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        wake(e.target as HTMLElement);
      }
    },
    { rootMargin: '800px 0px' },
  );
  exercises.forEach((el) => io.observe(el));
}

init();
