// The live cost table (CostTable.astro): each row is a cell's code run on one shared scenario.
// A row depends on its cell's source variable, so when the reader runs an edited cell its row is
// recomputed on the table's scenario; Reset brings the built row back.
import type { CheckResult } from '../../engine/api';
import { verdictWord } from '../../engine/api';
import { Cancelled, cancel, run as runEngine } from './bridge';
import { names, pageModule, STATIC, type Source, type Static } from './reactive';

export function initCostTable(el: HTMLElement): void {
  const scenario = el.dataset.flCostScenario!;
  for (const tr of el.querySelectorAll<HTMLTableRowElement>('tr[data-fl-cost-key]')) {
    const key = tr.dataset.flCostKey!;
    const cells = Array.from(tr.querySelectorAll<HTMLElement>('td'));
    const original = cells.map((td) => td.textContent ?? '');
    const fields = cells.map((td) => td.dataset.flCost ?? '');
    const runKey = `cost:${scenario}:${key}`;
    pageModule()
      .variable({
        pending: () => tr.setAttribute('aria-busy', 'true'),
        fulfilled: (value) => {
          tr.removeAttribute('aria-busy');
          const result = value as CheckResult | Static;
          cells.forEach((td, i) => {
            if (result === STATIC) td.textContent = original[i];
            else if (fields[i] === 'verdict') td.textContent = verdictWord(result.outcome);
            else td.textContent = result.costs ? String(result.costs[fields[i]] ?? 0) : '–';
          });
          tr.dataset.edited = result === STATIC ? 'false' : 'true';
        },
        rejected: (error) => {
          tr.removeAttribute('aria-busy');
          if (!(error instanceof Cancelled)) cells[0].textContent = 'Error';
        },
      })
      .define(runKey, [names.source(key)], (source: Source) => {
        if (source.version === 0) {
          cancel(runKey);
          return STATIC;
        }
        return runEngine(runKey, { scenario, strategy: source.code, model: source.model }, 'later');
      });
  }
}
