// A litmus test decided under one memory model, as plain data a page can show and a Worker can
// post: sc, tso and weak by the strategy engine's litmus runner, lkmm by the axiomatic checker.
// Both give herd7's verdict line; a test either cannot read or cannot model is an error that
// names the reader's line when there is one.
import { LitmusError, formatExecution, runLitmus, runLkmm, type Cycle, type ExecutionGraph, type LitmusResult } from '../../engine/index';

export const LITMUS_MODELS = ['sc', 'tso', 'weak', 'lkmm'] as const;
export type LitmusModel = (typeof LITMUS_MODELS)[number];

export const MODEL_NAMES: Record<LitmusModel, string> = {
  sc: 'sc (sequentially consistent)',
  tso: 'tso (x86)',
  weak: 'weak (store buffers and invalidate queues)',
  lkmm: 'lkmm (the kernel memory model)',
};

export interface Outcome {
  values: Record<string, number | string>;
  satisfies: boolean;
}

export interface Decided {
  ok: true;
  model: LitmusModel;
  name: string;
  /** `exists (0:r0=0 /\ 1:r2=0)` */
  condition: string;
  result: LitmusResult;
  /** herd7's flags, e.g. `data-race` (lkmm only) */
  flags: string[];
  places: string[];
  outcomes: Outcome[];
  /** how much was searched: candidate executions (lkmm) or states (the strategy engine) */
  searched: string;
  /** lkmm's forbidding cycle, when no allowed execution satisfies the condition */
  cycle: Cycle | null;
  /** lkmm's witness (when the condition can hold) or the cycle's execution */
  graph: ExecutionGraph | null;
  /** lkmm's witness as text: each thread's events, then rf and co */
  witness: string[] | null;
  /** the strategy engine's witness: how many steps and context switches its shortest run takes */
  witnessRun: { steps: number; switches: number } | null;
  notes: string[];
}

export interface Refused {
  ok: false;
  model: LitmusModel;
  message: string;
  /** the reader's line the error is about (1-based), 0 when it is not about one line */
  line: number;
  /** that line's text, shown before the message */
  source: string | null;
}

export type LitmusAnswer = Decided | Refused;

export function isLitmusModel(m: string): m is LitmusModel {
  return (LITMUS_MODELS as readonly string[]).includes(m);
}

/** herd7's verdict line: `Never`, `Sometimes DATARACE`… */
export function verdictLine(a: Decided): string {
  return `${a.result}${a.flags.includes('data-race') ? ' DATARACE' : ''}`;
}

export function decide(text: string, model: LitmusModel): LitmusAnswer {
  try {
    return model === 'lkmm' ? viaLkmm(text) : viaEngine(text, model);
  } catch (error) {
    return refused(text, model, error);
  }
}

function viaLkmm(text: string): Decided {
  const r = runLkmm(text);
  return {
    ok: true, model: 'lkmm', name: r.name, condition: `${r.quantifier} (${r.condition})`, result: r.result, flags: r.flags,
    places: r.places, outcomes: r.finals.map((f) => ({ values: f.values, satisfies: f.satisfies })),
    searched: `${r.candidates} candidate execution${r.candidates === 1 ? '' : 's'}, ${r.allowed} allowed`,
    cycle: r.cycle, graph: r.graph, witness: r.witness ? formatExecution(r.witness) : null, witnessRun: null, notes: [],
  };
}

function viaEngine(text: string, model: Exclude<LitmusModel, 'lkmm'>): Decided {
  const r = runLitmus(text, { model });
  return {
    ok: true, model, name: r.name, condition: `${r.quantifier} (${r.condition})`, result: r.result, flags: [],
    places: r.places, outcomes: r.finals, searched: `${r.stats.states} states`,
    cycle: null, graph: null, witness: null,
    witnessRun: r.witness ? { steps: r.witness.steps.length, switches: r.witnessSwitches ?? 0 } : null,
    notes: r.notes,
  };
}

function refused(text: string, model: LitmusModel, error: unknown): Refused {
  const message = error instanceof Error ? error.message : String(error);
  // LitmusError puts the line in front of a syntax message ("12: expected ';'"): keep it once
  const line = error instanceof LitmusError ? error.line : 0;
  const lines = text.split('\n');
  const source = line > 0 && line <= lines.length ? lines[line - 1] : null;
  return { ok: false, model, message: line > 0 ? message.replace(new RegExp(`^${line}: `), '') : message, line, source };
}
