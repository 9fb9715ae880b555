// Words shown for a result, shared by the build (static HTML) and the browser (after a run), so a
// rerun of the original code reads exactly like the page did before any script ran.
import { verdictWord, type CheckResult, type SearchStats } from '../../engine/api';

/** The status line: always begins with the verdict word (tests and screen readers rely on it). */
export function statusText(result: CheckResult): string {
  const word = verdictWord(result.outcome);
  // The reader edits the strategy: its first error is the one to name, even when the engine's
  // headline leads with a consequence elsewhere (a scenario calling a function that no longer parses).
  const mine = result.outcome === 'error' ? result.diagnostics.filter((d) => d.source === 'strategy' && d.severity === 'error') : [];
  if (mine.length > 0) {
    const d = mine[0];
    const more = result.diagnostics.filter((x) => x.severity === 'error').length - 1;
    return `Error: ${d.line}:${d.column}: ${d.message}${more > 0 ? ` (and ${more} more)` : ''}`;
  }
  const headline = result.headline?.trim() ?? '';
  return headline.startsWith(word) ? headline : `${word}: ${headline}`;
}

export function figuresText(stats: SearchStats): string {
  const n = new Intl.NumberFormat('en');
  const how = stats.exhaustive
    ? 'every interleaving explored'
    : `stopped at the ${stats.stoppedBy ?? 'search'} budget`;
  return `${n.format(stats.states)} states, ${n.format(stats.transitions)} transitions, ${n.format(Math.round(stats.millis))} ms; ${how}`;
}

/** Verdict of a result in lower case, for `data-verdict` (`error` and `budget` included). */
export function verdictAttr(result: CheckResult): string {
  return result.outcome;
}
