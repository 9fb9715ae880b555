// A recursive-descent parser for the strategy language (a small kernel C).
// Errors carry line:column; after an error the parser skips to the next top-level item,
// so one typo yields one message rather than a cascade. Nesting is bounded (LIMITS below), so
// no input can exhaust the JavaScript stack of the parser, the compiler or their walkers.
import type { Define, Expr, Param, Pos, Stmt, TypeRef, Unit, VarDecl } from './ast.js';
import { lex, type Token } from './lexer.js';
import { unpaste } from './paste.js';
import { tooTall, walkExpr } from './tree.js';

/** How deep a program may nest; past these a positioned error says so. */
export const LIMITS = {
  /** statements inside statements (`if`, loops, blocks) */
  statements: 128,
  /** parentheses, prefix operators, casts, call arguments, `?:` and `=` chains inside one another */
  expressions: 256,
  /** operations on the longest path of one expression's tree (`1 + 1 + … + 1` is a path) */
  operations: 1000,
};

export interface ParseDiagnostic { line: number; column: number; message: string }

class ParseError extends Error {
  constructor(readonly pos: Pos, message: string) { super(message); }
}

const BASE_TYPES = new Set([
  'void', 'int', 'long', 'short', 'char', 'unsigned', 'signed', 'bool', '_Bool', 'size_t', 'ssize_t', 'loff_t',
  'pgoff_t', 'gfp_t', 'u8', 'u16', 'u32', 'u64', 's32', 's64', 'atomic_t', 'uintptr_t', 'vm_fault_t',
]);
const QUALIFIERS = new Set(['const', 'static', 'inline', 'volatile', '__user', 'extern', 'register', '__always_inline', 'noinline', '__must_check']);

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);

/** recent parses by source text: the prelude is parsed once, not on every check (trees are never mutated after parsing) */
const parsed = new Map<string, { unit: Unit; errors: ParseDiagnostic[] }>();

export function parse(src: string): { unit: Unit; errors: ParseDiagnostic[] } {
  const hit = parsed.get(src);
  if (hit) return hit;
  const { tokens, errors: lexErrors } = lex(unpaste(src));
  const p = new Parser(tokens);
  const unit = p.unit();
  const result = { unit, errors: [...lexErrors, ...p.errors] };
  if (parsed.size >= 16) parsed.delete(parsed.keys().next().value!);
  parsed.set(src, result);
  return result;
}

/** Parse one expression (task entries in scenario files, #define values). */
export function parseExpression(src: string): { expr: Expr | null; errors: ParseDiagnostic[] } {
  const { tokens, errors } = lex(src);
  const p = new Parser(tokens);
  try {
    const expr = p.expression();
    if (p.peek().kind !== 'eof') throw new ParseError(p.pos(), `unexpected '${p.peek().text}' after the expression`);
    return { expr, errors };
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return { expr: null, errors: [...errors, { ...e.pos, message: e.message }] };
  }
}

/** the elision a message writes for code it leaves out (`...`, `[..]`, `[...]`) */
const ELISION = "the email leaves code out here: write the missing code (or delete the line) to run it";

class Parser {
  i = 0;
  errors: ParseDiagnostic[] = [];
  private stmtNest = 0;
  private exprNest = 0;
  /** #defines, wherever they appear: the preprocessor is textual, so one inside a function counts too */
  private defines: Define[] = [];
  /** the closing brace of the last function parsed, to explain code that follows it */
  private lastClose: Token | null = null;
  constructor(private toks: Token[]) {}

  /**
   * One nesting level deeper, or fail here past the limit. The caller steps back out after the
   * nested part; a ParseError abandons the whole top-level item, and unit() resets both counts.
   */
  private enter(which: 'statements' | 'expressions'): void {
    if (which === 'statements' ? ++this.stmtNest > LIMITS.statements : ++this.exprNest > LIMITS.expressions) {
      throw new ParseError(this.pos(), which === 'statements'
        ? `statements nested too deeply: more than ${LIMITS.statements} inside one another (the simulator's limit); move the inner part into a function`
        : `expression nested too deeply: more than ${LIMITS.expressions} levels of parentheses, operators or calls (the simulator's limit)`);
    }
  }

  /**
   * An outermost expression's longest path of operations, walked without recursion. A tree has
   * no more nodes than the tokens it was read from, so a short one needs no walk.
   */
  private checkSize(e: Expr, start: number): Expr {
    if (this.i - start <= LIMITS.operations) return e;
    const over = tooTall(e, LIMITS.operations);
    if (over) throw new ParseError(over.pos, `expression too long: more than ${LIMITS.operations} operations in one expression (the simulator's limit); split it with local variables`);
    return e;
  }

  /** `name(…);` here: a call statement, not the header of a function written as prose */
  private isCallStatement(): boolean {
    let depth = 0;
    for (let k = this.i + 1; k < this.toks.length; k++) {
      const t = this.toks[k];
      if (t.kind === 'eof') return false;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) return this.toks[k + 1]?.text === ';';
    }
    return false;
  }

  private isElision(): boolean {
    return this.is('...') || (this.is('[') && this.peek(1).kind === 'punct' && (this.peek(1).text === '.' || this.peek(1).text === '...'));
  }

  peek(k = 0): Token { return this.toks[Math.min(this.i + k, this.toks.length - 1)]; }
  pos(t: Token = this.peek()): Pos { return { line: t.line, column: t.column }; }
  next(): Token { return this.toks[this.i < this.toks.length - 1 ? this.i++ : this.i]; }
  is(text: string, k = 0): boolean { const t = this.peek(k); return (t.kind === 'punct' || t.kind === 'ident') && t.text === text; }
  accept(text: string): boolean { if (this.is(text)) { this.i++; return true; } return false; }
  expect(text: string, what?: string): Token {
    if (this.is(text)) return this.next();
    const t = this.peek();
    const prev = this.toks[this.i - 1];
    if (text === ';' && prev && t.line > prev.line) {
      // the statement ended with its line: point at its last character, not at the next line
      throw new ParseError({ line: prev.line, column: prev.column + Math.max(prev.text.length - 1, 0) }, "missing ';' at the end of the line");
    }
    throw new ParseError(this.pos(t), `expected '${text}'${what ? ` ${what}` : ''} but found ${t.kind === 'eof' ? 'the end of the code' : `'${t.text}'`}`);
  }
  ident(what: string): Token {
    const t = this.peek();
    if (t.kind !== 'ident') throw new ParseError(this.pos(t), `expected ${what} but found ${t.kind === 'eof' ? 'the end of the code' : `'${t.text}'`}`);
    return this.next();
  }

  unit(): Unit {
    const unit: Unit = { functions: [], globals: [], defines: this.defines };
    while (this.peek().kind !== 'eof') {
      const start = this.i;
      this.stmtNest = 0;
      this.exprNest = 0;
      try {
        if (this.peek().kind === 'define') this.define();
        else if (this.isElision()) throw new ParseError(this.pos(), ELISION);
        else this.topLevel(unit);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.errors.push({ ...e.pos, message: e.message });
        this.skipTopLevel(start);
      }
    }
    return unit;
  }

  private skipTopLevel(start: number) {
    if (this.i === start) this.i++;
    let depth = 0;
    for (let k = this.i - 1; k >= start; k--) {
      const t = this.toks[k];
      if (t.text === '{') depth++;
      else if (t.text === '}') depth--;
    }
    while (this.peek().kind !== 'eof') {
      const t = this.next();
      if (t.text === '{') depth++;
      else if (t.text === '}') { depth--; if (depth <= 0) return; }
      else if (t.text === ';' && depth <= 0) return;
    }
  }

  private define(out: Define[] = this.defines) {
    const t = this.next();
    const m = /^#\s*define\s+([A-Za-z_][A-Za-z0-9_]*)(\()?\s*(.*)$/.exec(t.text);
    if (!m) throw new ParseError(this.pos(t), 'expected a name after #define');
    if (m[2]) throw new ParseError(this.pos(t), `#define ${m[1]}(...): only integer constants can be defined, not macros with arguments`);
    const body = m[3].replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '').trim();
    if (!body) throw new ParseError(this.pos(t), `#define ${m[1]} needs a value`);
    const sub = parseExpression(body);
    const col0 = t.column + t.text.indexOf(m[3]);
    if (!sub.expr || sub.errors.length) {
      const e = sub.errors[0];
      throw new ParseError({ line: t.line, column: col0 + (e ? e.column - 1 : 0) }, e ? e.message : 'bad #define');
    }
    const shift = (e: Expr) => { e.pos = { line: t.line, column: col0 + e.pos.column - 1 }; };
    walkExpr(sub.expr, shift);
    out.push({ name: m[1], value: sub.expr, pos: this.pos(t) });
  }

  isTypeStart(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'ident' && (BASE_TYPES.has(t.text) || QUALIFIERS.has(t.text) || t.text === 'struct');
  }

  type(): TypeRef {
    const parts: string[] = [];
    const start = this.peek();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'ident') break;
      if (QUALIFIERS.has(t.text)) { this.next(); continue; }
      if (t.text === 'struct') {
        this.next();
        parts.push(`struct ${this.ident('a struct name').text}`);
        continue;
      }
      if (BASE_TYPES.has(t.text)) { this.next(); parts.push(t.text); continue; }
      break;
    }
    if (!parts.length) throw new ParseError(this.pos(start), `expected a type but found '${start.text}'`);
    let ptr = 0;
    for (;;) {
      if (this.accept('*')) { ptr++; continue; }
      if (this.peek().kind === 'ident' && QUALIFIERS.has(this.peek().text)) { this.next(); continue; }
      break;
    }
    const base = parts.filter((p) => p !== 'signed' || parts.length === 1).join(' ');
    return { base, ptr };
  }

  private topLevel(unit: Unit) {
    const pos = this.pos();
    const t0 = this.peek();
    const after = this.lastClose;
    this.lastClose = null;
    if (!this.isTypeStart() && after && !(t0.kind === 'ident' && this.is('(', 1) && !this.isCallStatement())) {
      throw new ParseError(pos, `code after the end of the function: the '}' at ${after.line}:${after.column} closed it (there is one '}' too many before here)`);
    }
    if (t0.kind === 'ident' && !this.isTypeStart() && this.is('(', 1)) {
      throw new ParseError(pos, `'${t0.text}(…)' at the top level: a function needs a return type and a body in braces, as in 'int ${t0.text}(…) { … }'`);
    }
    if (t0.kind === 'punct' && t0.text === '}') throw new ParseError(pos, "unmatched '}'");
    const type = this.type();
    const name = this.ident('a function or variable name');
    if (this.accept('(')) {
      const params = this.params();
      if (this.accept(';')) return; // a prototype
      const body = this.block();
      this.lastClose = this.toks[this.i - 1];
      unit.functions.push({ name: name.text, returns: type, params, body, pos: this.pos(name) });
      return;
    }
    this.varRest(type, name, unit.globals);
    while (this.accept(',')) {
      const t = this.pointerOn(type);
      this.varRest(t, this.ident('a variable name'), unit.globals);
    }
    this.expect(';', 'after the declaration');
    void pos;
  }

  private pointerOn(base: TypeRef): TypeRef {
    let ptr = base.ptr;
    while (this.accept('*')) ptr++;
    return { base: base.base, ptr };
  }

  private varRest(type: TypeRef, name: Token, out: VarDecl[]) {
    if (this.is('[')) throw new ParseError(this.pos(), `arrays are not supported ('${name.text}')`);
    const init = this.accept('=') ? this.assignment() : null;
    out.push({ name: name.text, type, init, pos: this.pos(name) });
  }

  private params(): Param[] {
    const params: Param[] = [];
    if (this.accept(')')) return params;
    if (this.is('void') && this.is(')', 1)) { this.next(); this.next(); return params; }
    for (;;) {
      const pos = this.pos();
      const type = this.type();
      const name = this.ident('a parameter name');
      if (this.is('[')) throw new ParseError(this.pos(), `array parameters are not supported ('${name.text}')`);
      params.push({ name: name.text, type, pos: this.pos(name) });
      void pos;
      if (this.accept(')')) return params;
      this.expect(',', 'between parameters');
    }
  }

  block(): Stmt & { kind: 'block' } {
    const pos = this.pos();
    this.expect('{');
    const body: Stmt[] = [];
    while (!this.is('}')) {
      if (this.peek().kind === 'eof') throw new ParseError(this.pos(), `expected '}' before the end of the code (the '{' at ${pos.line}:${pos.column} is not closed)`);
      body.push(this.statement());
    }
    this.next();
    return { kind: 'block', body, pos };
  }

  statement(): Stmt {
    this.enter('statements');
    const s = this.statementBody();
    this.stmtNest--;
    return s;
  }

  private statementBody(): Stmt {
    const t = this.peek();
    const pos = this.pos(t);
    if (t.kind === 'define') { this.define(); return { kind: 'empty', pos }; }
    if (this.isElision()) throw new ParseError(pos, ELISION);
    if (this.is('{')) return this.block();
    if (this.accept(';')) return { kind: 'empty', pos };
    if (t.kind === 'ident' && this.is(':', 1) && !this.isTypeStart()) {
      this.next(); this.next();
      const body = this.is('}') ? { kind: 'empty' as const, pos } : this.statement();
      return { kind: 'label', label: t.text, body, pos };
    }
    if (this.isTypeStart()) return this.declaration();
    switch (t.kind === 'ident' ? t.text : '') {
      case 'if': {
        this.next(); this.expect('(', "after 'if'");
        const test = this.expression(); this.expect(')', 'after the condition');
        const then = this.statement();
        const els = this.accept('else') ? this.statement() : null;
        return { kind: 'if', test, then, else: els, pos };
      }
      case 'while': {
        this.next(); this.expect('(', "after 'while'");
        const test = this.expression(); this.expect(')', 'after the condition');
        return { kind: 'while', test, body: this.statement(), pos };
      }
      case 'do': {
        this.next();
        const body = this.statement();
        this.expect('while', "after the body of 'do'"); this.expect('(');
        const test = this.expression(); this.expect(')'); this.expect(';', "after 'do ... while (...)'");
        return { kind: 'do', body, test, pos };
      }
      case 'for': {
        this.next(); this.expect('(', "after 'for'");
        let init: Stmt | null = null;
        if (this.isTypeStart()) init = this.declaration();
        else if (!this.accept(';')) { const e = this.expression(); init = { kind: 'expr', expr: e, pos: e.pos }; this.expect(';', 'after the initialisation'); }
        const test = this.is(';') ? null : this.expression();
        this.expect(';', 'after the loop condition');
        const update = this.is(')') ? null : this.expression();
        this.expect(')', "to close 'for ('");
        return { kind: 'for', init, test, update, body: this.statement(), pos };
      }
      case 'return': {
        this.next();
        const value = this.is(';') ? null : this.expression();
        this.expect(';', 'after return');
        return { kind: 'return', value, pos };
      }
      case 'break': this.next(); this.expect(';', "after 'break'"); return { kind: 'break', pos };
      case 'continue': this.next(); this.expect(';', "after 'continue'"); return { kind: 'continue', pos };
      case 'goto': {
        this.next();
        const label = this.ident('a label after goto').text;
        this.expect(';', 'after goto');
        return { kind: 'goto', label, pos };
      }
      case 'switch': throw new ParseError(pos, "'switch' is not supported: use if/else");
    }
    const expr = this.expression();
    this.expect(';', 'after the statement');
    return { kind: 'expr', expr, pos };
  }

  private declaration(): Stmt {
    const pos = this.pos();
    const type = this.type();
    const decls: VarDecl[] = [];
    this.varRest(type, this.ident('a variable name'), decls);
    while (this.accept(',')) this.varRest(this.pointerOn({ base: type.base, ptr: 0 }), this.ident('a variable name'), decls);
    this.expect(';', 'after the declaration');
    return { kind: 'decl', decls, pos };
  }

  expression(): Expr {
    const start = this.i;
    const outermost = this.exprNest === 0;
    let e = this.assignment();
    while (this.is(',')) {
      const pos = this.pos(this.next());
      e = { kind: 'comma', left: e, right: this.assignment(), pos };
    }
    return outermost ? this.checkSize(e, start) : e;
  }

  assignment(): Expr {
    const start = this.i;
    const outermost = this.exprNest === 0;
    const left = this.conditional();
    const t = this.peek();
    if (t.kind === 'punct' && ASSIGN_OPS.has(t.text)) {
      this.next();
      this.enter('expressions');
      const value = this.assignment();
      this.exprNest--;
      const e: Expr = { kind: 'assign', op: t.text, target: left, value, pos: this.pos(t) };
      return outermost ? this.checkSize(e, start) : e;
    }
    return outermost ? this.checkSize(left, start) : left;
  }

  private conditional(): Expr {
    const test = this.binary(1);
    if (!this.is('?')) return test;
    const pos = this.pos(this.next());
    this.enter('expressions');
    const then = this.expression();
    this.expect(':', "in '?:'");
    const e: Expr = { kind: 'cond', test, then, else: this.conditional(), pos };
    this.exprNest--;
    return e;
  }

  private binary(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t.kind === 'punct' ? BINARY_PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.next();
      const right = this.binary(prec + 1);
      left = { kind: 'binary', op: t.text, left, right, pos: this.pos(t) };
    }
  }

  private unary(): Expr {
    this.enter('expressions');
    const e = this.unaryBody();
    this.exprNest--;
    return e;
  }

  private unaryBody(): Expr {
    const t = this.peek();
    const pos = this.pos(t);
    if (this.isElision()) throw new ParseError(pos, ELISION);
    if (t.kind === 'punct') {
      if (t.text === '++' || t.text === '--') { this.next(); return { kind: 'incdec', op: t.text, prefix: true, arg: this.unary(), pos }; }
      if (['-', '+', '!', '~', '*', '&'].includes(t.text)) { this.next(); return { kind: 'unary', op: t.text, arg: this.unary(), pos }; }
      if (t.text === '(' && this.isTypeStart(1)) {
        this.next();
        const type = this.type();
        this.expect(')', 'after the type in a cast');
        return { kind: 'cast', type, arg: this.unary(), pos };
      }
    }
    if (t.kind === 'ident' && t.text === 'sizeof') throw new ParseError(pos, "'sizeof' is not supported: use a #define");
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const t = this.peek();
      const pos = this.pos(t);
      if (this.accept('->') || this.accept('.')) {
        const name = this.ident('a field name');
        // a call through an operations table: `mapping->a_ops->readpage(file, page)`
        if (this.accept('(')) e = { kind: 'call', callee: name.text, args: this.args(), pos: this.pos(name), via: e };
        else e = { kind: 'field', object: e, field: name.text, arrow: t.text === '->', pos };
      } else if (this.accept('[')) {
        const index = this.expression();
        this.expect(']');
        e = { kind: 'index', object: e, index, pos };
      } else if (this.is('++') || this.is('--')) {
        this.next();
        e = { kind: 'incdec', op: t.text as '++' | '--', prefix: false, arg: e, pos };
      } else return e;
    }
  }

  /** call arguments after the '(' ; a type may stand as one (`min_t(size_t, a, b)`) */
  private args(): Expr[] {
    const args: Expr[] = [];
    if (this.accept(')')) return args;
    for (;;) {
      const pos = this.pos();
      args.push(this.isTypeStart() ? { kind: 'type', type: this.type(), pos } : this.assignment());
      if (this.accept(')')) return args;
      this.expect(',', 'between arguments');
    }
  }

  private primary(): Expr {
    const t = this.peek();
    const pos = this.pos(t);
    if (t.kind === 'number' || t.kind === 'char') { this.next(); return { kind: 'num', value: t.value, pos }; }
    if (t.kind === 'ident') {
      this.next();
      if (this.accept('(')) return { kind: 'call', callee: t.text, args: this.args(), pos };
      return { kind: 'name', name: t.text, pos };
    }
    if (this.accept('(')) {
      const e = this.expression();
      this.expect(')');
      return e;
    }
    if (t.kind === 'string') throw new ParseError(pos, 'strings are not supported in strategies');
    throw new ParseError(pos, t.kind === 'eof' ? 'expected an expression before the end of the code' : `expected an expression but found '${t.text}'`);
  }
}
