// The engine, run in Node while the site builds: every cell's original verdict and trace are in the
// HTML before any script runs. Results are memoised because a cell, a figure quoting it and a
// table built on it all ask the same question.
import { check, scenarioInfo as engineScenarioInfo } from '../../engine/index';
import type { CheckRequest, CheckResult, MemoryModel, ScenarioInfo } from '../../engine/api';
import { buildBudget } from './budget';

const results = new Map<string, CheckResult>();

export function buildCheck(req: CheckRequest): CheckResult {
  const key = JSON.stringify([req.scenario, req.strategy, req.model, req.params]);
  let result = results.get(key);
  if (!result) {
    result = check({ ...req, budget: { ...buildBudget, ...req.budget } });
    results.set(key, result);
  }
  return result;
}

/** a scenario reference (`id`, or `id@kernel` for another kernel) described */
export function scenarioInfo(ref: string): ScenarioInfo | undefined {
  return engineScenarioInfo(ref);
}

/** Parse a cell's `params` attribute (JSON object of numbers and booleans). */
export function parseParams(text: string | undefined, where: string): Record<string, number | boolean> {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${where}: params is not JSON: ${text}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: params must be a JSON object: ${text}`);
  }
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number' && typeof v !== 'boolean') throw new Error(`${where}: param ${k} must be a number or boolean`);
  }
  return value as Record<string, number | boolean>;
}

export function parseModels(text: string | undefined): MemoryModel[] {
  if (!text) return [];
  return text.split(',').map((m) => m.trim()).filter((m): m is MemoryModel => m === 'sc' || m === 'tso' || m === 'weak');
}
