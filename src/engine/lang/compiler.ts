// The compiler: syntax trees of the prelude, the scenario and the strategy → one bytecode Program.
// Later sources override earlier ones function by function, so a reader's `filemap_fault`
// replaces the prelude's everywhere, including inside other prelude functions.
import type { Diagnostic } from '../api.js';
import type { Pos, Unit } from './ast.js';
import { constValue } from './arith.js';
import { FRAME_HEADER, OPERANDS, type CompiledFunction, type Program, type SharedGlobal, type SourceName } from './bytecode.js';
import { Emitter } from './emit.js';
import type { CompileEnv, SourceText } from './env.js';
import { TASK_ENTRY_PREFIX } from './env.js';
import { CompileError } from './errors.js';
import { FunctionCompiler, SPECIAL, type Decl } from './function.js';
import { arrangeDiagnostics } from './order.js';
import { parse } from './parser.js';

export type { BuiltinSig, CompileEnv, FieldSig, SourceText } from './env.js';
export { TASK_ENTRY_PREFIX } from './env.js';

export function compile(sources: SourceText[], env: CompileEnv): { program: Program | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  /** errors that may only follow from a definition that did not parse */
  const missing = new Map<Diagnostic, { kind: 'function' | 'name'; name: string; inTaskEntry: boolean }>();
  const syntaxErrorIn = new Set<SourceName>();
  const err = (source: SourceName, pos: Pos, message: string, e?: CompileError, fnName = '') => {
    const d: Diagnostic = { line: pos.line, column: pos.column, message, severity: 'error', source };
    diagnostics.push(d);
    if (e?.missing) missing.set(d, { ...e.missing, inTaskEntry: fnName.startsWith(TASK_ENTRY_PREFIX) });
  };
  const units: { unit: Unit; source: SourceName }[] = [];
  for (const s of sources) {
    const { unit, errors } = parse(s.text);
    for (const e of errors) err(s.source, e, e.message);
    if (errors.length) syntaxErrorIn.add(s.source);
    units.push({ unit, source: s.source });
  }
  // Merge: later sources override earlier ones; duplicates within one source are errors.
  const decls = new Map<string, Decl>();
  const defines = new Map<string, number>();
  const globals: SharedGlobal[] = [...env.presetGlobals];
  const globalIndex = new Map(globals.map((g) => [g.name, g]));
  for (const { unit, source } of units) {
    const seen = new Set<string>();
    for (const d of unit.defines) {
      try { defines.set(d.name, constValue(d.value, defines, env)); } catch (e) {
        if (e instanceof CompileError) err(source, e.pos, e.message); else throw e;
      }
    }
    for (const g of unit.globals) {
      if (globalIndex.has(g.name)) { err(source, g.pos, `'${g.name}' is already declared`); continue; }
      let init = 0;
      try { if (g.init) init = constValue(g.init, defines, env); } catch (e) {
        if (e instanceof CompileError) err(source, e.pos, `a global's initial value must be a constant: ${e.message}`); else throw e;
      }
      const sg = { name: g.name, addr: globals.length, init };
      globals.push(sg);
      globalIndex.set(g.name, sg);
    }
    for (const f of unit.functions) {
      if (seen.has(f.name)) { err(source, f.pos, `function '${f.name}' is defined twice`); continue; }
      seen.add(f.name);
      if (env.builtins.has(f.name) || SPECIAL.has(f.name)) { err(source, f.pos, `'${f.name}' is a kernel primitive of the simulator and cannot be redefined`); continue; }
      decls.set(f.name, { fn: f, source });
    }
  }
  const order = [...decls.values()];
  const functionIndex = new Map(order.map((d, i) => [d.fn.name, i]));
  const emitter = new Emitter();
  const functions: CompiledFunction[] = [];
  for (let i = 0; i < order.length; i++) {
    const { fn, source } = order[i];
    const fc = new FunctionCompiler(emitter, fn, i, env, defines, globalIndex, functionIndex, order);
    try {
      functions.push(fc.compile(source));
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      err(source, e.pos, e.message, e, fn.name);
      functions.push({ name: fn.name, entry: 0, nparams: fn.params.length, nlocals: 0, maxStack: 0, calls: [], line: fn.pos.line, source, localNames: [] });
    }
  }
  const strategy = units.find((u) => u.source === 'strategy')?.unit;
  const emptyStrategy = !!strategy && !syntaxErrorIn.size && !strategy.functions.length && !strategy.globals.length && !strategy.defines.length;
  const arranged = arrangeDiagnostics(diagnostics, missing, syntaxErrorIn.size > 0, emptyStrategy);
  if (arranged.some((d) => d.severity === 'error')) return { program: null, diagnostics: arranged };
  const { code, lines, fnAt } = emitter.finish();
  return { program: { code, lines, fnAt, functions, functionIndex, globals }, diagnostics: arranged };
}

export { FRAME_HEADER, OPERANDS };
