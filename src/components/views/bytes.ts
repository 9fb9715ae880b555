// Page and disk bytes, grouped into runs of one writer. Each run names its writer in text,
// so the colours (views.css) only repeat what the words already say.
import type { Actor } from '../../engine/api.js';
import { esc } from './escape.js';
import { writerStyle } from './palette.js';

export type Byte = { value: number; writer: string };

function hex(v: number): string {
  return (v & 0xff).toString(16).padStart(2, '0');
}

const printable = (v: number): boolean => v > 0x20 && v < 0x7f;

/** `"ab" 00 00`: printable bytes as quoted text (the scenarios write letters), others in hex. */
export function byteText(values: number[]): string {
  const parts: string[] = [];
  let text = '';
  for (const v of values) {
    if (printable(v)) {
      text += String.fromCharCode(v);
      continue;
    }
    if (text) parts.push(`"${text}"`);
    text = '';
    parts.push(hex(v));
  }
  if (text) parts.push(`"${text}"`);
  return parts.join(' ');
}

function runs(bytes: Byte[]): { writer: string; start: number; values: number[] }[] {
  const out: { writer: string; start: number; values: number[] }[] = [];
  bytes.forEach((b, i) => {
    const last = out[out.length - 1];
    if (last && last.writer === b.writer) last.values.push(b.value);
    else out.push({ writer: b.writer, start: i, values: [b.value] });
  });
  return out;
}

export function renderBytes(bytes: Byte[], actors: Actor[]): string {
  if (bytes.length === 0) return '<span class="fl-bytes-empty">no bytes</span>';
  const html = runs(bytes)
    .map((r) => {
      const style = writerStyle(r.writer, actors);
      const end = r.start + r.values.length - 1;
      const range = end === r.start ? `byte ${r.start}` : `bytes ${r.start}–${end}`;
      const values = r.values.map((v) => `0x${hex(v)}`).join(' ');
      return (
        `<span class="fl-run ${style.className}" data-writer="${esc(r.writer)}" title="${esc(`${range} (${values}): ${style.label}`)}">` +
        `<span class="fl-run-who">${esc(r.writer)}</span> <span class="fl-run-values">${esc(byteText(r.values))}</span></span>`
      );
    })
    .join('');
  return `<span class="fl-bytes">${html}</span>`;
}

/** Every writer present, in a stable order: actors first, then the special writers. */
export function writersIn(groups: Byte[][], actors: Actor[]): string[] {
  const seen = new Set<string>();
  for (const g of groups) for (const b of g) seen.add(b.writer);
  const actorNames = actors.map((a) => a.name).filter((n) => seen.has(n));
  const rest = [...seen].filter((w) => !actorNames.includes(w)).sort();
  return [...actorNames, ...rest];
}

export function renderByteLegend(writers: string[], actors: Actor[]): string {
  if (writers.length === 0) return '';
  const items = writers
    .map((w) => {
      const style = writerStyle(w, actors);
      return `<li><span class="fl-run fl-swatch ${style.className}" aria-hidden="true">${esc(w)}</span> ${esc(style.label)}</li>`;
    })
    .join('');
  return `<ul class="fl-legend" aria-label="Byte colours">${items}</ul>`;
}
