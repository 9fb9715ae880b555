// `sim litmus <file.litmus> [--model sc|tso|weak] [--json] [--scenario]`: run a litmus test in the
// LKMM C format on the engine; list every reachable final state, say whether the `exists` clause
// can be satisfied, show a witness, and end with `Result: Always|Sometimes|Never` (the words of the
// kernel tests' headers). Exit 0 with an answer; 2 for unreadable or unsupported tests (the
// message begins `unsupported: <feature>`) or a search that hit its budget.
import { existsSync, readFileSync } from 'node:fs';
import type { MemoryModel } from '../api.js';
import { LitmusError } from '../litmus/ast.js';
import { runLitmus, type LitmusRun } from '../litmus/run.js';
import { formatTrace } from './format.js';
import { stdio, takeFlag, takeOption, type Io } from './io.js';

const USAGE = 'usage: sim litmus <file.litmus> [--model sc|tso|weak] [--json] [--scenario]\n';

export function litmusCommand(argv: string[], io: Io = stdio): number {
  const args = [...argv];
  const json = takeFlag(args, '--json');
  const showScenario = takeFlag(args, '--scenario');
  const model = takeOption(args, '--model') ?? 'weak';
  if (args.length !== 1 || args[0].startsWith('--')) return bad(io, USAGE);
  if (!['sc', 'tso', 'weak'].includes(model)) return bad(io, `unknown model '${model}' (sc, tso or weak)\n`);
  if (!existsSync(args[0])) return bad(io, `no such file: ${args[0]}\n`);
  let run: LitmusRun;
  try {
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
