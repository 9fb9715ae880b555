// Page bootstrap for exercises (bundled once per page by Astro).
import { warmUp } from '../cell/bridge';
import { browserProgress } from './browser-store';
import type { ExerciseData } from './data';
import { LiveExercise } from './exercise-client';

function init(): void {
  const progress = browserProgress();
  let any = false;
  for (const el of document.querySelectorAll<HTMLElement>('[data-exercise]')) {
    const json = el.querySelector('script[data-fl-exercise-data]')?.textContent;
    if (!json) continue;
    new LiveExercise(el, JSON.parse(json) as ExerciseData, progress);
    any = true;
  }
  document.documentElement.classList.add('fl-live');
  if (any) warmUp();
}

init();
