// The herd7 question: which final values of the observed variables can happen at all. One
// row per distinct outcome; `count` is how many end states of the search share it.
import type { FinalState } from '../../engine/api.js';
import { esc, formatInt } from './escape.js';

export function renderFinals(finals: FinalState[] | undefined): string {
  if (!finals || finals.length === 0) return '';
  const names = [...new Set(finals.flatMap((f) => Object.keys(f.values)))];
  const head = names.map((n) => `<th scope="col">${esc(n)}</th>`).join('');
  const rows = finals
    .map((f) => {
      const cells = names.map((n, i) => {
        const v = n in f.values ? String(f.values[n]) : '–';
        return i === 0 ? `<th scope="row">${esc(v)}</th>` : `<td>${esc(v)}</td>`;
      });
      return `<tr>${cells.join('')}<td>${formatInt(f.count)}</td></tr>`;
    })
    .join('');
  const n = finals.length;
  return (
    `<table class="fl-finals not-content"><caption>Reachable final values: ${n} outcome${n === 1 ? '' : 's'}</caption>` +
    `<thead><tr>${head}<th scope="col">end states</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}
