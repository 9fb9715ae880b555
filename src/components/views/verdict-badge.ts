// The verdict badge: the word, the headline, how hard the engine looked (states,
// transitions, time, exhaustive or stopped at which budget), and what the strategy costs on
// an uncontended run. No role=status here: the cell owns the one status element.
import { verdictWord } from '../../engine/api.js';
import type { CheckResult, Costs, Diagnostic, SearchStats } from '../../engine/api.js';
import { esc, formatInt, formatMillis } from './escape.js';

const COST_LABELS: Record<string, string> = {
  mmap_sem: 'mmap_sem acquisitions',
  pageTableWalks: 'page-table walks',
  pageLocks: 'page locks',
  pagesAllocated: 'allocations',
  bytesCopied: 'bytes copied',
  faults: 'faults',
  // counted by the writeback, DMA and memory-model builtins; without a label the reader saw 'bytesDMA'
  pagesWritten: 'pages written',
  bytesDMA: 'bytes by DMA',
  fullBarriers: 'full barriers',
};

/** The result carries which budget stopped the search, not its size: say what was reached. */
const BUDGET_WORDS: Record<string, (s: SearchStats) => string> = {
  states: (s) => `the state budget (${formatInt(s.states)} states)`,
  time: (s) => `the time budget (${formatMillis(s.millis)})`,
  steps: () => 'the step budget (a task ran on without reaching a scheduling point)',
};

export function searchExtent(stats: SearchStats): string {
  if (stats.exhaustive) return 'exhaustive: every reachable state visited';
  const by = stats.stoppedBy;
  if (!by) return 'bounded: not every reachable state was visited';
  return `bounded: stopped at ${BUDGET_WORDS[by]?.(stats) ?? `the ${by} budget`}`;
}

function dl(className: string, label: string, rows: [string, string][]): string {
  const items = rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('');
  // a named group, not aria-label on <dl> itself: axe forbids naming an element with no role
  return `<div class="${className}" role="group" aria-label="${esc(label)}"><dl>${items}</dl></div>`;
}

function renderStats(stats: SearchStats): string {
  return dl('fl-stats', 'Search', [
    ['states', formatInt(stats.states)],
    ['transitions', formatInt(stats.transitions)],
    ['time', formatMillis(stats.millis)],
    ['search', searchExtent(stats)],
  ]);
}

function renderCosts(costs: Costs): string {
  const known = Object.keys(COST_LABELS).filter((k) => typeof costs[k] === 'number');
  const extra = Object.keys(costs).filter((k) => !(k in COST_LABELS) && typeof costs[k] === 'number').sort();
  const rows = [...known, ...extra].map((k): [string, string] => [COST_LABELS[k] ?? k, formatInt(costs[k])]);
  return dl('fl-costs', 'Costs on an uncontended run', rows);
}

function renderDiagnostics(diags: Diagnostic[]): string {
  if (diags.length === 0) return '';
  const items = diags
    .map((d) => `<li class="fl-diag fl-diag--${esc(d.severity)}">${esc(d.source)} ${d.line}:${d.column}: ${esc(d.message)}</li>`)
    .join('');
  return `<ul class="fl-diags" aria-label="Diagnostics">${items}</ul>`;
}

/** How hard the engine looked and what the strategy costs: one click away, summed up in the summary. */
function renderMore(result: CheckResult): string {
  if (!result.stats && !result.costs) return '';
  const s = result.stats;
  const summary = [s ? `Search: ${formatInt(s.states)} states, ${s.exhaustive ? 'exhaustive' : 'bounded'}` : '', result.costs ? 'costs' : '']
    .filter(Boolean)
    .join('; ');
  return (
    `<details class="fl-more"><summary>${esc(summary)}</summary>` +
    (s ? renderStats(s) : '') +
    (result.costs ? renderCosts(result.costs) : '') +
    `</details>`
  );
}

/** The headline without its leading verdict word, which the badge shows separately. */
function headlineRest(result: CheckResult, word: string): string {
  const h = result.headline ?? '';
  return h.startsWith(word) ? h.slice(word.length).replace(/^[:\s]+/, '') : h;
}

/** `line: false` leaves out the word and headline, for a host that states them itself (a cell's status line). */
export function renderVerdictBadge(result: CheckResult, options: { line?: boolean } = {}): string {
  const word = verdictWord(result.outcome);
  const rest = headlineRest(result, word);
  const line =
    options.line === false
      ? ''
      : `<p class="fl-verdict-line"><strong class="fl-verdict-word">${esc(word)}</strong>` +
        (rest ? `<span class="fl-verdict-headline">${esc(rest)}</span>` : '') +
        `</p>`;
  return (
    `<div class="fl-verdict not-content fl-verdict--${esc(result.outcome)}" data-outcome="${esc(result.outcome)}">` +
    line +
    renderDiagnostics(result.diagnostics ?? []) +
    renderMore(result) +
    `</div>`
  );
}
