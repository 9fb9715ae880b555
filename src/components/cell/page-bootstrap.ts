// Page bootstrap for cells, tables and figures (bundled once per page by Astro). Everything here is
// small: the editor, the diff and the permalink codec are imported only when a reader asks.
import { warmUp } from './bridge';
import { LiveCell } from './live-cell';
import { cellData, type CellJson } from './data';
import { initCostTable } from './cost-table-client';
import { initFigure } from './figure-client';
import { initTable } from './table-client';
import { loadPart } from './lazy';
import { dismiss, errorText, notify, pageNotices } from './notices';
import { registerOffline } from '../offline/register';

const cells = new Map<string, LiveCell>();

/** Open the link in the fragment, if any: one notice for the page's permalink, replaced by the next. */
async function openPermalink(): Promise<void> {
  const host = pageNotices();
  if (!location.hash.startsWith('#share=')) return dismiss(host, 'permalink');
  const codec = await loadPart(host, 'permalink reader', () => import('./share'), () => void openPermalink());
  if (!codec) return;
  dismiss(host, 'load:permalink reader');
  try {
    const shared = codec.decodeShare(location.hash);
    const cell = cells.get(shared.id);
    if (!cell) throw new Error(`this page has no cell "${shared.id}"`);
    dismiss(host, 'permalink');
    cell.applyShared(shared);
  } catch (error) {
    notify(host, 'permalink', `This permalink could not be opened: ${errorText(error)}. The page works as usual.`, { tone: 'error' });
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
  registerOffline();
  addEventListener('hashchange', () => void openPermalink());
}

init();
