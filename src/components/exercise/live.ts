// The live part of the exercises on a page, loaded by client.ts when an exercise comes near the
// screen: a chapter page does not pay for it until the reader scrolls to an exercise.
import { warmUp } from '../cell/bridge';
import { browserProgress } from './browser-store';
import type { ExerciseData } from './data';
import { LiveExercise } from './live-exercise';

export function wake(el: HTMLElement): void {
  const json = el.querySelector('script[data-fl-exercise-data]')?.textContent;
  if (!json || el.dataset.live) return;
  el.dataset.live = 'true';
  new LiveExercise(el, JSON.parse(json) as ExerciseData, browserProgress());
  warmUp();
}
