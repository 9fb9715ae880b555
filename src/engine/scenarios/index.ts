// The registry of built-in scenarios, by stable id. Each scenario is a text file in the format
// of format.ts, kept in a .ts module so the browser bundle and Node load it alike.
import type { Diagnostic, ScenarioInfo } from '../api.js';
import type { ScenarioSpec } from '../kernel/spec.js';
import { parseScenario } from './format.js';
import primer from './primer/index.js';
import y2006 from './2006/index.js';
import y2007 from './2007/index.js';
import y2014 from './2014/index.js';
import y2019 from './2019/index.js';

const TEXTS: string[] = [...primer, ...y2006, ...y2007, ...y2014, ...y2019];

let registry: Map<string, { text: string; spec: ScenarioSpec }> | null = null;

function load() {
  if (registry) return registry;
  registry = new Map();
  for (const text of TEXTS) {
    const { spec, diagnostics } = parseScenario(text);
    if (!spec) throw new Error(`built-in scenario does not parse: ${diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('; ')}\n${text.slice(0, 200)}`);
    if (registry.has(spec.id)) throw new Error(`scenario id ${spec.id} is used twice`);
    registry.set(spec.id, { text, spec });
  }
  return registry;
}

export function scenarioIds(): string[] {
  return [...load().keys()];
}

export function scenarioText(id: string): string | undefined {
  return load().get(id)?.text;
}

export function listScenarios(): ScenarioInfo[] {
  return [...load().values()].map(({ spec }) => ({
    id: spec.id, title: spec.title, description: spec.description, model: spec.model,
    params: spec.params.map((p) => ({ ...p })),
  }));
}

/** a registered id, or the text of a scenario file */
export function resolveScenario(idOrText: string): { spec: ScenarioSpec | null; diagnostics: Diagnostic[] } {
  const known = load().get(idOrText.trim());
  if (known) return { spec: known.spec, diagnostics: [] };
  if (!/\n/.test(idOrText) && !/^\s*id\s/.test(idOrText)) {
    return { spec: null, diagnostics: [{ line: 1, column: 1, message: `unknown scenario '${idOrText}' (known: ${scenarioIds().join(', ')})`, severity: 'error', source: 'scenario' }] };
  }
  return parseScenario(idOrText);
}
