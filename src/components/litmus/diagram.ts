// An LKMM execution drawn as SVG: one column per thread (the initial writes first), its events
// top to bottom in program order, and arrows for po, rf, co and fr. A forbidding cycle's hops are
// drawn on top, thick and labelled with the step of the relation and its base relations, so the
// cycle reads around the picture. The SVG is role="img" with a title and a description that says
// the same as the picture in words; the text beside it lists every edge.
import type { Cycle, ExecutionGraph } from '../../engine/index';
import { esc } from '../views/index';

const ROW = 46;
const BOX_H = 26;
const CHAR = 7.2;
const PAD = 10;
const GAP = 150;
const TOP = 30;
const INIT_GAP = 24;
const BOW_ROOM = 150;

interface Placed { x: number; y: number; w: number; /** in the init row */ row: boolean }

interface Arrow { from: number; to: number; label: string; cls: string }

function threadName(t: number): string {
  return t < 0 ? 'init' : `P${t}`;
}

export function renderExecutionSvg(graph: ExecutionGraph, cycle: Cycle | null, title: string): string {
  const byId = new Map(graph.events.map((e) => [e.id, e]));
  const placed = new Map<number, Placed>();
  const heads: string[] = [];
  const width0 = (labels: string[]) => Math.max(60, ...labels.map((l) => l.length * CHAR + 16));
  // the initial writes in a row on top, each thread's events in a column below
  const inits = graph.events.filter((e) => e.thread < 0);
  let x = PAD;
  for (const e of inits) {
    const w = width0([e.label]);
    placed.set(e.id, { x, y: TOP, w, row: true });
    x += w + INIT_GAP;
  }
  if (inits.length) heads.push(`<text class="fl-lx-thread" x="${PAD}" y="${TOP - 10}">init</text>`);
  const rowWidth = x - INIT_GAP + PAD;
  const top = inits.length ? TOP + ROW + 24 : TOP;
  const threads = [...new Set(graph.events.filter((e) => e.thread >= 0).map((e) => e.thread))].sort((a, b) => a - b);
  x = PAD;
  let height = inits.length ? TOP + ROW : 0;
  for (const t of threads) {
    const evs = graph.events.filter((e) => e.thread === t);
    const w = width0(evs.map((e) => e.label));
    evs.forEach((e, k) => placed.set(e.id, { x, y: top + k * ROW, w, row: false }));
    heads.push(`<text class="fl-lx-thread" x="${x + w / 2}" y="${top - 10}" text-anchor="middle">${threadName(t)}</text>`);
    height = Math.max(height, top + evs.length * ROW);
    x += w + GAP;
  }
  // room on the right for the last column's bowed arrows
  const width = Math.max(x - GAP + PAD + BOW_ROOM, rowWidth);

  // under a cycle the base relations are drawn faint: the cycle is what the picture is about
  const faint = cycle ? ' fl-lx-faint' : '';
  const base: Arrow[] = graph.edges.map((e) => ({ from: e.from, to: e.to, label: e.rel, cls: `fl-lx-${e.rel}${faint}` }));
  const hops: Arrow[] = [];
  for (const edge of cycle?.edges ?? []) {
    if (edge.via.length === 0) hops.push({ from: edge.ids[0], to: edge.ids[1], label: edge.rel, cls: 'fl-lx-cycle' });
    for (const v of edge.via) {
      const label = `${v.step}${v.base.length ? ` [${v.base.join(', ')}]` : ''}`;
      hops.push({ from: v.ids[0], to: v.ids[1], label, cls: 'fl-lx-cycle' });
    }
  }

  const boxes = graph.events.map((e) => {
    const p = placed.get(e.id)!;
    return `<g class="fl-lx-event${e.label.startsWith('W') || e.label.startsWith('R') ? '' : ' fl-lx-fence'}"><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${BOX_H}" rx="4"/>` +
      `<text x="${p.x + p.w / 2}" y="${p.y + BOX_H / 2 + 4}" text-anchor="middle">${esc(e.label)}</text></g>`;
  });
  const drawn = [...base, ...hops].map((a, k) => arrow(a, placed, k));
  const words = describe(graph, cycle, byId);
  const id = `fl-lx-${Math.abs(hash(title + words))}`;
  return `<svg class="fl-lx" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${r(width)} ${height + PAD}" width="${r(width)}" height="${height + PAD}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(words)}</desc>` +
    `<defs><marker id="${id}-m" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>` +
    // lines under the boxes, labels over both
    heads.join('') + drawn.map((d) => d.path).join('').replaceAll('MARKER', `${id}-m`) + boxes.join('') + drawn.map((d) => d.label).join('') + '</svg>';
}

/** a curved arrow from box to box, bowed so arrows between the same columns do not overlap */
function arrow(a: Arrow, placed: Map<number, Placed>, k: number): { path: string; label: string } {
  const p = placed.get(a.from);
  const q = placed.get(a.to);
  if (!p || !q) return { path: '', label: '' };
  const sameColumn = p.x === q.x && p.row === q.row;
  let x1: number, y1: number, x2: number, y2: number, cx: number, cy: number;
  let anchor = 'middle';
  if (sameColumn && a.label === 'po') {
    x1 = x2 = p.x + p.w / 2; y1 = p.y + BOX_H; y2 = q.y; cx = x1; cy = (y1 + y2) / 2;
  } else if (sameColumn) {
    // along the column's right side, bowed out further for longer spans
    x1 = p.x + p.w; x2 = q.x + q.w; y1 = p.y + BOX_H / 2; y2 = q.y + BOX_H / 2;
    cx = x1 + 24 + Math.abs(y2 - y1) / 4; cy = (y1 + y2) / 2;
    anchor = 'start'; // the label reads outwards from the bow, not back over the column
  } else if (p.row !== q.row) {
    // from the init row down to a thread's event: leave by the bottom, enter by the side facing it
    x1 = p.x + p.w / 2; y1 = p.y + BOX_H; y2 = q.y + BOX_H / 2;
    const left = x1 < q.x + q.w / 2;
    x2 = left ? q.x : q.x + q.w;
    cx = x1; cy = y2;
  } else {
    const right = q.x > p.x;
    x1 = right ? p.x + p.w : p.x; x2 = right ? q.x : q.x + q.w; y1 = p.y + BOX_H / 2; y2 = q.y + BOX_H / 2;
    const bow = ((k % 3) - 1) * 14;
    cx = (x1 + x2) / 2; cy = (y1 + y2) / 2 + bow;
  }
  const lx = (x1 + 2 * cx + x2) / 4;
  const ly = (y1 + 2 * cy + y2) / 4;
  return {
    path: `<g class="fl-lx-edge ${a.cls}"><path d="M${r(x1)},${r(y1)} Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}" marker-end="url(#MARKER)"/></g>`,
    label: a.label === 'po' ? '' : `<g class="fl-lx-label ${a.cls}"><text x="${r(anchor === 'start' ? lx + 4 : lx)}" y="${r(ly - 3)}" text-anchor="${anchor}">${esc(a.label)}</text></g>`,
  };
}

const r = (v: number) => Math.round(v * 10) / 10;

function describe(graph: ExecutionGraph, cycle: Cycle | null, byId: Map<number, { thread: number; label: string }>): string {
  const name = (id: number) => {
    const e = byId.get(id);
    return e ? `${threadName(e.thread)} ${e.label}` : `event ${id}`;
  };
  const lines = graph.edges.filter((e) => e.rel !== 'po').map((e) => `${e.rel} from ${name(e.from)} to ${name(e.to)}`);
  const head = `${graph.events.length} events in ${new Set(graph.events.map((e) => e.thread)).size} columns (init and each thread in program order).`;
  const cyc = cycle ? ` The cycle forbidden by ${cycle.axiom}: ${cycle.edges.map((e) => `${name(e.ids[0])} ${e.rel} ${name(e.ids[1])}`).join(', then ')}.` : '';
  return `${head} ${lines.join('; ')}.${cyc}`;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
