// `sim check <id|file> [--strategy f.c] [--model sc|tso|weak] [--param name=value]… [--json]`
// Exit 0: ok. 1: a deadlock, corruption, bug or livelock was found. 2: bad input, or the search
// stopped at a budget before deciding.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemoryModel } from '../api.js';
import { check } from '../index.js';
import { resolveScenario } from '../scenarios/index.js';
import { formatResult } from './format.js';
import { stdio, takeFlag, takeOption, type Io } from './io.js';

/** the repository root, where scenario `strategy` paths start */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

const USAGE = 'usage: sim check <scenario id | scenario file> [--strategy file.c] [--model sc|tso|weak] [--param name=value]... [--json]\n';

export function checkCommand(argv: string[], io: Io = stdio): number {
  const args = [...argv];
  const json = takeFlag(args, '--json');
  const strategyFile = takeOption(args, '--strategy');
  const model = takeOption(args, '--model');
  const params: Record<string, number | boolean> = {};
  for (let p = takeOption(args, '--param'); p !== undefined; p = takeOption(args, '--param')) {
    const m = /^([A-Za-z_]\w*)=(.*)$/.exec(p);
    if (!m) return bad(io, `bad --param '${p}': expected name=value\n`);
    params[m[1]] = m[2] === 'true' ? true : m[2] === 'false' ? false : Number(m[2]);
  }
  if (args.length !== 1 || args[0].startsWith('--')) return bad(io, USAGE);
  if (model !== undefined && !['sc', 'tso', 'weak'].includes(model)) return bad(io, `unknown model '${model}' (sc, tso or weak)\n`);
  const scenario = existsSync(args[0]) ? readFileSync(args[0], 'utf8') : args[0];
  const { spec, diagnostics } = resolveScenario(scenario);
  if (!spec) return bad(io, diagnostics.map((d) => `${args[0]}:${d.line}:${d.column}: ${d.message}`).join('\n') + '\n');
  const file = strategyFile ?? (spec.strategyFile ? resolve(REPO_ROOT, spec.strategyFile) : undefined);
  if (file !== undefined && !existsSync(file)) return bad(io, `no such strategy file: ${file}\n`);
  const strategy = file ? readFileSync(file, 'utf8') : '';
  const r = check({ scenario, strategy, model: model as MemoryModel | undefined, params });
  io.out(json ? JSON.stringify(r, null, 2) + '\n' : formatResult(r, `${spec.id} — ${spec.title}${file ? `\nstrategy: ${file}` : ''}`));
  if (r.outcome === 'ok') return 0;
  if (r.outcome === 'error' || r.outcome === 'budget') return 2;
  return 1;
}

function bad(io: Io, message: string): number {
  io.err(message);
  return 2;
}
