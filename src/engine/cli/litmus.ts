// `sim litmus <file.litmus> [--model sc|tso|weak|lkmm] [--json] [--scenario] [--explain]`: run a
// litmus test in the LKMM C format on the engine (sc, tso, weak) or decide it under the Linux-kernel
// memory model (lkmm, the axiomatic checker of lkmm/); list every final state, say whether the
// `exists` clause can be satisfied, and end with herd7's `Result: Always|Sometimes|Never` line
// (with `DATARACE` when LKMM flags a data race). `--explain` adds, under lkmm, the forbidding
// cycle or a witness execution. Exit 0 with an answer; 2 for unreadable or unsupported tests (the
// message begins `unsupported: <feature>` or `unsupported under <model>: …`) or a hit budget.
import { existsSync, readFileSync } from 'node:fs';
import type { MemoryModel } from '../api.js';
import { LitmusError } from '../litmus/ast.js';
import { runLitmus, type LitmusRun } from '../litmus/run.js';
import { formatCycle, formatExecution, runLkmm, type LkmmRun } from '../lkmm/index.js';
import { formatTrace } from './format.js';
import { stdio, takeFlag, takeOption, type Io } from './io.js';

const USAGE = 'usage: sim litmus <file.litmus> [--model sc|tso|weak|lkmm] [--json] [--scenario] [--explain]\n';

export function litmusCommand(argv: string[], io: Io = stdio): number {
  const args = [...argv];
  const json = takeFlag(args, '--json');
  const showScenario = takeFlag(args, '--scenario');
  const explain = takeFlag(args, '--explain');
  const model = takeOption(args, '--model') ?? 'weak';
  if (args.length !== 1 || args[0].startsWith('--')) return bad(io, USAGE);
  if (!['sc', 'tso', 'weak', 'lkmm'].includes(model)) return bad(io, `unknown model '${model}' (sc, tso, weak or lkmm)\n`);
  if (!existsSync(args[0])) return bad(io, `no such file: ${args[0]}\n`);
  let run: LitmusRun;
  try {
    if (model === 'lkmm') {
      const r = runLkmm(readFileSync(args[0], 'utf8'));
      io.out(json ? `${JSON.stringify({ model: 'lkmm', ...r }, null, 2)}\n` : lkmmText(r, explain));
      return 0;
    }
    run = runLitmus(readFileSync(args[0], 'utf8'), { model: model as MemoryModel });
  } catch (e) {
    if (e instanceof LitmusError) return bad(io, json ? `${JSON.stringify({ error: e.message, kind: e.kind })}\n` : `${args[0]}: ${e.message}\n`);
    throw e;
  }
  if (json) io.out(`${JSON.stringify(run, null, 2)}\n`);
  else io.out(text(run, showScenario));
  return 0;
}

function bad(io: Io, message: string): number {
  io.err(message);
  return 2;
}

function text(r: LitmusRun, showScenario: boolean): string {
  const out: string[] = [];
  out.push(`Test ${r.name} under ${r.model}`);
  if (showScenario) out.push('', 'Translated scenario:', r.scenario.trimEnd(), '');
  out.push(`States ${r.finals.length}`);
  for (const f of r.finals) {
    const cells = r.places.map((p) => `${p}=${f.values[p]};`).join(' ');
    out.push(`${f.satisfies ? '*>' : ':>'} ${cells}`);
  }
  const n = r.finals.filter((f) => f.satisfies).length;
  out.push(`${r.quantifier} (${r.condition})${r.filter ? ` with filter (${r.filter})` : ''}: ${n === 0 ? 'no final state satisfies it' : `${n} of ${r.finals.length} final states satisfy it (marked *>)`}`);
  if (r.witness) {
    out.push(`Witness (${r.witnessSwitches} context switch${r.witnessSwitches === 1 ? '' : 'es'}):`, formatTrace(r.witness));
  }
  const s = r.stats;
  out.push(`Search: ${s.states} states, ${s.transitions} transitions, ${s.millis} ms, exhaustive`);
  if (r.deadlocks > 0) out.push(`note: ${r.deadlocks} states where no thread can proceed (not counted as final states)`);
  for (const note of r.notes) out.push(`note: ${note}`);
  out.push(`Observation ${r.name} ${r.result} ${n} ${r.finals.length - n}`, `Result: ${r.result}`);
  return `${out.join('\n')}\n`;
}

/** herd7's verdict word, with DATARACE when the model flags a data race */
export function verdictLine(r: LkmmRun): string {
  return `Result: ${r.result}${r.flags.includes('data-race') ? ' DATARACE' : ''}`;
}

function lkmmText(r: LkmmRun, explain: boolean): string {
  const out: string[] = [`Test ${r.name} under lkmm`, `States ${r.finals.length}`];
  for (const f of r.finals) {
    const cells = r.places.map((p) => `${p}=${f.values[p]};`).join(' ');
    out.push(`${f.satisfies ? '*>' : ':>'} ${cells}`);
  }
  const n = r.finals.filter((f) => f.satisfies).length;
  out.push(`${r.quantifier} (${r.condition})${r.filter ? ` with filter (${r.filter})` : ''}: ${n === 0 ? 'no allowed final state satisfies it' : `${n} of ${r.finals.length} final states satisfy it (marked *>)`}`);
  if (explain) {
    if (r.witness) out.push('Witness (an execution LKMM allows that satisfies the condition):', ...formatExecution(r.witness));
    else if (r.cycle) out.push(...formatCycle(r.cycle));
    else out.push('No candidate execution satisfies the condition, whatever the model says.');
  }
  const rejected = Object.entries(r.rejectedBy).map(([a, k]) => `${a} ${k}`).join(', ');
  out.push(`Candidates: ${r.candidates} executions, ${r.allowed} allowed${rejected ? `; rejected by ${rejected}` : ''}`);
  for (const f of r.flags) out.push(`Flag ${f}`);
  out.push(`Observation ${r.name} ${r.result} ${n} ${r.finals.length - n}`, verdictLine(r));
  return `${out.join('\n')}\n`;
}
