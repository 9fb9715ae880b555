// What a check reads: a scenario (a registered id, a file, or `-` for standard input) and a
// strategy (a file, `-`, the scenario's own `strategy` file, or none). A strategy may name its
// scenario in its first line, `// scenario: 2007/same-page`, so `faultlines check f.c` is enough.
// Problems are CliDiagnostics thrown as InputError: they name the file, and nothing is guessed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listScenarios, parseScenario, scenarioText } from '../index.js';
import { inputError, type CliDiagnostic, type TextSource } from './diagnostics.js';

/** the repository root, where scenario `strategy` paths start */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export class InputError extends Error {
  constructor(readonly diagnostic: CliDiagnostic) { super(diagnostic.message); }
}

/** the name standard input goes by in diagnostics, as compilers call it */
export const STDIN = '<stdin>';

export interface CheckInputs {
  /** what check() takes: a registered id or a scenario file's text */
  scenario: string;
  scenarioId: string;
  title: string;
  /** where diagnostics in the scenario point; null for a built-in text not found verbatim in its module */
  scenarioSource: TextSource | null;
  strategy: string;
  strategySource: TextSource | null;
  /** files whose change should rerun the check (absolute paths) */
  watch: string[];
}

export interface InputRequest {
  scenario?: string;
  strategy?: string;
  readStdin: () => string;
  cwd?: string;
}

const FIRST_LINE_SCENARIO = /^\s*(?:\/\/|\/\*)\s*scenario:\s*(\S+?)\s*(?:\*\/\s*)?$/;

/** the scenario a strategy names in its first line, and the column where the name starts */
export function scenarioComment(strategy: string): { name: string; column: number } | null {
  const first = strategy.split('\n', 1)[0].replace(/\r$/, '');
  const m = FIRST_LINE_SCENARIO.exec(first);
  return m ? { name: m[1], column: first.indexOf(m[1], first.indexOf('scenario:')) + 1 } : null;
}

function readFile(path: string, cwd: string): string {
  const abs = resolve(cwd, path);
  if (!existsSync(abs)) throw new InputError(inputError(path, 'no such file'));
  if (statSync(abs).isDirectory()) throw new InputError(inputError(path, 'is a directory, not a file'));
  try {
    return readFileSync(abs, 'utf8');
  } catch (e) {
    // unreadable (permissions, a device): the system's reason, under the file's name
    throw new InputError(inputError(path, `cannot read: ${(e as Error).message.replace(/^\w+: /, '').replace(/, open .*$/, '')}`));
  }
}

/** standard input, read whole; a failure to read it is the input's problem, not a crash */
function readStdin(read: () => string): string {
  try {
    return read();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(inputError(STDIN, `cannot read standard input: ${(e as Error).message}`));
  }
}

/** a text read whole from a file or standard input: positions in it are the file's own */
const plainSource = (file: string, text: string): TextSource => ({ file, text, lineOffset: 0, columnOffset: 0 });

/** where a built-in scenario's text sits in its module, `src/engine/scenarios/<id>.ts` */
function builtinSource(id: string, text: string, cwd: string): TextSource | null {
  const module = resolve(REPO_ROOT, 'src/engine/scenarios', `${id}.ts`);
  if (!existsSync(module)) return null;
  const content = readFileSync(module, 'utf8');
  const at = content.indexOf(text);
  if (at < 0) return null;
  const before = content.slice(0, at).split('\n');
  return { file: shownPath(cwd, module), text: content, lineOffset: before.length - 1, columnOffset: before[before.length - 1].length };
}

/** a path as the user would type it: relative when under the working folder, else absolute */
const shownPath = (cwd: string, abs: string) => (relative(cwd, abs).startsWith('..') ? abs : relative(cwd, abs));

export function resolveInputs(req: InputRequest): CheckInputs {
  const cwd = req.cwd ?? process.cwd();
  const known = new Set(listScenarios().map((s) => s.id));
  if (req.scenario === '-' && req.strategy === '-') {
    throw new InputError(inputError(STDIN, 'only one of the scenario and the strategy can come from standard input'));
  }
  const watch: string[] = [];
  let strategy = '';
  let strategySource: TextSource | null = null;
  if (req.strategy !== undefined) {
    strategy = req.strategy === '-' ? readStdin(req.readStdin) : readFile(req.strategy, cwd);
    strategySource = plainSource(req.strategy === '-' ? STDIN : req.strategy, strategy);
    if (req.strategy !== '-') watch.push(resolve(cwd, req.strategy));
  }

  // the scenario: named on the command line, or in the strategy's first line
  let name = req.scenario;
  let base = cwd;
  if (name === undefined) {
    const named = strategySource ? scenarioComment(strategy) : null;
    if (!named) {
      throw new InputError(inputError(strategySource?.file ?? '<command line>', 'no scenario: name one on the command line or in the strategy\'s first line',
        ['for example `faultlines check 2007/same-page f.c`, or `// scenario: 2007/same-page` as the first line of f.c'], strategySource ? 1 : null, strategySource ? 1 : null));
    }
    if (!known.has(named.name) && !existsSync(resolve(dirname(resolve(cwd, req.strategy!)), named.name))) {
      throw new InputError(inputError(strategySource!.file, `unknown scenario '${named.name}'`, ['`faultlines list` names the scenarios; a scenario file is found relative to the strategy'], 1, named.column));
    }
    name = named.name;
    if (req.strategy !== '-') base = dirname(resolve(cwd, req.strategy!));
  }

  // the scenario, resolved once: its text (a registered one's, a file's or standard input's)
  let scenario: string;
  let scenarioId: string;
  let scenarioSource: TextSource | null;
  let text: string;
  if (name === '-') {
    scenario = text = readStdin(req.readStdin);
    scenarioSource = plainSource(STDIN, scenario);
    scenarioId = '';
  } else if (known.has(name)) {
    scenario = name;
    scenarioId = name;
    text = scenarioText(name)!;
    scenarioSource = builtinSource(name, text, cwd);
    if (scenarioSource) watch.push(resolve(cwd, scenarioSource.file));
  } else if (existsSync(resolve(base, name))) {
    const shown = isAbsolute(name) || base === cwd ? name : relative(cwd, resolve(base, name));
    scenario = text = readFile(resolve(base, name), cwd);
    scenarioSource = plainSource(shown, scenario);
    scenarioId = '';
    watch.push(resolve(base, name));
  } else {
    throw new InputError(inputError(name, `unknown scenario '${name}': neither a registered id nor a file`, ['`faultlines list` names the registered scenarios']));
  }

  // the scenario's own text says its id, title and default strategy
  const spec = parseScenario(text).spec;
  if (spec) scenarioId = spec.id;
  if (req.strategy === undefined && spec?.strategyFile) {
    const file = resolve(REPO_ROOT, spec.strategyFile);
    strategy = readFile(file, cwd);
    strategySource = plainSource(shownPath(cwd, file), strategy);
    watch.push(file);
  }
  return { scenario, scenarioId, title: spec?.title ?? '', scenarioSource, strategy, strategySource, watch };
}
