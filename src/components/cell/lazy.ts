// Parts of the page loaded on demand (the editor, the diff, the permalink codec, the trace
// decoder). When one cannot load (offline and never cached, a flaky network, a deploy that
// replaced it), the reader is told which part failed and gets a Retry; nothing is thrown past here.
import { errorText, notify } from './notices';

/**
 * Load a part; on failure show a notice in `host` with a Retry that calls `retry`, and resolve to
 * null so the caller simply stops.
 */
export async function loadPart<T>(host: HTMLElement, part: string, load: () => Promise<T>, retry: () => void): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    notify(host, `load:${part}`, `The ${part} could not be loaded${offline ? ' (this browser is offline and has no saved copy of it)' : ''}: ${errorText(error)}.`, {
      tone: 'error',
      actions: [{ label: 'Retry', name: `Retry loading the ${part}`, run: retry }],
    });
    return null;
  }
}
