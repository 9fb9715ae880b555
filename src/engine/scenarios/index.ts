// The registry of built-in scenarios, by stable id. Each scenario is a text file in the format
// of format.ts, kept in a .ts module so the browser bundle and Node load it alike.
import type { Diagnostic, ScenarioInfo } from '../api.js';
import type { ScenarioSpec } from '../kernel/spec.js';
import { parseScenario } from './format.js';
import { KERNELS, kernelNamed } from '../kernel/kernels.js';
import * as primer from './primer/index.js';
import * as y2006 from './2006/index.js';
import * as y2007 from './2007/index.js';
import * as y2014 from './2014/index.js';
import * as y2019 from './2019/index.js';

/** the groups in chapter order; each group's index re-exports its scenario texts, one line each */
const GROUPS: Record<string, string>[] = [primer, y2006, y2007, y2014, y2019];

let registry: Map<string, { text: string; spec: ScenarioSpec }> | null = null;

function parsed(text: string): { text: string; spec: ScenarioSpec } {
  const { spec, diagnostics } = parseScenario(text);
  if (!spec) throw new Error(`built-in scenario does not parse: ${diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('; ')}\n${text.slice(0, 200)}`);
  return { text, spec };
}

/** every built-in scenario: groups in chapter order, and within a group, ids in alphabetical order */
function load() {
  if (registry) return registry;
  registry = new Map();
  for (const group of GROUPS) {
    const scenarios = Object.values(group).map(parsed).sort((a, b) => (a.spec.id < b.spec.id ? -1 : a.spec.id > b.spec.id ? 1 : 0));
    for (const s of scenarios) {
      if (registry.has(s.spec.id)) throw new Error(`scenario id ${s.spec.id} is used twice`);
      registry.set(s.spec.id, s);
    }
  }
  return registry;
}

export function scenarioIds(): string[] {
  return [...load().keys()];
}

export function scenarioText(id: string): string | undefined {
  return load().get(id)?.text;
}

function info(spec: ScenarioSpec): ScenarioInfo {
  return {
    id: spec.id, title: spec.title, description: spec.description, model: spec.model, kernel: spec.kernel,
    params: spec.params.map((p) => ({ ...p })),
  };
}

export function listScenarios(): ScenarioInfo[] {
  return [...load().values()].map(({ spec }) => info(spec));
}

/** a registered scenario on the kernel it names, or `id@kernel`: the same scenario on another kernel */
function registered(ref: string): { spec: ScenarioSpec | null; diagnostics: Diagnostic[] } | undefined {
  const [id, kernel] = ref.split('@');
  const known = load().get(id);
  if (!known) return undefined;
  if (kernel === undefined) return { spec: known.spec, diagnostics: [] };
  if (!kernelNamed(kernel)) {
    return { spec: null, diagnostics: [{ line: 1, column: 1, message: `unknown kernel '${kernel}' in '${ref}' (known: ${KERNELS.map((k) => k.name).join(', ')})`, severity: 'error', source: 'scenario' }] };
  }
  return { spec: { ...known.spec, kernel }, diagnostics: [] };
}

/** what a scenario reference (`id` or `id@kernel`) is, or undefined when it names no registered scenario */
export function scenarioInfo(ref: string): ScenarioInfo | undefined {
  const spec = registered(ref.trim())?.spec;
  return spec ? info(spec) : undefined;
}

/** a registered id (`id`, or `id@kernel` for another kernel), or the text of a scenario file */
export function resolveScenario(idOrText: string): { spec: ScenarioSpec | null; diagnostics: Diagnostic[] } {
  const known = /\n/.test(idOrText) ? undefined : registered(idOrText.trim());
  if (known) return known;
  if (!/\n/.test(idOrText) && !/^\s*id\s/.test(idOrText)) {
    return { spec: null, diagnostics: [{ line: 1, column: 1, message: `unknown scenario '${idOrText}' (known: ${scenarioIds().join(', ')})`, severity: 'error', source: 'scenario' }] };
  }
  return parseScenario(idOrText);
}
