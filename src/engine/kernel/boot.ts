// Booting a scenario: compile the prelude, the scenario's own code and the reader's strategy
// into one program, lay out the world, and start every task up to its first scheduling point.
import type { Diagnostic, MemoryModel } from '../api.js';
import { compile, TASK_ENTRY_PREFIX, type CompileEnv } from '../lang/compiler.js';
import { stackNeed, type SharedGlobal } from '../lang/bytecode.js';
import { memorySystem } from '../memory/model.js';
import { builtinTable } from './builtins/index.js';
import { kernelConstants } from './constants.js';
import { fieldTable } from './fields.js';
import { handle, Kind } from './handles.js';
import { computeLayout } from './layout.js';
import { Machine, Status } from './machine.js';
import { kernelOf, kernelText } from './kernels.js';
import type { ScenarioSpec } from './spec.js';
import { runTask, startTask } from './vm.js';
import { initialWorld } from './world.js';

export interface Booted {
  machine: Machine | null;
  initial: Int32Array | null;
  diagnostics: Diagnostic[];
  /** a task failed before its first scheduling point */
  startFault?: { task: number; status: Status; message: string };
}

export const SYNC_TASK = '__sync';

/** the scenario's code: one wrapper function per task, placed on the task's own line */
export function scenarioSource(spec: ScenarioSpec): string {
  const lines: string[] = [];
  const put = (line: number, text: string) => {
    while (lines.length < line) lines.push('');
    lines[line - 1] = lines[line - 1] ? `${lines[line - 1]} ${text}` : text;
  };
  for (const t of spec.tasks) put(t.line, `void ${TASK_ENTRY_PREFIX}${t.name}(void) { ${t.entry}; }`);
  if (spec.serialCheck) put(Math.max(1, lines.length + 1), `void ${TASK_ENTRY_PREFIX}${SYNC_TASK}(void) { sys_sync(); }`);
  const code = spec.code.split('\n');
  for (let k = 0; k < code.length; k++) put(spec.codeLine + k, code[k]);
  return lines.join('\n');
}

export function compileEnv(spec: ScenarioSpec, params: Record<string, number | boolean> = {}): CompileEnv {
  const builtins = builtinTable();
  const constants = new Map<string, number>(kernelConstants(spec.pageSize));
  spec.pages.forEach((p, i) => constants.set(p.name.replace(/[^A-Za-z0-9_]/g, '_'), handle(Kind.PAGE, i)));
  spec.files.forEach((f, i) => constants.set(f.name, handle(Kind.FILE, i)));
  spec.mms.forEach((mm, i) => constants.set(mm.name, handle(Kind.MM, i)));
  spec.locks.forEach((l, i) => constants.set(l.name, handle(Kind.LOCK, i)));
  spec.tasks.forEach((t, i) => constants.set(t.name, handle(Kind.TASK, i)));
  // the kernel's own parameters (5.0's stable_pages) hold their defaults unless the scenario sets them
  for (const [name, value] of Object.entries(kernelOf(spec.kernel).params)) constants.set(name, value);
  for (const p of spec.params) {
    const v = params[p.name] ?? p.default;
    constants.set(p.name, typeof v === 'boolean' ? +v : v);
  }
  const presetGlobals: SharedGlobal[] = spec.globals.map((g, addr) => ({ name: g.name, addr, init: g.init }));
  return {
    builtins: new Map(builtins.map((b, id) => [b.name, { id, nargs: b.nargs }])),
    fields: new Map(fieldTable.map((f, id) => [f.name, { id, writable: f.writable, addressable: f.addressable, structs: f.structs }])),
    constants,
    presetGlobals,
    wordHandle: (addr) => handle(Kind.WORD, addr),
  };
}

/**
 * The request's parameter values checked against the scenario's `param` declarations: an unknown
 * name, a value of the wrong type (NaN, a fraction, a boolean for a number) or out of the declared
 * range is an error, never a value the scenario silently runs with.
 */
export function paramDiagnostics(spec: ScenarioSpec, params: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const declared = new Map(spec.params.map((p) => [p.name, p]));
  const error = (message: string, line = 1): Diagnostic => ({ line, column: 1, message, severity: 'error', source: 'scenario' });
  for (const [name, v] of Object.entries(params)) {
    const p = declared.get(name);
    if (!p) {
      const names = [...declared.keys()];
      out.push(error(`unknown parameter '${name}': ${names.length ? `${spec.id} declares ${names.map((n) => `'${n}'`).join(', ')}` : `${spec.id} declares no parameters`}`));
      continue;
    }
    const shown = typeof v === 'string' ? `'${v}'` : String(v);
    if (p.kind === 'boolean') {
      if (typeof v !== 'boolean') out.push(error(`parameter '${name}' is a boolean (true or false), got ${shown}`, p.line));
      continue;
    }
    const range = p.min !== undefined && p.max !== undefined ? ` from ${p.min} to ${p.max}` : '';
    if (typeof v !== 'number' || !Number.isInteger(v)) out.push(error(`parameter '${name}' must be a whole number${range}, got ${shown}`, p.line));
    else if ((p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max)) out.push(error(`parameter '${name}' must be${range || ' in range'}, got ${v}`, p.line));
  }
  return out;
}

export function boot(spec: ScenarioSpec, strategy: string, model: MemoryModel, params: Record<string, number | boolean> = {}): Booted {
  const wrong = paramDiagnostics(spec, params);
  if (wrong.length) return { machine: null, initial: null, diagnostics: wrong };
  const env = compileEnv(spec, params);
  const { program, diagnostics } = compile([
    { source: 'prelude', text: kernelText(spec.kernel) },
    { source: 'scenario', text: scenarioSource(spec) },
    { source: 'strategy', text: strategy },
  ], env);
  // diagnostics in a task's entry call point at the task line of the scenario file
  for (const d of diagnostics) {
    const t = d.source === 'scenario' ? spec.tasks.find((x) => x.line === d.line) : undefined;
    const prefix = t ? `void ${TASK_ENTRY_PREFIX}${t.name}(void) { `.length : 0;
    if (t && d.column > prefix) d.column = d.column - prefix + (t.column ?? 1) - 1;
  }
  if (!program) return { machine: null, initial: null, diagnostics };
  const memory = memorySystem(model);
  const withSync = spec.serialCheck ? { ...spec, tasks: [...spec.tasks, { name: SYNC_TASK, cpu: 0, mm: null, entry: 'sys_sync()', line: 0 }] } : spec;
  const roots = withSync.tasks.map((t) => program.functionIndex.get(`${TASK_ENTRY_PREFIX}${t.name}`)!);
  // each task's stack is as deep as its calls can go (the scenario's `stack` bounds recursion)
  const memo = new Map<number, number>();
  const need = Math.max(...roots.map((r) => stackNeed(program.functions, r, new Set(), memo)));
  const specForLayout = { ...withSync, stackWords: Math.min(spec.stackWords, need) };
  const layout = computeLayout(specForLayout, program.globals.length, (l) => memory.size(l));
  layout.nTasks = spec.tasks.length; // the sync task is laid out but never scheduled
  const machine = new Machine(program, layout, spec, memory, builtinTable(), fieldTable, roots);
  if (spec.budget.maxStepsPerTransition) machine.maxSteps = spec.budget.maxStepsPerTransition;
  const initial = initialWorld(machine);
  for (let t = 0; t < spec.tasks.length; t++) {
    startTask(machine, initial, t);
    const st = runTask(machine, initial, t, true);
    if (st !== Status.OK) return { machine, initial, diagnostics, startFault: { task: t, status: st, message: machine.message } };
  }
  if (spec.serialCheck) initial[layout.taskBase + spec.tasks.length * layout.taskWords] = 1; // TASK_DONE until the check runs it
  return { machine, initial, diagnostics };
}
