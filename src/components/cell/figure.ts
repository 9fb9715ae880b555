// The fields of a result that prose can quote (build time and browser alike).
import { verdictWord, type CheckResult } from '../../engine/api';

// The cost fields are the engine's counters on one uncontended run (api.ts Costs).
export const costFields = ['mmap_sem', 'pageTableWalks', 'pageLocks', 'pagesAllocated', 'bytesCopied', 'faults'] as const;
export const figureFields = ['verdict', 'headline', 'states', 'transitions', 'millis', 'steps', 'switches', ...costFields] as const;
export type FigureField = (typeof figureFields)[number];

export function figureText(result: CheckResult, field: FigureField): string {
  const n = (x: number) => new Intl.NumberFormat('en').format(Math.round(x));
  switch (field) {
    case 'verdict': return verdictWord(result.outcome);
    case 'headline': return result.headline;
    case 'states': return n(result.stats.states);
    case 'transitions': return n(result.stats.transitions);
    case 'millis': return n(result.stats.millis);
    case 'steps': return n(result.trace?.steps.length ?? 0);
    case 'switches': return n(result.trace ? result.trace.steps.filter((s, i) => i > 0 && s.switched).length : 0);
    default: return result.costs ? n(result.costs[field] ?? 0) : '–';
  }
}
