// One @observablehq/runtime module per page. Every cell contributes variables named after its key
// (`<chapter>/<cell-id>`):
//   source:<key>   the code and parameters last submitted (Run, Reset, a parameter input)
//   verdict:<key>  the engine's result for that source (computed in a worker)
//   views:<key>    the rendered views of that verdict
// Later cells, tables and figures in the prose depend on these by name, so a Run reruns exactly
// what depends on it, anywhere on the page.
import { Runtime, type Module } from '@observablehq/runtime';
import type { MemoryModel } from '../../engine/api';

export interface Source {
  code: string;
  model?: MemoryModel;
  params: Record<string, number | boolean>;
  /** 0: the original as built; the page already shows its verdict, nothing needs to run */
  version: number;
}

/** Value of a verdict or view while the build's static rendering is current. */
export const STATIC = 'static' as const;
export type Static = typeof STATIC;

let module: Module | undefined;

export function pageModule(): Module {
  module ??= new Runtime().module();
  return module;
}

export const names = {
  source: (key: string) => `source:${key}`,
  verdict: (key: string) => `verdict:${key}`,
  views: (key: string) => `views:${key}`,
};
