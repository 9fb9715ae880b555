// Translate a parsed litmus test into the engine's own terms: strategy-language code (one function
// per thread, taking its locations as `int *` as the litmus text does), shared globals for the
// locations, and one task per thread on its own CPU. The ONE engine then explores it; nothing here
// executes anything. Registers are reported through globals `P<n>_<reg>` the thread stores last;
// locations, locks and those globals are declared by the scenario (`global x = 0`).
import type { MemoryModel } from '../api.js';
import { LitmusError, type Cond, type Expr, type LitmusTest, type Stmt, type Thread } from './ast.js';
import { primitive } from '../memory/primitives.js';
import { lkmmOnlyCalls, refusedCall } from './calls.js';

export interface LitmusProgram {
  /** strategy-language source: the thread functions */
  code: string;
  /** shared globals in address order, with initial values */
  globals: { name: string; init: number }[];
  tasks: { name: string; cpu: number; entry: string }[];
  /** final-state key (`0:r0`, `x`) → the global that holds it */
  observe: { key: string; global: string }[];
  /** registers no statement assigns: their final value is their initial one, stored nowhere */
  constants: { key: string; value: number }[];
}

const precedence: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

function expr(e: Expr, outer = 0): string {
  switch (e.k) {
    case 'num': return e.value < 0 ? `(${e.value})` : String(e.value);
    case 'reg': return e.name;
    case 'unary': return `${e.op}${expr(e.e, 11)}`;
    case 'binary': {
      const p = precedence[e.op];
      const s = `${expr(e.l, p)} ${e.op} ${expr(e.r, p + 1)}`;
      return p < outer ? `(${s})` : s;
    }
    case 'prim': return call(e.name, e.loc, e.args);
    case 'addr': case 'load': throw new LitmusError('engine', 'translate: refuseBeyondEngine lets no pointer through');
  }
}

function call(name: string, loc: string, args: Expr[]): string {
  const p = primitive(name)!;
  if (p.kind === 'fence') return `${name}()`;
  const at = p.kind === 'rmw' ? p.locArg : 0;
  const deref = (p.kind === 'load' || p.kind === 'store') && p.deref;
  const parts = args.map((a) => expr(a));
  parts.splice(at, 0, deref ? `*${loc}` : loc);
  return `${name}(${parts.join(', ')})`;
}

function stmts(body: Stmt[], indent: string): string[] {
  const out: string[] = [];
  for (const s of body) {
    if (s.k === 'assign') out.push(`${indent}${s.reg} = ${expr(s.e)};`);
    else if (s.k === 'store') throw new LitmusError('engine', 'translate: refuseBeyondEngine lets no plain store through');
    else if (s.k === 'prim') out.push(`${indent}${call(s.name, s.loc, s.args)};`);
    else {
      out.push(`${indent}if (${expr(s.cond)}) {`, ...stmts(s.then, `${indent}\t`));
      if (s.else.length > 0) out.push(`${indent}} else {`, ...stmts(s.else, `${indent}\t`));
      out.push(`${indent}}`);
    }
  }
  return out;
}

/** the locations a thread's code names, in the test's order */
function threadLocations(test: LitmusTest, t: Thread): string[] {
  const used = new Set<string>();
  const visitE = (e: Expr): void => {
    if (e.k === 'prim') { if (e.loc) used.add(e.loc); e.args.forEach(visitE); }
    else if (e.k === 'unary') visitE(e.e);
    else if (e.k === 'binary') { visitE(e.l); visitE(e.r); }
  };
  const visitS = (s: Stmt): void => {
    if (s.k === 'assign') visitE(s.e);
    else if (s.k === 'prim') { if (s.loc) used.add(s.loc); s.args.forEach(visitE); }
    else if (s.k === 'if') { visitE(s.cond); s.then.forEach(visitS); s.else.forEach(visitS); }
  };
  t.body.forEach(visitS);
  return [...test.locations.map((l) => l.name), ...test.locks].filter((n) => used.has(n));
}

function assignedRegs(body: Stmt[], out = new Set<string>()): Set<string> {
  for (const s of body) {
    if (s.k === 'assign') out.add(s.reg);
    else if (s.k === 'if') { assignedRegs(s.then, out); assignedRegs(s.else, out); }
  }
  return out;
}

/**
 * Refuse, by name, what the strategy engine does not model but the reader accepts for the LKMM
 * checker: pointer values, plain accesses, address dependencies, RCU, SRCU, spin_is_locked.
 */
export function refuseBeyondEngine(test: LitmusTest): void {
  const refuse = (what: string, line = 0): never => { throw new LitmusError('unsupported', what, line); };
  for (const l of test.locations) if (typeof l.init === 'string') refuse(`pointer values (${l.name}=${l.init}) in the initial state`);
  for (const r of test.regInit) if (typeof r.value === 'string') refuse(`pointer values (${r.thread}:${r.reg}=${r.value}) in the initial state`);
  if (test.srcus.length > 0) refuse('SRCU (struct srcu_struct parameters)');
  const visitE = (e: Expr, line: number): void => {
    if (e.k === 'load') refuse('plain (non-ONCE) accesses to shared memory', line);
    if (e.k === 'addr') refuse(`using the pointer '${e.name}' as a value (pointer values)`, line);
    if (e.k === 'prim') visitCall(e, line);
    if (e.k === 'unary') visitE(e.e, line);
    if (e.k === 'binary') { visitE(e.l, line); visitE(e.r, line); }
  };
  const visitCall = (c: { name: string; at?: string; args: Expr[] }, line: number): void => {
    if (lkmmOnlyCalls.has(c.name) || !primitive(c.name)) refuse(refusedCall(c.name), line);
    if (c.at !== undefined) refuse(`accessing memory through the register '${c.at}' (address dependencies)`, line);
    c.args.forEach((a) => visitE(a, line));
  };
  const visitS = (s: Stmt): void => {
    if (s.k === 'store') refuse('plain (non-ONCE) accesses to shared memory', s.line);
    else if (s.k === 'assign') visitE(s.e, s.line);
    else if (s.k === 'prim') visitCall(s, s.line);
    else { visitE(s.cond, s.line); s.then.forEach(visitS); s.else.forEach(visitS); }
  };
  test.threads.forEach((t) => t.body.forEach(visitS));
  const visitC = (c: Cond | null): void => {
    if (!c) return;
    if (c.k === 'eq' && typeof c.value === 'string') refuse(`pointer values (${c.value}) in the condition`);
    if (c.k === 'not') visitC(c.c);
    if (c.k === 'and' || c.k === 'or') { visitC(c.l); visitC(c.r); }
  };
  visitC(test.condition);
  visitC(test.filter);
}

export function translate(test: LitmusTest): LitmusProgram {
  refuseBeyondEngine(test);
  const taken = new Set([...test.locations.map((l) => l.name), ...test.locks]);
  const fresh = (want: string): string => {
    let name = want;
    for (let k = 2; taken.has(name); k++) name = `${want}_${k}`;
    taken.add(name);
    return name;
  };
  const globals = test.locations.map((l) => ({ name: l.name, init: l.init as number }));
  const observe: LitmusProgram['observe'] = [];
  const constants: LitmusProgram['constants'] = [];
  const lines: string[] = [`// litmus test ${test.name}, translated for the engine`];
  // a spinlock_t is a shared word: 0 free, else the holder's task number + 1
  for (const l of test.locks) globals.push({ name: l, init: 0 });
  const tasks: LitmusProgram['tasks'] = [];
  test.threads.forEach((t, cpu) => {
    const fn = fresh(`P${t.id}`);
    const assigned = assignedRegs(t.body);
    const initOf = (r: string) => (test.regInit.find((i) => i.thread === t.id && i.reg === r)?.value as number | undefined) ?? 0;
    // an observed register costs a store at the end of the thread (and its drain): only those assigned
    const stored = t.regs.filter((r) => assigned.has(r));
    for (const r of t.regs) if (!assigned.has(r)) constants.push({ key: `${t.id}:${r}`, value: initOf(r) });
    const regGlobals = stored.map((r) => fresh(`P${t.id}_${r}`));
    regGlobals.forEach((g, i) => {
      globals.push({ name: g, init: 0 });
      observe.push({ key: `${t.id}:${stored[i]}`, global: g });
    });
    const locs = threadLocations(test, t);
    lines.push(`void ${fn}(${locs.map((l) => `int *${l}`).join(', ') || 'void'})`, '{');
    for (const r of t.regs) lines.push(`\tint ${r} = ${initOf(r)};`);
    lines.push(...stmts(t.body, '\t'));
    stored.forEach((r, i) => lines.push(`\t${regGlobals[i]} = ${r};`));
    lines.push('}', '');
    tasks.push({ name: fn, cpu, entry: `${fn}(${locs.map((l) => `&${l}`).join(', ')})` });
  });
  for (const l of test.locations) observe.push({ key: l.name, global: l.name });
  return { code: `${lines.join('\n')}\n`, globals, tasks, observe, constants };
}

/** the scenario file (scenarios/format.ts) that runs the translated test under `model` */
export function scenarioFor(test: LitmusTest, prog: LitmusProgram, model: MemoryModel): string {
  const lines = [
    `id litmus/${test.name.replace(/[^A-Za-z0-9_+.-]/g, '_')}`,
    `title "litmus test ${test.name}"`,
    `model ${model}`,
    ...prog.globals.map((g) => `global ${g.name} = ${g.init}`),
    `observe ${prog.observe.map((o) => o.global).join(' ')}`,
    ...prog.tasks.map((t) => `task ${t.name} cpu ${t.cpu} : ${t.entry}`),
    'code:',
    prog.code,
  ];
  return lines.join('\n');
}
