// What the build hands the browser about each cell (a JSON script inside the cell): the original
// code and parameters, for Run, Reset, Diff and Share. The original trace, for the scrubber, is a
// separate compressed script (trace-codec.ts), decoded only when the scrubber wakes up.
import type { MemoryModel, ScenarioInfo, WaitEdge } from '../../engine/api';

export interface CellData {
  id: string;
  chapter: string;
  title: string;
  scenario: string;
  expect: string;
  code: string;
  model?: MemoryModel;
  models: MemoryModel[];
  params: Record<string, number | boolean>;
  paramDefs: ScenarioInfo['params'];
  /** the original's deadlock cycle, drawn with its trace */
  cycle?: WaitEdge[];
}

/**
 * The JSON a page carries: the code is left out when the highlighted block already holds it
 * exactly (`codeInBlock`: its text, plus a final newline when `newline`), which halves what a
 * chapter's HTML spends on code.
 */
export type CellJson = Omit<CellData, 'code'> & { code?: string; codeInBlock?: true; newline?: boolean };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text of highlighted HTML (tags dropped, entities decoded), as the browser's textContent reads it. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m,
    );
}

/** What the page carries for a cell, given its highlighted code block. */
export function cellJson(data: CellData, blockHtml: string): CellJson {
  const text = htmlText(blockHtml);
  const newline = data.code.endsWith('\n');
  if (text + (newline ? '\n' : '') !== data.code) return data; // the block differs: carry the code
  const { code: _code, ...rest } = data;
  return { ...rest, codeInBlock: true, newline };
}

/** The cell's data in the browser: the code comes back from the block when the JSON left it out. */
export function cellData(json: CellJson, block: Element | null): CellData {
  if (typeof json.code === 'string') return json as CellData;
  if (!json.codeInBlock || !block) throw new Error(`cell ${json.id}: no code in its data or its block`);
  const { codeInBlock: _c, newline, ...rest } = json;
  return { ...rest, code: (block.textContent ?? '') + (newline ? '\n' : '') };
}

/** Serialise for an inline <script type="application/json">: nothing in it can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function cellKey(chapter: string, id: string): string {
  return `${chapter}/${id}`;
}
