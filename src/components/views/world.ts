// The world at one step: tasks, pages (flags, lock owner and waiters, _refcount, mapcount,
// bytes by writer), sleeping locks (mmap_sem, i_mutex), PTEs, disk, shared memory and store
// buffers. Given the previous snapshot, rows that changed are marked (in words, too).
import type { Actor, WorldSnapshot } from '../../engine/api.js';
import { esc, listWords } from './escape.js';
import { renderByteLegend, renderBytes, writersIn } from './bytes.js';

export interface WorldOptions {
  /** the trace's actors, so bytes get their writer's column colour */
  actors?: Actor[];
  /** the snapshot one step earlier: rows that differ are marked as changed */
  previous?: WorldSnapshot | null;
}

type Row = { key: string; cells: string[]; data: unknown };

function table(captionText: string, cols: string[], rows: Row[], before: Map<string, string> | null): string {
  if (rows.length === 0) return '';
  const head = cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const body = rows
    .map((r) => {
      const changed = before !== null && before.get(r.key) !== JSON.stringify(r.data);
      const first = `<th scope="row">${r.cells[0]}${changed ? ' <span class="fl-tag fl-tag-changed">changed</span>' : ''}</th>`;
      const rest = r.cells.slice(1).map((c) => `<td>${c}</td>`).join('');
      return `<tr${changed ? ' class="fl-changed"' : ''}>${first}${rest}</tr>`;
    })
    .join('');
  return `<table class="fl-world-table"><caption>${esc(captionText)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function words(items: string[] | undefined, empty = 'none'): string {
  return esc(listWords(items ?? [], empty));
}

/** Each section's rows, keyed so the same row can be found in the previous snapshot. */
function sections(w: WorldSnapshot, actors: Actor[]): { caption: string; cols: string[]; rows: Row[] }[] {
  return [
    {
      caption: 'Tasks',
      cols: ['task', 'state', 'CPU', 'note'],
      rows: (w.tasks ?? []).map((t) => ({
        key: `task:${t.name}`,
        data: t,
        cells: [esc(t.name), esc(t.state), String(t.cpu), esc(t.note ?? '')],
      })),
    },
    {
      caption: 'Pages',
      cols: ['page', 'flags', '_refcount', 'mapcount', 'lock owner', 'waiters', 'in page cache', 'bytes'],
      rows: (w.pages ?? []).map((p) => ({
        key: `page:${p.id}`,
        data: p,
        cells: [
          esc(p.name),
          esc((p.flags ?? []).join(', ') || 'none'),
          String(p.refcount),
          String(p.mapcount),
          esc(p.lockOwner ?? 'unlocked'),
          words(p.waiters),
          p.inCache ? 'yes' : 'no',
          renderBytes(p.bytes ?? [], actors),
        ],
      })),
    },
    {
      caption: 'Sleeping locks',
      cols: ['lock', 'state', 'holders', 'waiters'],
      rows: (w.locks ?? []).map((l) => ({
        key: `lock:${l.name}`,
        data: l,
        cells: [esc(l.name), esc(l.state), words(l.holders), words(l.waiters)],
      })),
    },
    {
      caption: 'Page-table entries',
      cols: ['mm', 'address', 'page', 'writable'],
      rows: (w.ptes ?? []).map((e) => ({
        key: `pte:${e.mm}:${e.addr}`,
        data: e,
        cells: [esc(e.mm), `0x${e.addr.toString(16)}`, e.page === null ? 'not present' : `page ${e.page}`, e.writable ? 'yes' : 'no'],
      })),
    },
    {
      caption: 'Disk',
      cols: ['file', 'bytes on disk'],
      rows: (w.disk ?? []).map((d) => ({ key: `disk:${d.file}`, data: d, cells: [esc(d.file), renderBytes(d.bytes ?? [], actors)] })),
    },
    {
      caption: 'Shared memory',
      cols: ['variable', 'value'],
      rows: (w.memory ?? []).map((m) => ({ key: `mem:${m.name}`, data: m, cells: [esc(m.name), String(m.value)] })),
    },
    {
      caption: 'Store buffers',
      cols: ['CPU', 'pending stores, oldest first'],
      rows: (w.buffers ?? []).map((b) => ({ key: `buf:${b.cpu}`, data: b, cells: [`CPU ${b.cpu}`, words(b.entries, 'empty')] })),
    },
  ];
}

function index(w: WorldSnapshot | null | undefined, actors: Actor[]): Map<string, string> | null {
  if (!w) return null;
  const m = new Map<string, string>();
  for (const s of sections(w, actors)) for (const r of s.rows) m.set(r.key, JSON.stringify(r.data));
  return m;
}

export function renderWorld(snapshot: WorldSnapshot, options: WorldOptions = {}): string {
  const actors = options.actors ?? [];
  const before = index(options.previous, actors);
  const tables = sections(snapshot, actors)
    .map((s) => table(s.caption, s.cols, s.rows, before))
    .join('');
  const byteGroups = [...(snapshot.pages ?? []).map((p) => p.bytes ?? []), ...(snapshot.disk ?? []).map((d) => d.bytes ?? [])];
  const legend = renderByteLegend(writersIn(byteGroups, actors), actors);
  return `<div class="fl-world not-content">${tables || '<p>The world is empty.</p>'}${legend}</div>`;
}
