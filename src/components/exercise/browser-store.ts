// The Progress store of this browser and the exercises' versions: localStorage when it works,
// memory otherwise (privacy mode, a sandboxed frame), so the page behaves the same and simply
// forgets on reload (cell/storage.ts decides, once per page, and the page says so).
import { browserStorage } from '../cell/storage';
import { EXERCISE_PREFIX, VersionStore } from '../cell/versions';
import { Progress } from './progress';

let progress: Progress | undefined;
let versions: VersionStore | undefined;

export function browserProgress(): Progress {
  progress ??= new Progress(browserStorage().store);
  return progress;
}

/** Each exercise's kept versions of the reader's attempt (every Check of changed code, every Reset, every restore). */
export function exerciseVersions(): VersionStore {
  versions ??= new VersionStore(browserStorage().store, EXERCISE_PREFIX);
  return versions;
}
