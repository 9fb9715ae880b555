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

/** Serialise for an inline <script type="application/json">: nothing in it can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function cellKey(chapter: string, id: string): string {
  return `${chapter}/${id}`;
}
