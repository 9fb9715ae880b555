// Page bootstrap for cells, tables and figures (bundled once per page by Astro). Everything here is
// small: the editor, the diff and the permalink codec are imported only when a reader asks.
import { warmUp } from './bridge';
import { LiveCell } from './cell-client';
import { cellData, type CellJson } from './data';
import { initCostTable } from './cost-table-client';
import { initFigure } from './figure-client';
import { initTable } from './table-client';

const cells = new Map<string, LiveCell>();

function banner(text: string): void {
  const div = document.createElement('div');
  div.className = 'fl-banner';
  div.setAttribute('role', 'alert');
  div.textContent = text;
  const main = document.querySelector('main') ?? document.body;
  main.prepend(div);
}

async function openPermalink(): Promise<void> {
  if (!location.hash.startsWith('#share=')) return;
  const { decodeShare } = await import('./share');
  try {
    const shared = decodeShare(location.hash);
    const cell = cells.get(shared.id);
    if (!cell) throw new Error(`this page has no cell "${shared.id}"`);
    cell.applyShared(shared);
  } catch (error) {
    banner(`This permalink could not be opened: ${error instanceof Error ? error.message : String(error)}. The page works as usual.`);
  }
}

function init(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-cell]')) {
    const json = el.querySelector('script[data-fl-cell-data]')?.textContent;
    if (!json) continue;
    const data = cellData(JSON.parse(json) as CellJson, el.querySelector('[data-fl-code] pre'));
    cells.set(data.id, new LiveCell(el, data));
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-fl-table]')) initTable(el);
  for (const el of document.querySelectorAll<HTMLElement>('[data-fl-figure]')) initFigure(el);
  for (const el of document.querySelectorAll<HTMLElement>('[data-fl-cost-table]')) initCostTable(el);
  document.documentElement.classList.add('fl-live');
  if (cells.size > 0) warmUp();
  void openPermalink();
  addEventListener('hashchange', () => void openPermalink());
}

init();
