// A table that runs one cell's current code against several scenarios (a chapter's closing cell:
// "does your fixed write path survive every scenario?"). It depends on the source cell's variable,
// so it reruns whenever that cell runs, and returns to the built table when the cell is reset.
import type { CheckResult } from '../../engine/api';
import { Cancelled, cancel, run as runEngine } from './bridge';
import { statusText } from './present';
import { names, pageModule, STATIC, type Source, type Static } from './reactive';

interface Row {
  scenario: string;
  verdict: HTMLElement;
  figures: HTMLElement;
  original: { verdict: string; figures: string; outcome: string };
}

export function initTable(el: HTMLElement): void {
  const sourceKey = el.dataset.flSourceKey!;
  const tableKey = el.dataset.flTable!;
  const rows: Row[] = Array.from(el.querySelectorAll<HTMLTableRowElement>('tr[data-fl-scenario]')).map((tr) => {
    const verdict = tr.querySelector<HTMLElement>('[data-fl-row-verdict]')!;
    const figures = tr.querySelector<HTMLElement>('[data-fl-row-figures]')!;
    return {
      scenario: tr.dataset.flScenario!,
      verdict,
      figures,
      original: { verdict: verdict.textContent ?? '', figures: figures.textContent ?? '', outcome: tr.dataset.verdict ?? '' },
    };
  });
  const status = el.querySelector<HTMLElement>('[data-fl-table-status]')!;
  const staticStatus = status.textContent ?? '';

  const show = (i: number, outcome: string, verdict: string, figures: string) => {
    const tr = rows[i].verdict.closest('tr')!;
    tr.dataset.verdict = outcome;
    rows[i].verdict.textContent = verdict;
    rows[i].figures.textContent = figures;
  };

  pageModule()
    .variable({
      pending: () => {
        el.setAttribute('aria-busy', 'true');
        status.textContent = 'Running against every scenario…';
      },
      fulfilled: (value) => {
        el.removeAttribute('aria-busy');
        const results = value as CheckResult[] | Static;
        if (results === STATIC) {
          rows.forEach((r, i) => show(i, r.original.outcome, r.original.verdict, r.original.figures));
          status.textContent = staticStatus;
          return;
        }
        results.forEach((r, i) => show(i, r.outcome, statusText(r), `${r.stats.states} states`));
        const failing = results.filter((r) => r.outcome !== 'ok').length;
        status.textContent = failing === 0 ? 'Your code: OK in every scenario' : `Your code: ${failing} of ${results.length} scenarios fail`;
      },
      rejected: (error) => {
        if (error instanceof Cancelled) return;
        el.removeAttribute('aria-busy');
        status.textContent = `Error: ${error instanceof Error ? error.message : String(error)}`;
      },
    })
    .define(`table:${tableKey}`, [names.source(sourceKey)], (source: Source) => {
      if (source.version === 0) {
        for (const r of rows) cancel(`${tableKey}:${r.scenario}`);
        return STATIC;
      }
      return Promise.all(rows.map((r) => runEngine(`${tableKey}:${r.scenario}`, { scenario: r.scenario, strategy: source.code, model: source.model }, 'later')));
    });
}
