// Compiling one function: statements and expressions to bytecode, with block-scoped locals,
// loops, labels, the compiler's own specials (BUG_ON, READ_ONCE…), the kernel's signatures and
// the lowering of the threads' kernel names (compat.ts).
import type { Expr, FunctionDecl, Pos, Stmt, TypeRef } from './ast.js';
import { BINOPS } from './arith.js';
import { Op, type CompiledFunction, type SharedGlobal, type SourceName } from './bytecode.js';
import { compatConstant, lowerCall, unmodelled } from './compat.js';
import type { CompileEnv, FieldSig } from './env.js';
import type { Emitter } from './emit.js';
import { CompileError } from './errors.js';
import { checkArguments } from './signatures.js';
import { didYouMean } from './suggest.js';

export /** functions handled by the compiler itself rather than by a builtin */
const SPECIAL = new Map<string, number>([
  ['BUG_ON', 1], ['BUG', 0], ['WARN_ON', 1], ['WARN_ON_ONCE', 1], ['likely', 1], ['unlikely', 1],
  ['READ_ONCE', 1], ['WRITE_ONCE', 2], ['ACCESS_ONCE', 1], ['barrier', 0],
]);

export interface Decl { fn: FunctionDecl; source: SourceName }

interface Loop { breaks: number[]; continues: number[] }

export class FunctionCompiler {
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
      const why = unmodelled(name);
      throw new CompileError(pos, why ? `'${name}' is kernel API the model leaves out: ${why}` : `unknown function '${name}'${didYouMean(name, names)}`, { kind: 'function', name });
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
