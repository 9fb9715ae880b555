// The compiler: syntax trees of the prelude, the scenario and the strategy → one bytecode Program.
// Later sources override earlier ones function by function, so a reader's `filemap_fault`
// replaces the prelude's everywhere, including inside other prelude functions.
import type { Diagnostic } from '../api.js';
import type { Expr, FunctionDecl, Pos, Stmt, TypeRef, Unit } from './ast.js';
import { FRAME_HEADER, Op, OPERANDS, type CompiledFunction, type Program, type SharedGlobal, type SourceName } from './bytecode.js';
import { compatConstant, lowerCall } from './compat.js';
import { CompileError } from './errors.js';
import { arrangeDiagnostics } from './order.js';
import { parse } from './parser.js';
import { checkArguments } from './signatures.js';
import { didYouMean } from './suggest.js';

export interface BuiltinSig { id: number; nargs: number }
export interface FieldSig { id: number; writable: boolean; addressable: boolean; structs?: string[] }

/** What the kernel model tells the compiler: its builtins, fields and named objects. */
export interface CompileEnv {
  builtins: ReadonlyMap<string, BuiltinSig>;
  fields: ReadonlyMap<string, FieldSig>;
  /** named integers: scenario objects (`page0`), parameters, kernel constants (`EFAULT`) */
  constants: ReadonlyMap<string, number>;
  /** shared words the scenario declares, before the code's own globals */
  presetGlobals: readonly SharedGlobal[];
  /** the handle of shared word `addr` (what `&flag` evaluates to) */
  wordHandle(addr: number): number;
}

export interface SourceText { source: SourceName; text: string }

/** functions handled by the compiler itself rather than by a builtin */
const SPECIAL = new Map<string, number>([
  ['BUG_ON', 1], ['BUG', 0], ['WARN_ON', 1], ['WARN_ON_ONCE', 1], ['likely', 1], ['unlikely', 1],
  ['READ_ONCE', 1], ['WRITE_ONCE', 2], ['ACCESS_ONCE', 1], ['barrier', 0],
]);

const BINOPS: Record<string, Op> = {
  '+': Op.ADD, '-': Op.SUB, '*': Op.MUL, '/': Op.DIV, '%': Op.MOD, '<<': Op.SHL, '>>': Op.SHR, '&': Op.BAND,
  '|': Op.BOR, '^': Op.BXOR, '==': Op.EQ, '!=': Op.NE, '<': Op.LT, '<=': Op.LE, '>': Op.GT, '>=': Op.GE,
};

interface Decl { fn: FunctionDecl; source: SourceName }

export function compile(sources: SourceText[], env: CompileEnv): { program: Program | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  /** errors that may only follow from a definition that did not parse */
  const missing = new Map<Diagnostic, { kind: 'function' | 'name'; name: string }>();
  const syntaxErrorIn = new Set<SourceName>();
  const err = (source: SourceName, pos: Pos, message: string, e?: CompileError) => {
    const d: Diagnostic = { line: pos.line, column: pos.column, message, severity: 'error', source };
    diagnostics.push(d);
    if (e?.missing) missing.set(d, e.missing);
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
      err(source, e.pos, e.message, e);
      functions.push({ name: fn.name, entry: 0, nparams: fn.params.length, nlocals: 0, maxStack: 0, calls: [], line: fn.pos.line, source, localNames: [] });
    }
  }
  const strategy = units.find((u) => u.source === 'strategy')?.unit;
  const emptyStrategy = !!strategy && !syntaxErrorIn.has('strategy') && !strategy.functions.length && !strategy.globals.length && !strategy.defines.length;
  const arranged = arrangeDiagnostics(diagnostics, missing, syntaxErrorIn.has('strategy'), emptyStrategy);
  if (arranged.some((d) => d.severity === 'error')) return { program: null, diagnostics: arranged };
  const { code, lines, fnAt } = emitter.finish();
  return { program: { code, lines, fnAt, functions, functionIndex, globals }, diagnostics: arranged };
}

/** evaluate a constant expression (#define values, global initialisers) */
function constValue(e: Expr, defines: Map<string, number>, env: CompileEnv): number {
  const v = (x: Expr): number => {
    switch (x.kind) {
      case 'num': return x.value;
      case 'name': {
        const d = defines.get(x.name) ?? env.constants.get(x.name);
        if (d === undefined) throw new CompileError(x.pos, `unknown name '${x.name}' in a constant${didYouMean(x.name, [...defines.keys()])}`);
        return d;
      }
      case 'unary':
        if (x.op === '-') return -v(x.arg) | 0;
        if (x.op === '+') return v(x.arg);
        if (x.op === '!') return v(x.arg) ? 0 : 1;
        if (x.op === '~') return ~v(x.arg);
        break;
      case 'cast': return v(x.arg);
      case 'binary': {
        const a = v(x.left), b = v(x.right);
        if ((x.op === '/' || x.op === '%') && b === 0) throw new CompileError(x.pos, 'division by zero in a constant');
        return arith(BINOPS[x.op], a, b) ?? (x.op === '&&' ? +(!!a && !!b) : +(!!a || !!b));
      }
      case 'cond': return v(x.test) ? v(x.then) : v(x.else);
    }
    throw new CompileError(x.pos, 'not a constant expression');
  };
  return v(e);
}

/** the arithmetic shared by the interpreter and constant folding */
export function arith(op: Op, a: number, b: number): number {
  switch (op) {
    case Op.ADD: return (a + b) | 0;
    case Op.SUB: return (a - b) | 0;
    case Op.MUL: return Math.imul(a, b);
    case Op.DIV: return (a / b) | 0;
    case Op.MOD: return (a % b) | 0;
    case Op.SHL: return a << b;
    case Op.SHR: return a >> b;
    case Op.BAND: return a & b;
    case Op.BOR: return a | b;
    case Op.BXOR: return a ^ b;
    case Op.EQ: return +(a === b);
    case Op.NE: return +(a !== b);
    case Op.LT: return +(a < b);
    case Op.LE: return +(a <= b);
    case Op.GT: return +(a > b);
    case Op.GE: return +(a >= b);
  }
  return undefined as unknown as number;
}

/** operand-stack effect of an instruction */
function stackEffect(op: Op, operands: number[]): number {
  switch (op) {
    case Op.PUSH: case Op.DUP: case Op.LDL: case Op.LDG: case Op.CURRENT: return 1;
    case Op.POP: case Op.STL: case Op.STG: case Op.JZ: case Op.JNZ: case Op.RET: case Op.BUG: return -1;
    case Op.STP: case Op.SETFIELD: return -2;
    case Op.CALL: case Op.CALLB: return 1 - operands[1];
    case Op.ADD: case Op.SUB: case Op.MUL: case Op.DIV: case Op.MOD: case Op.SHL: case Op.SHR: case Op.BAND: case Op.BOR:
    case Op.BXOR: case Op.EQ: case Op.NE: case Op.LT: case Op.LE: case Op.GT: case Op.GE: return -1;
  }
  return 0;
}

class Emitter {
  code: number[] = [];
  lines: number[] = [];
  fns: number[] = [];
  fn = 0;
  line = 0;
  /** operand depth, tracked linearly and reset at each statement: an over-estimate is safe */
  depth = 0;
  maxDepth = 0;
  emit(op: Op, ...operands: number[]): number {
    const at = this.code.length;
    this.depth += stackEffect(op, operands);
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    this.code.push(op, ...operands);
    for (let k = 0; k <= operands.length; k++) { this.lines.push(this.line); this.fns.push(this.fn); }
    return at;
  }
  get here(): number { return this.code.length; }
  patch(at: number, target: number) { this.code[at + 1] = target; }
  finish() {
    return { code: Int32Array.from(this.code), lines: Int32Array.from(this.lines), fnAt: Int32Array.from(this.fns) };
  }
}

interface Loop { breaks: number[]; continues: number[] }

class FunctionCompiler {
  private scopes: Map<string, number>[] = [];
  private types = new Map<number, TypeRef>(); // declared type per local slot
  private nlocals = 0;
  private localNames: string[] = [];
  private loops: Loop[] = [];
  private labels = new Map<string, number>();
  private gotos: { at: number; label: string; pos: Pos }[] = [];
  private calls = new Set<number>();
  /** hidden temporaries of lowered calls (lang/compat.ts): id → local slot */
  private temps = new Map<number, number>();
  private nextTemp = 0;

  constructor(
    private e: Emitter, private fn: FunctionDecl, private index: number, private env: CompileEnv,
    private defines: Map<string, number>, private globals: Map<string, SharedGlobal>,
    private functionIndex: Map<string, number>, private decls: Decl[],
  ) {}

  compile(source: SourceName): CompiledFunction {
    this.e.fn = this.index;
    this.e.line = this.fn.pos.line;
    this.e.depth = 0;
    this.e.maxDepth = 0;
    const entry = this.e.here;
    this.scopes.push(new Map());
    for (const p of this.fn.params) this.types.set(this.declare(p.name, p.pos), p.type);
    this.block(this.fn.body.body);
    this.e.emit(Op.PUSH, 0);
    this.e.emit(Op.RET);
    for (const g of this.gotos) {
      const target = this.labels.get(g.label);
      if (target === undefined) throw new CompileError(g.pos, `unknown label '${g.label}'${didYouMean(g.label, this.labels.keys())}`);
      this.e.patch(g.at, target);
    }
    return {
      name: this.fn.name, entry, nparams: this.fn.params.length, nlocals: this.nlocals, maxStack: this.e.maxDepth + 1, calls: [...this.calls],
      line: this.fn.pos.line, source, localNames: this.localNames,
    };
  }

  private declare(name: string, pos: Pos): number {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope.has(name)) throw new CompileError(pos, `'${name}' is already declared in this scope`);
    const slot = this.nlocals++;
    scope.set(name, slot);
    this.localNames.push(name);
    return slot;
  }

  private local(name: string): number | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i].get(name);
      if (s !== undefined) return s;
    }
    return undefined;
  }

  private at(pos: Pos) { this.e.line = pos.line; }

  private block(body: Stmt[]) {
    this.scopes.push(new Map());
    for (const s of body) this.stmt(s);
    this.scopes.pop();
  }

  private stmt(s: Stmt): void {
    this.at(s.pos);
    this.e.depth = 0;
    switch (s.kind) {
      case 'empty': return;
      case 'block': return this.block(s.body);
      case 'expr': return this.effect(s.expr);
      case 'decl':
        for (const d of s.decls) {
          if (d.init) { this.at(d.pos); this.expr(d.init); }
          const slot = this.declare(d.name, d.pos);
          this.types.set(slot, d.type);
          if (d.init) this.e.emit(Op.STL, slot);
          else { this.e.emit(Op.PUSH, 0); this.e.emit(Op.STL, slot); }
        }
        return;
      case 'if': {
        this.expr(s.test);
        const jz = this.e.emit(Op.JZ, 0);
        this.stmt(s.then);
        if (s.else) {
          const jmp = this.e.emit(Op.JMP, 0);
          this.e.patch(jz, this.e.here);
          this.stmt(s.else);
          this.e.patch(jmp, this.e.here);
        } else this.e.patch(jz, this.e.here);
        return;
      }
      case 'while': {
        const top = this.e.here;
        this.expr(s.test);
        const jz = this.e.emit(Op.JZ, 0);
        this.loop(s.body, top);
        this.at(s.pos);
        this.e.emit(Op.JMP, top);
        this.endLoop(jz);
        return;
      }
      case 'do': {
        const top = this.e.here;
        const loop = this.loop(s.body, -1);
        const cont = this.e.here;
        for (const c of loop.continues) this.e.patch(c, cont);
        this.at(s.test.pos);
        this.expr(s.test);
        this.e.emit(Op.JNZ, top);
        this.endLoop(-1);
        return;
      }
      case 'for': {
        this.scopes.push(new Map());
        if (s.init) this.stmt(s.init);
        const top = this.e.here;
        let jz = -1;
        if (s.test) { this.at(s.test.pos); this.expr(s.test); jz = this.e.emit(Op.JZ, 0); }
        const loop = this.loop(s.body, -1);
        for (const c of loop.continues) this.e.patch(c, this.e.here);
        if (s.update) { this.at(s.update.pos); this.effect(s.update); }
        this.e.emit(Op.JMP, top);
        this.endLoop(jz);
        this.scopes.pop();
        return;
      }
      case 'return':
        if (s.value) this.expr(s.value); else this.e.emit(Op.PUSH, 0);
        this.e.emit(Op.RET);
        return;
      case 'break': {
        const l = this.loops[this.loops.length - 1];
        if (!l) throw new CompileError(s.pos, "'break' outside a loop");
        l.breaks.push(this.e.emit(Op.JMP, 0));
        return;
      }
      case 'continue': {
        const l = this.loops[this.loops.length - 1];
        if (!l) throw new CompileError(s.pos, "'continue' outside a loop");
        l.continues.push(this.e.emit(Op.JMP, 0));
        return;
      }
      case 'goto':
        this.gotos.push({ at: this.e.emit(Op.JMP, 0), label: s.label, pos: s.pos });
        return;
      case 'label':
        if (this.labels.has(s.label)) throw new CompileError(s.pos, `label '${s.label}' is defined twice`);
        this.labels.set(s.label, this.e.here);
        return this.stmt(s.body);
    }
  }

  /** compile a loop body; continues jump to `continueTo` (or are patched by the caller when -1) */
  private loop(body: Stmt, continueTo: number): Loop {
    const l: Loop = { breaks: [], continues: [] };
    this.loops.push(l);
    this.stmt(body);
    if (continueTo >= 0) for (const c of l.continues) this.e.patch(c, continueTo);
    return l;
  }

  private endLoop(jz: number) {
    const l = this.loops.pop()!;
    if (jz >= 0) this.e.patch(jz, this.e.here);
    for (const b of l.breaks) this.e.patch(b, this.e.here);
  }

  /** an expression whose value is discarded */
  private effect(x: Expr) {
    if (x.kind === 'assign' || x.kind === 'incdec') { this.assign(x, false); return; }
    this.expr(x);
    this.e.emit(Op.POP);
  }

  private expr(x: Expr): void {
    this.at(x.pos);
    switch (x.kind) {
      case 'num': this.e.emit(Op.PUSH, x.value); return;
      case 'name': return this.name(x.name, x.pos);
      case 'cast': return this.expr(x.arg);
      case 'comma': this.effect(x.left); return this.expr(x.right);
      case 'assign': case 'incdec': return this.assign(x, true);
      case 'unary': return this.unary(x);
      case 'binary': {
        if (x.op === '&&' || x.op === '||') {
          const jumpOp = x.op === '&&' ? Op.JZ : Op.JNZ;
          this.expr(x.left);
          const j1 = this.e.emit(jumpOp, 0);
          this.expr(x.right);
          const j2 = this.e.emit(jumpOp, 0);
          this.e.emit(Op.PUSH, x.op === '&&' ? 1 : 0);
          const jend = this.e.emit(Op.JMP, 0);
          this.e.patch(j1, this.e.here); this.e.patch(j2, this.e.here);
          this.e.emit(Op.PUSH, x.op === '&&' ? 0 : 1);
          this.e.patch(jend, this.e.here);
          return;
        }
        this.expr(x.left);
        this.expr(x.right);
        this.at(x.pos);
        this.e.emit(BINOPS[x.op]);
        return;
      }
      case 'cond': {
        this.expr(x.test);
        const jz = this.e.emit(Op.JZ, 0);
        this.expr(x.then);
        const jmp = this.e.emit(Op.JMP, 0);
        this.e.patch(jz, this.e.here);
        this.expr(x.else);
        this.e.patch(jmp, this.e.here);
        return;
      }
      case 'field': {
        const f = this.field(x.field, x.pos);
        this.checkStruct(x.object, x.field, f, x.pos);
        this.expr(x.object);
        this.at(x.pos);
        this.e.emit(Op.FIELD, f.id);
        return;
      }
      case 'index': throw new CompileError(x.pos, 'arrays are not supported');
      case 'call': return this.call(x);
      case 'type': throw new CompileError(x.pos, 'a type is not a value: only min_t() and max_t() take one as an argument');
      case 'let': {
        this.expr(x.value);
        const slot = this.nlocals++;
        this.localNames.push(`(temporary ${x.id})`);
        this.temps.set(x.id, slot);
        this.e.emit(Op.STL, slot);
        this.expr(x.body);
        // cleared after use, so that states differing only in a dead temporary are one state
        this.e.emit(Op.PUSH, 0);
        this.e.emit(Op.STL, slot);
        return;
      }
      case 'temp': this.e.emit(Op.LDL, this.temps.get(x.id)!); return;
    }
  }

  /** light type checking: `->` on a local declared as an integer, or on a struct without the field */
  private checkStruct(object: Expr, field: string, f: FieldSig, pos: Pos) {
    if (object.kind !== 'name') return;
    const slot = this.local(object.name);
    const type = slot === undefined ? undefined : this.types.get(slot);
    if (!type) return;
    if (type.ptr === 0) throw new CompileError(pos, `'${object.name}' is declared ${type.base}, not a pointer: '->${field}' needs a pointer to a kernel object`);
    const struct = type.base === 'struct inode' || type.base === 'struct address_space' ? 'struct file' : type.base;
    if (type.ptr === 1 && struct.startsWith('struct ') && f.structs?.length && !f.structs.includes(struct)) {
      throw new CompileError(pos, `${type.base} has no field '${field}' (it is a field of ${f.structs.join(', ')})`);
    }
  }

  private field(name: string, pos: Pos) {
    const f = this.env.fields.get(name);
    if (!f) throw new CompileError(pos, `unknown field '${name}'${didYouMean(name, this.env.fields.keys())}`);
    return f;
  }

  private name(name: string, pos: Pos) {
    const slot = this.local(name);
    if (slot !== undefined) { this.e.emit(Op.LDL, slot); return; }
    if (name === 'current') { this.e.emit(Op.CURRENT); return; }
    const d = this.defines.get(name);
    if (d !== undefined) { this.e.emit(Op.PUSH, d); return; }
    const g = this.globals.get(name);
    if (g) { this.e.emit(Op.LDG, g.addr); return; }
    const c = this.env.constants.get(name) ?? compatConstant(name);
    if (c !== undefined) { this.e.emit(Op.PUSH, c); return; }
    if (this.functionIndex.has(name) || this.env.builtins.has(name)) throw new CompileError(pos, `'${name}' is a function: call it as ${name}(...)`);
    throw new CompileError(pos, `unknown name '${name}'${didYouMean(name, this.allNames())}`, { kind: 'name', name });
  }

  private allNames(): string[] {
    const names: string[] = [];
    for (const s of this.scopes) names.push(...s.keys());
    names.push(...this.defines.keys(), ...this.globals.keys(), ...this.env.constants.keys(), 'current');
    return names;
  }

  private unary(x: Expr & { kind: 'unary' }) {
    switch (x.op) {
      case '+': return this.expr(x.arg);
      case '-': this.expr(x.arg); this.at(x.pos); this.e.emit(Op.NEG); return;
      case '!': this.expr(x.arg); this.at(x.pos); this.e.emit(Op.NOT); return;
      case '~': this.expr(x.arg); this.at(x.pos); this.e.emit(Op.BNOT); return;
      case '*': this.expr(x.arg); this.at(x.pos); this.e.emit(Op.LDP); return;
      case '&': return this.address(x.arg, x.pos);
    }
  }

  private address(arg: Expr, pos: Pos) {
    if (arg.kind === 'name') {
      if (this.local(arg.name) !== undefined) throw new CompileError(arg.pos, `cannot take the address of local variable '${arg.name}': only shared globals and kernel fields have addresses`);
      const g = this.globals.get(arg.name);
      if (g) { this.e.emit(Op.PUSH, this.env.wordHandle(g.addr)); return; }
      const c = this.env.constants.get(arg.name);
      if (c !== undefined) { this.e.emit(Op.PUSH, c); return; } // &page0: objects are their own address
      return this.name(arg.name, arg.pos);
    }
    if (arg.kind === 'field') {
      const f = this.field(arg.field, arg.pos);
      if (!f.addressable) throw new CompileError(arg.pos, `cannot take the address of field '${arg.field}'`);
      this.expr(arg.object);
      this.at(pos);
      this.e.emit(Op.ADDRF, f.id);
      return;
    }
    if (arg.kind === 'unary' && arg.op === '*') return this.expr(arg.arg);
    throw new CompileError(pos, "'&' needs a global variable or a kernel field");
  }

  /** assignment and ++/--; pushes the expression's value when `keep` */
  private assign(x: Expr & ({ kind: 'assign' } | { kind: 'incdec' }), keep: boolean) {
    const target = x.kind === 'assign' ? x.target : x.arg;
    const op = x.kind === 'assign' ? x.op : x.op === '++' ? '+=' : '-=';
    const postfix = x.kind === 'incdec' && !x.prefix;
    const value = () => {
      if (x.kind === 'assign') this.expr(x.value); else this.e.emit(Op.PUSH, 1);
    };
    const combine = () => { this.at(x.pos); this.e.emit(BINOPS[op.slice(0, -1)]); };
    if (target.kind === 'name') {
      const slot = this.local(target.name);
      const g = slot === undefined ? this.globals.get(target.name) : undefined;
      if (slot === undefined && !g) {
        if (this.defines.has(target.name) || this.env.constants.has(target.name)) throw new CompileError(target.pos, `cannot assign to constant '${target.name}'`);
        return this.name(target.name, target.pos);
      }
      const load = () => slot !== undefined ? this.e.emit(Op.LDL, slot) : this.e.emit(Op.LDG, g!.addr);
      const store = () => slot !== undefined ? this.e.emit(Op.STL, slot) : this.e.emit(Op.STG, g!.addr);
      if (op === '=') { value(); } else {
        load();
        if (postfix && keep) { this.e.emit(Op.DUP); value(); combine(); store(); return; }
        value(); combine();
      }
      if (keep) this.e.emit(Op.DUP);
      store();
      return;
    }
    if (target.kind === 'unary' && target.op === '*') {
      if (op !== '=') {
        throw new CompileError(x.pos, `'${x.kind === 'incdec' ? x.op : op}' on '*p' is a read and a write: write it as two steps (or use an atomic)`);
      }
      this.expr(target.arg);
      value();
      if (keep) throw new CompileError(x.pos, "the value of an assignment through '*p' cannot be used");
      this.at(x.pos);
      this.e.emit(Op.STP);
      return;
    }
    if (target.kind === 'field') {
      const f = this.field(target.field, target.pos);
      if (!f.writable) throw new CompileError(target.pos, `field '${target.field}' cannot be assigned: use the kernel's function for it`);
      if (op !== '=' || keep) throw new CompileError(x.pos, `only plain assignment is supported on '->${target.field}'`);
      this.expr(target.object);
      value();
      this.at(x.pos);
      this.e.emit(Op.SETFIELD, f.id);
      return;
    }
    throw new CompileError(target.pos, 'this cannot be assigned to');
  }

  private arity(name: string): number | undefined {
    const user = this.functionIndex.get(name);
    return user !== undefined ? this.decls[user].fn.params.length : SPECIAL.get(name) ?? this.env.builtins.get(name)?.nargs;
  }

  private call(x: Expr & { kind: 'call' }) {
    const lowered = lowerCall(x, this.arity(x.callee) !== undefined, {
      arity: (n) => this.arity(n),
      isLocal: (n) => this.local(n) !== undefined,
      temp: () => this.nextTemp++,
    });
    if (lowered) return this.expr(lowered);
    const { callee: name, args, pos } = x;
    const special = SPECIAL.get(name);
    const user = this.functionIndex.get(name);
    const builtin = user === undefined ? this.env.builtins.get(name) : undefined;
    const nargs = this.arity(name);
    if (nargs === undefined) {
      const names = [...this.functionIndex.keys(), ...this.env.builtins.keys(), ...SPECIAL.keys()];
      throw new CompileError(pos, `unknown function '${name}'${didYouMean(name, names)}`, { kind: 'function', name });
    }
    if (args.length !== nargs) {
      throw new CompileError(pos, `'${name}' takes ${nargs} argument${nargs === 1 ? '' : 's'} but was given ${args.length}`);
    }
    if (special !== undefined) return this.specialCall(name, args, pos);
    if (builtin) {
      checkArguments(name, args, pos, {
        localType: (n) => { const slot = this.local(n); return slot === undefined ? undefined : this.types.get(slot); },
        isIntegerName: (n) => this.local(n) === undefined && (this.defines.has(n) || this.globals.has(n)),
      });
    }
    for (const a of args) this.expr(a);
    this.at(pos);
    if (user !== undefined) { this.e.emit(Op.CALL, user, args.length); this.calls.add(user); }
    else this.e.emit(Op.CALLB, builtin!.id, args.length);
  }

  private specialCall(name: string, args: Expr[], pos: Pos) {
    switch (name) {
      case 'BUG_ON': this.expr(args[0]); this.at(pos); this.e.emit(Op.BUG); this.e.emit(Op.PUSH, 0); return;
      case 'BUG': this.e.emit(Op.PUSH, 1); this.e.emit(Op.BUG); this.e.emit(Op.PUSH, 0); return;
      case 'WARN_ON': case 'WARN_ON_ONCE': this.expr(args[0]); this.at(pos); this.e.emit(Op.WARN); return;
      case 'likely': case 'unlikely': case 'READ_ONCE': case 'ACCESS_ONCE': return this.expr(args[0]);
      case 'barrier': this.e.emit(Op.PUSH, 0); return;
      case 'WRITE_ONCE':
        this.assign({ kind: 'assign', op: '=', target: args[0], value: args[1], pos }, false);
        this.e.emit(Op.PUSH, 0);
        return;
    }
  }
}

export { FRAME_HEADER, OPERANDS };
