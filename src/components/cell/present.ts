// Words shown for a result, shared by the build (static HTML) and the browser (after a run), so a
// rerun of the original code reads exactly like the page did before any script ran.
import { verdictWord, type CheckResult, type SearchStats } from '../../engine/api';

/** The status line: always begins with the verdict word (tests and screen readers rely on it). */
export function statusText(result: CheckResult): string {
  const word = verdictWord(result.outcome);
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
