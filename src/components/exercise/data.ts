// What the build hands the browser about one exercise (a JSON script inside it): the goal and
// runs for the grader, the starter for Reset, the references a scenario exercise runs against.
// Not the solution text (it is in the page as highlighted HTML, shown on request) and not the
// wrong answers (tests only).
import type { Exercise } from '../../engine/grade';

export type ExerciseData = Omit<Exercise, 'solution' | 'wrong'>;

export function clientData(ex: Exercise): ExerciseData {
  const { solution: _solution, wrong: _wrong, ...rest } = ex;
  return rest;
}

/** Chapter titles for the index and the exercise pages (the chapters' own titles come from the docs collection when present). */
export const CHAPTER_FALLBACK_TITLES: Record<string, string> = {
  '2006-fault-vs-invalidate': '2006: a fault against invalidation',
  '2007-pagecache-write-deadlocks': '2007: the pagecache write deadlocks',
  '2014-memfd-sealing': '2014: a seal that I/O could break',
  '2019-gup-pinning': '2019: pinned pages and writeback',
};
