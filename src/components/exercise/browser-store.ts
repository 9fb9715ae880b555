// The Progress store of this browser: localStorage when it works, memory otherwise (privacy
// mode, a sandboxed frame), so the page behaves the same and simply forgets on reload.
import { MemoryStore, Progress, type KeyValue } from './progress';

let progress: Progress | undefined;

function storage(): KeyValue {
  try {
    const s = globalThis.localStorage;
    const probe = 'faultlines:probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return new MemoryStore();
  }
}

export function browserProgress(): Progress {
  progress ??= new Progress(storage());
  return progress;
}
