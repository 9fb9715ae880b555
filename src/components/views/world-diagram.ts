// The world at one step as a diagram: each mm with its page-table entries pointing at pages,
// each page as a card (flag badges, lock holder and waiters, _refcount and mapcount, bytes by
// writer), the sleeping locks with holders and waiters, the tasks, shared memory and each CPU's
// store buffer. Given the previous snapshot, what changed is outlined and said in words.
// world.ts keeps the same data as tables ("as tables").
import type { Actor, PageView, WorldSnapshot } from '../../engine/api.js';
import { renderByteLegend, renderBytes, writersIn } from './bytes.js';
import { esc, listWords } from './escape.js';

const changedTag = ' <span class="fl-tag fl-tag-changed">changed</span>';

function changed(before: WorldSnapshot | null | undefined, pick: (w: WorldSnapshot) => unknown, now: unknown): boolean {
  return !!before && JSON.stringify(pick(before)) !== JSON.stringify(now);
}

function pageCard(p: PageView, before: WorldSnapshot | null | undefined, actors: Actor[]): string {
  const diff = changed(before, (w) => w.pages?.find((q) => q.id === p.id), p);
  const flags = (p.flags ?? []).map((f) => `<span class="fl-flag fl-flag-${esc(f)}">${esc(f)}</span>`).join('');
  const lock = p.lockOwner
    ? `<span class="fl-wd-lock">locked by ${esc(p.lockOwner)}</span>`
    : '';
  const waiters = p.waiters?.length ? `<span class="fl-wd-waiters">waiting: ${esc(listWords(p.waiters, 'none'))}</span>` : '';
  return (
    `<div class="fl-wd-page${diff ? ' fl-changed' : ''}" data-page="${p.id}">` +
    `<p class="fl-wd-title"><strong>${esc(p.name)}</strong>${p.inCache ? '' : ' <span class="fl-flag">not in page cache</span>'}${diff ? changedTag : ''}</p>` +
    `<p class="fl-wd-flags">${flags || '<span class="fl-flag">no flags</span>'}${lock}${waiters}</p>` +
    `<p class="fl-wd-counts">_refcount ${p.refcount} · mapcount ${p.mapcount}</p>` +
    (p.bytes?.length ? `<p class="fl-wd-bytes">${renderBytes(p.bytes, actors)}</p>` : '') +
    `</div>`
  );
}

function mms(w: WorldSnapshot, before: WorldSnapshot | null | undefined): string {
  const byMm = new Map<string, WorldSnapshot['ptes']>();
  for (const e of w.ptes ?? []) byMm.set(e.mm, [...(byMm.get(e.mm) ?? []), e]);
  if (byMm.size === 0) return '';
  const name = (id: number | null) => (id === null ? 'not present' : w.pages?.find((p) => p.id === id)?.name ?? `page ${id}`);
  return [...byMm]
    .map(([mm, entries]) => {
      const items = entries
        .map((e) => {
          const diff = changed(before, (b) => b.ptes?.find((o) => o.mm === e.mm && o.addr === e.addr), e);
          return (
            `<li${diff ? ' class="fl-changed"' : ''}><code>0x${e.addr.toString(16)}</code> ` +
            `<span class="fl-wd-arrow" aria-hidden="true">→</span><span class="fl-sr-text"> maps </span>` +
            `<span class="${e.page === null ? 'fl-wd-absent' : 'fl-wd-ref'}">${esc(name(e.page))}</span>` +
            `${e.page !== null ? (e.writable ? ' <span class="fl-flag">writable</span>' : ' <span class="fl-flag">read-only</span>') : ''}${diff ? changedTag : ''}</li>`
          );
        })
        .join('');
      return `<div class="fl-wd-mm"><p class="fl-wd-title"><strong>${esc(mm)}</strong> page table</p><ul>${items}</ul></div>`;
    })
    .join('');
}

function locks(w: WorldSnapshot, before: WorldSnapshot | null | undefined): string {
  return (w.locks ?? [])
    .map((l) => {
      const diff = changed(before, (b) => b.locks?.find((o) => o.name === l.name), l);
      return (
        `<div class="fl-wd-lockbox${diff ? ' fl-changed' : ''}"><p class="fl-wd-title"><strong>${esc(l.name)}</strong> ${esc(l.state)}${diff ? changedTag : ''}</p>` +
        `<p>held by ${esc(listWords(l.holders, 'nobody'))}${l.waiters.length ? `; waiting: ${esc(listWords(l.waiters, 'none'))}` : ''}</p></div>`
      );
    })
    .join('');
}

function tasks(w: WorldSnapshot): string {
  if (!w.tasks?.length) return '';
  const chips = w.tasks
    .map((t) => `<li class="fl-wd-task fl-wd-${esc(t.state)}"><strong>${esc(t.name)}</strong> ${esc(t.state)}, CPU ${t.cpu}${t.note ? `: ${esc(t.note)}` : ''}</li>`)
    .join('');
  return `<ul class="fl-wd-tasks" aria-label="Tasks">${chips}</ul>`;
}

function memory(w: WorldSnapshot): string {
  const vars = (w.memory ?? []).map((m) => `<li><code>${esc(m.name)} = ${m.value}</code></li>`).join('');
  const bufs = (w.buffers ?? [])
    .map((b) => `<li>CPU ${b.cpu} store buffer: ${b.entries.length ? b.entries.map((e) => `<code>${esc(e)}</code>`).join(' ') : 'empty'}</li>`)
    .join('');
  if (!vars && !bufs) return '';
  return `<div class="fl-wd-mem">${vars ? `<ul aria-label="Shared memory">${vars}</ul>` : ''}${bufs ? `<ul aria-label="Store buffers, oldest first">${bufs}</ul>` : ''}</div>`;
}

function disk(w: WorldSnapshot, actors: Actor[]): string {
  return (w.disk ?? [])
    .map((d) => `<p class="fl-wd-disk"><strong>${esc(d.file)}</strong> on disk: ${renderBytes(d.bytes ?? [], actors)}</p>`)
    .join('');
}

export function renderWorldDiagram(snapshot: WorldSnapshot, options: { actors?: Actor[]; previous?: WorldSnapshot | null } = {}): string {
  const actors = options.actors ?? [];
  const before = options.previous;
  const pages = (snapshot.pages ?? []).map((p) => pageCard(p, before, actors)).join('');
  const left = mms(snapshot, before) + locks(snapshot, before);
  const parts = [
    tasks(snapshot),
    left || pages ? `<div class="fl-wd-map">${left ? `<div class="fl-wd-side">${left}</div>` : ''}${pages ? `<div class="fl-wd-pages">${pages}</div>` : ''}</div>` : '',
    memory(snapshot),
    disk(snapshot, actors),
  ].filter(Boolean);
  const byteGroups = [...(snapshot.pages ?? []).map((p) => p.bytes ?? []), ...(snapshot.disk ?? []).map((d) => d.bytes ?? [])];
  parts.push(renderByteLegend(writersIn(byteGroups, actors), actors));
  return `<div class="fl-wd not-content">${parts.join('') || '<p>The world is empty.</p>'}</div>`;
}
