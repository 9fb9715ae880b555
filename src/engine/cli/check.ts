// `faultlines check [scenario] [strategy.c] [options]`: explore every interleaving and report.
// Exit 0: ok. 1: a deadlock, corruption, bug or livelock was found. 2: bad input, or the search
// stopped at a budget before deciding. Text and --json report the same things: the JSON is the
// engine's CheckResult with the CLI's diagnostics (file, notes) and, for --trace thread, the
// numbered form.
import type { CheckResult, MemoryModel } from '../api.js';
import { check } from '../index.js';
import { choice, parseCommandArgs, stringOption, UsageError, type OptionSpec } from './args.js';
import { paint } from './colour.js';
import { formatDiagnostic, fromEngine, type CliDiagnostic, type Sources } from './diagnostics.js';
import { formatResult, TRACE_FORMS, type TraceForm } from './format.js';
import { InputError, resolveInputs, STDIN, type CheckInputs } from './inputs.js';
import { stdio, type Io } from './io.js';
import { threadTrace, type ThreadTrace } from './thread.js';
import { watchCheck } from './watch.js';

export const CHECK_OPTIONS: OptionSpec = {
  strategy: { type: 'string', short: 's' },
  model: { type: 'string', short: 'm' },
  param: { type: 'string', short: 'p', multiple: true },
  trace: { type: 'string', short: 't' },
  json: { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
};

export const CHECK_HELP = `usage: faultlines check [SCENARIO] [STRATEGY.c] [options]

Explore every interleaving of a scenario's tasks running a strategy, and report the verdict, the
search figures, the costs of an uncontended run, and a trace: the counterexample, or for OK one
serial run.

  SCENARIO            a registered id (faultlines list), a scenario file, or - for standard input;
                      may be left out when the strategy's first line names it:
                        // scenario: 2007/same-page
  STRATEGY.c          strategy-language code (a .c file); without one, the scenario's own
                      strategy file, if it names one

options:
  -s, --strategy FILE   the strategy; - reads it from standard input
  -m, --model MODEL     memory model: sc, tso or weak (default: the scenario's)
  -p, --param NAME=VAL  set a scenario parameter (repeat for several)
  -t, --trace FORM      columns (default: a column per task), thread (the mailing lists' numbered
                        form: CPU0 | CPU1 table and "2,6;b,f" steps) or none
      --json            print the result as JSON (the same fields, diagnostics included)
  -w, --watch           rerun whenever the strategy or scenario file changes (Ctrl-C stops)
  -h, --help            this help

Diagnostics are printed to standard error as compilers print them, path:line:col: error: message,
with note: lines beneath. Colour on a terminal unless NO_COLOR is set.

exit status: 0 ok; 1 a deadlock, corruption, bug or livelock was found; 2 bad input, code that
does not compile, or a search stopped by its budget before deciding.
`;

export interface CheckSettings {
  scenario?: string;
  strategy?: string;
  model?: MemoryModel;
  params: Record<string, number | boolean>;
  trace: TraceForm;
  json: boolean;
}

/** the command line as settings, or a UsageError */
export function checkSettings(argv: string[]): CheckSettings & { watch: boolean; help: boolean } {
  const p = parseCommandArgs('check', argv, CHECK_OPTIONS);
  const params: Record<string, number | boolean> = {};
  for (const kv of (p.values.param as string[] | undefined) ?? []) {
    const m = /^([A-Za-z_]\w*)=(.+)$/.exec(kv);
    if (!m) throw new UsageError(`bad --param '${kv}': expected name=value`, 'check');
    const v = m[2] === 'true' ? true : m[2] === 'false' ? false : Number(m[2]);
    if (typeof v === 'number' && !Number.isFinite(v)) throw new UsageError(`bad --param '${kv}': the value must be a number, true or false`, 'check');
    params[m[1]] = v;
  }
  let strategy = stringOption(p, 'strategy');
  let scenario: string | undefined;
  for (const a of p.positionals) {
    if (/\.[ch]$/.test(a)) {
      if (strategy !== undefined) throw new UsageError(`two strategies: '${strategy}' and '${a}'`, 'check');
      strategy = a;
    } else {
      if (scenario !== undefined) throw new UsageError(`two scenarios: '${scenario}' and '${a}' (a strategy file ends in .c)`, 'check');
      scenario = a;
    }
  }
  const watch = p.values.watch === true;
  if (watch && (scenario === '-' || strategy === '-')) throw new UsageError('--watch needs files, not standard input', 'check');
  if (p.values.help !== true && scenario === undefined && strategy === undefined) throw new UsageError('name a scenario, a strategy file, or both', 'check');
  return {
    scenario, strategy, params, watch, help: p.values.help === true, json: p.values.json === true,
    model: choice(p, 'model', ['sc', 'tso', 'weak'] as const, 'check'),
    trace: choice(p, 'trace', TRACE_FORMS, 'check') ?? 'columns',
  };
}

export function checkCommand(argv: string[], io: Io = stdio): number | Promise<number> {
  const s = checkSettings(argv);
  if (s.help) { io.out(CHECK_HELP); return 0; }
  if (s.watch) return watchCheck(() => checkOnce(s, io), io, s.json ? 'err' : 'out');
  return checkOnce(s, io).status;
}

/** what one run reports: the exit status and the files it read (for --watch) */
export interface CheckRun { status: number; watch: string[] }

/** resolve the inputs, run the engine once, print the report */
export function checkOnce(s: CheckSettings, io: Io): CheckRun {
  let inputs: CheckInputs;
  try {
    inputs = resolveInputs({ scenario: s.scenario, strategy: s.strategy, readStdin: io.readStdin ?? (() => { throw new InputError({ file: STDIN, line: null, column: null, severity: 'error', message: 'standard input cannot be read here', notes: [], source: 'input' }); }) });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    report(io, s, null, null, [e.diagnostic], {});
    return { status: 2, watch: [] };
  }
  const r = check({ scenario: inputs.scenario, strategy: inputs.strategy, model: s.model, params: s.params });
  const sources: Sources = {};
  if (inputs.scenarioSource) sources.scenario = inputs.scenarioSource;
  if (inputs.strategySource) sources.strategy = inputs.strategySource;
  report(io, s, inputs, r, r.diagnostics.map((d) => fromEngine(d, sources)), sources);
  // exit status: 0 nothing found in an exhaustive search; 2 the engine could not decide (bad code, a budget); 1 it found a problem
  return { status: r.outcome === 'ok' ? 0 : r.outcome === 'error' || r.outcome === 'budget' ? 2 : 1, watch: inputs.watch };
}

/** the JSON form: the engine's result, with the CLI's diagnostics and, for --trace thread, the numbered form */
export interface CheckJson extends Omit<CheckResult, 'diagnostics'> {
  scenario: { id: string; title: string; file: string | null };
  strategy: { file: string | null };
  diagnostics: CliDiagnostic[];
  thread?: ThreadTrace;
}

function report(io: Io, s: CheckSettings, inputs: CheckInputs | null, r: CheckResult | null, diagnostics: CliDiagnostic[], sources: Sources) {
  if (s.json) {
    const base: CheckResult = r ?? {
      outcome: 'error', verdict: null, headline: `Error: ${diagnostics[0].message}`, diagnostics: [],
      stats: { states: 0, transitions: 0, millis: 0, exhaustive: false, stoppedBy: null }, costs: null, trace: null,
    };
    const json: CheckJson = {
      ...base,
      scenario: { id: inputs?.scenarioId ?? '', title: inputs?.title ?? '', file: inputs?.scenarioSource?.file ?? null },
      strategy: { file: inputs?.strategySource?.file ?? null },
      diagnostics,
      ...(s.trace === 'none' ? { trace: null } : {}),
      ...(s.trace === 'thread' && base.trace ? { thread: threadTrace(base.trace, base.cycle) } : {}),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const errPaint = paint(io.colour?.err ?? false);
  const fileText = (d: CliDiagnostic) => Object.values(sources).find((src) => src?.file === d.file)?.text;
  for (const d of diagnostics) io.err(formatDiagnostic(d, fileText(d), errPaint));
  if (!r || !inputs) return;
  const title = `${inputs.scenarioId || inputs.scenarioSource?.file}${inputs.title ? ` — ${inputs.title}` : ''}${inputs.strategySource ? `\nstrategy: ${inputs.strategySource.file}` : ''}`;
  io.out(formatResult(r, title, { trace: s.trace, paint: paint(io.colour?.out ?? false), diagnostics: false }));
}
