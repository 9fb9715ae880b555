// The wait-for graph at a deadlock, as inline SVG: tasks and resources on a circle (a
// deterministic layout: same cycle, same picture), an arrow from a task to what it waits for
// and from a resource to the task holding it. The cycle is drawn thick and red, and also
// named in <desc> and in the caption, so it is not told by colour alone. No ids anywhere:
// several graphs share one page, and arrowheads are drawn as polygons instead of markers.
import type { WaitEdge } from '../../engine/api.js';
import { esc } from './escape.js';

interface Node { key: string; kind: 'task' | 'resource'; name: string; x: number; y: number; hw: number; hh: number }
interface Edge { from: string; to: string; kind: 'wants' | 'holds'; cycle: boolean; words: string }

const MAX_LABEL = 18;
const CHAR_W = 7.2;

/**
 * A resource's identity: the engine names a rwsem by mode where a task waits for it
 * (`mmap_sem (read)`) and plainly where one holds it (`mmap_sem`); both are one node.
 */
export function resourceKey(name: string): string {
  return name.replace(/\s*\((read|write|reader|writer|shared|exclusive)\)$/, '');
}

function label(name: string): string {
  return name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name;
}

function collect(cycle: WaitEdge[]): { nodes: Omit<Node, 'x' | 'y'>[]; edges: Edge[] } {
  const nodes: Omit<Node, 'x' | 'y'>[] = [];
  const add = (kind: Node['kind'], full: string): string => {
    const name = kind === 'resource' ? resourceKey(full) : full;
    const key = `${kind}:${name}`;
    if (!nodes.some((n) => n.key === key)) nodes.push({ key, kind, name, hw: label(name).length * CHAR_W / 2 + 10, hh: 14 });
    return key;
  };
  const edges: Edge[] = [];
  for (const e of cycle) {
    const held = e.holds ? add('resource', e.holds) : null;
    const task = add('task', e.task);
    const wanted = add('resource', e.wants);
    if (held) edges.push({ from: held, to: task, kind: 'holds', cycle: false, words: `${e.holds} is held by ${e.task}` });
    edges.push({ from: task, to: wanted, kind: 'wants', cycle: false, words: `${e.task} waits for ${e.wants}` });
  }
  for (const e of edges) e.cycle = reaches(edges, e.to, e.from);
  return { nodes, edges };
}

/** Is there a path from `a` to `b`? (An edge u→v is on a cycle when v reaches u.) */
function reaches(edges: Edge[], a: string, b: string): boolean {
  const seen = new Set<string>([a]);
  const todo = [a];
  while (todo.length) {
    const n = todo.pop()!;
    if (n === b) return true;
    for (const e of edges) if (e.from === n && !seen.has(e.to)) { seen.add(e.to); todo.push(e.to); }
  }
  return false;
}

function place(nodes: Omit<Node, 'x' | 'y'>[]): { nodes: Node[]; width: number; height: number } {
  const n = nodes.length;
  const r = n <= 1 ? 0 : Math.max(60, n * 26);
  const padX = Math.max(...nodes.map((d) => d.hw)) + 12;
  const padY = 14 + 12;
  const placed = nodes.map((d, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { ...d, x: padX + r + r * Math.cos(angle), y: padY + r + r * Math.sin(angle) };
  });
  return { nodes: placed, width: 2 * (padX + r), height: 2 * (padY + r) };
}

const f = (v: number): string => (Math.round(v * 10) / 10).toString();

/** Where the segment from the centre of `n` towards (tx, ty) leaves its box. */
function clip(n: Node, tx: number, ty: number): [number, number] {
  const dx = tx - n.x;
  const dy = ty - n.y;
  const t = Math.min(dx ? n.hw / Math.abs(dx) : Infinity, dy ? n.hh / Math.abs(dy) : Infinity, 1);
  return [n.x + dx * t, n.y + dy * t];
}

function edgePath(a: Node, b: Node, e: Edge): string {
  // bend every edge to its left, so two opposite edges between one pair never overlap
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const cx = mx + ((b.y - a.y) / len) * 24;
  const cy = my - ((b.x - a.x) / len) * 24;
  const [x0, y0] = clip(a, cx, cy);
  const [x1, y1] = clip(b, cx, cy);
  const ux = (x1 - cx) / (Math.hypot(x1 - cx, y1 - cy) || 1);
  const uy = (y1 - cy) / (Math.hypot(x1 - cx, y1 - cy) || 1);
  const head = `${f(x1)},${f(y1)} ${f(x1 - ux * 9 - uy * 5)},${f(y1 - uy * 9 + ux * 5)} ${f(x1 - ux * 9 + uy * 5)},${f(y1 - uy * 9 - ux * 5)}`;
  const cls = `fl-wfg-edge fl-wfg-${e.kind}${e.cycle ? ' fl-wfg-cycle' : ''}`;
  return (
    `<g class="${cls}"><title>${esc(e.words)}${e.cycle ? ' (in the cycle)' : ''}</title>` +
    `<path d="M${f(x0)},${f(y0)} Q${f(cx)},${f(cy)} ${f(x1)},${f(y1)}" fill="none"/><polygon points="${head}"/></g>`
  );
}

function nodeShape(n: Node, inCycle: boolean): string {
  const cls = `fl-wfg-node fl-wfg-${n.kind}${inCycle ? ' fl-wfg-cycle' : ''}`;
  const rx = n.kind === 'task' ? n.hh : 2;
  return (
    `<g class="${cls}"><title>${esc(`${n.kind === 'task' ? 'task' : 'resource'} ${n.name}`)}</title>` +
    `<rect x="${f(n.x - n.hw)}" y="${f(n.y - n.hh)}" width="${f(2 * n.hw)}" height="${f(2 * n.hh)}" rx="${rx}"/>` +
    `<text x="${f(n.x)}" y="${f(n.y)}" text-anchor="middle" dominant-baseline="central">${esc(label(n.name))}</text></g>`
  );
}

/** In words, the same graph: what each task holds and waits for. */
export function describeCycle(cycle: WaitEdge[]): string {
  const parts = cycle.map((e) => {
    const holder = cycle.find((o) => o.holds && resourceKey(o.holds) === resourceKey(e.wants));
    const by = holder ? `, held by ${holder.task}` : '';
    return `${e.task} holds ${e.holds || 'nothing'} and waits for ${e.wants}${by}`;
  });
  return `${parts.join('; ')}.`;
}

export function renderWaitForGraph(cycle: WaitEdge[]): string {
  if (!cycle || cycle.length === 0) return '';
  const { nodes: raw, edges } = collect(cycle);
  const { nodes, width, height } = place(raw);
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const inCycle = new Set(edges.filter((e) => e.cycle).flatMap((e) => [e.from, e.to]));
  const desc = describeCycle(cycle);
  const svg =
    `<svg class="fl-wfg" role="img" aria-label="${esc(`Wait-for graph: ${desc}`)}" viewBox="0 0 ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>Wait-for graph</title><desc>${esc(desc)}</desc>` +
    edges.map((e) => edgePath(byKey.get(e.from)!, byKey.get(e.to)!, e)).join('') +
    nodes.map((n) => nodeShape(n, inCycle.has(n.key))).join('') +
    `</svg>`;
  const legend =
    'Rounded boxes are tasks, square boxes resources; a dashed arrow points from a task to what it waits for, ' +
    'a solid arrow from a resource to the task holding it; the cycle is drawn thick.';
  return `<figure class="fl-wfg-figure not-content">${svg}<figcaption><strong>Deadlock cycle.</strong> ${esc(desc)} <span class="fl-wfg-legend">${legend}</span></figcaption></figure>`;
}
