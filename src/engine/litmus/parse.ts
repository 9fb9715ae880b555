// Parse a litmus test in the LKMM C format:
//   C name   (* comments *)   { x=1; }   P0(int *x, int *y) { int r0; … }   exists (0:r0=0 /\ 1:r0=0)
// into ast.ts's LitmusTest. herd's header lines between the name and the initial state (a quoted
// description, `Cycle=…`, `Relax=…`, `Prefetch=…`, `Com=…`, `Orig=…`) are skipped. Constructs no
// engine models are refused here, with the feature named (LitmusError 'unsupported'), so no later
// stage can give a wrong answer for them; translate.ts refuses what only the LKMM checker models.
import { LitmusError, type Cond, type Expr, type LitmusTest, type Stmt, type Thread, type Value } from './ast.js';
import { tokenize, type Token } from './lexer.js';
import { callShape, refusedCall, type LocKind } from './calls.js';

const scalarTypes = new Set(['int', 'long', 'unsigned', 'signed', 'short', 'char', 'bool', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'intptr_t', 'uintptr_t', 'atomic_t', 'atomic_long_t', 'spinlock_t', 'const', 'volatile']);
const binaryPrecedence: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

export function parseLitmus(text: string): LitmusTest {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new LitmusError('syntax', 'empty litmus file');
  const header = /^(\S+)\s+(\S+)/.exec(lines[first].trim());
  if (!header) throw new LitmusError('syntax', 'the first line must be `C <test name>`', first + 1);
  if (header[1] !== 'C') throw new LitmusError('unsupported', `${header[1]} litmus tests (only the C flavour is read)`);
  // herd's `Key=value` header lines come before the initial state's `{`
  const body = lines.slice(first + 1);
  for (let i = 0; i < body.length && !body[i].trimStart().startsWith('{'); i++) {
    if (/^\s*[A-Za-z][\w.-]*\s*=/.test(body[i])) body[i] = '';
  }
  let tokens: Token[];
  try {
    tokens = tokenize('\n'.repeat(first + 1) + body.join('\n'));
  } catch (e) {
    throw new LitmusError('syntax', (e as Error).message);
  }
  return new Parser(tokens, header[2]).test();
}

class Parser {
  private pos = 0;
  private readonly locations = new Map<string, Value>();
  private readonly regInit: LitmusTest['regInit'] = [];
  private readonly threads: Thread[] = [];
  /** the current thread's location parameters and registers */
  private params = new Set<string>();
  /** the current thread's spinlock_t and struct srcu_struct parameters */
  private lockParams = new Set<string>();
  private srcuParams = new Set<string>();
  private readonly locks = new Set<string>();
  private readonly srcus = new Set<string>();
  private regs: string[] = [];

  constructor(private readonly toks: Token[], private readonly name: string) {}

  test(): LitmusTest {
    while (this.peek().kind === 'string') this.pos++;
    this.expect('{');
    this.init();
    while (/^P\d+$/.test(this.peek().text)) this.thread();
    let quantifier: LitmusTest['quantifier'] | null = null;
    let condition: Cond = { k: 'true' };
    let filter: Cond | null = null;
    const show: LitmusTest['show'] = [];
    while (this.peek().kind !== 'eof') {
      const t = this.next();
      if (t.text === 'locations') {
        this.expect('[');
        while (!this.accept(']')) {
          show.push(this.place());
          this.accept(';');
        }
      } else if (t.text === 'filter') {
        filter = this.condition();
      } else if (t.text === 'exists' || t.text === 'forall' || (t.text === '~' && this.accept('exists'))) {
        quantifier = t.text === '~' ? '~exists' : (t.text as 'exists' | 'forall');
        condition = this.condition();
      } else {
        throw this.error(`unexpected '${t.text}' after the threads`, t);
      }
    }
    if (!quantifier) throw new LitmusError('syntax', 'no exists, ~exists or forall clause');
    if (this.threads.length === 0) throw new LitmusError('syntax', 'no threads (P0, P1, …)');
    const test: LitmusTest = {
      name: this.name,
      locations: [...this.locations].map(([name, init]) => ({ name, init })),
      regInit: this.regInit,
      locks: [...this.locks],
      srcus: [...this.srcus],
      threads: this.threads,
      quantifier,
      condition,
      filter,
      show,
    };
    checkNames(test);
    return test;
  }

  // ---- initial state ----------------------------------------------------------------------

  private init(): void {
    while (!this.accept('}')) {
      if (this.accept(';')) continue;
      let t = this.next();
      while (scalarTypes.has(t.text)) t = this.next();
      while (t.text === '*') t = this.next(); // `int *p = &x;`: a location holding a pointer
      if (t.kind === 'num' && this.accept(':')) {
        const reg = this.ident();
        // `int *1:r1;` declares a register with no initial value
        this.regInit.push({ thread: Number(t.text), reg, value: this.accept('=') ? this.initValue() : 0 });
      } else if (t.kind === 'ident') {
        this.locations.set(t.text, this.accept('=') ? this.initValue() : 0);
      } else {
        throw this.error(`unexpected '${t.text}' in the initial state`, t);
      }
    }
  }

  private initValue(): Value {
    const t = this.peek();
    if (t.text === 'ATOMIC_INIT') {
      this.pos++;
      this.expect('(');
      const v = this.number();
      this.expect(')');
      return v;
    }
    return this.pointerOrNumber();
  }

  /** `x` or `&x` (the address of location x, which is declared if new) or a number */
  private pointerOrNumber(): Value {
    const amp = this.accept('&');
    const t = this.peek();
    if (t.kind === 'ident') {
      this.pos++;
      if (!this.locations.has(t.text)) this.locations.set(t.text, 0);
      return t.text;
    }
    if (amp) throw this.error(`expected a location after '&', found '${t.text}'`, t);
    return this.number();
  }

  // ---- threads ----------------------------------------------------------------------------

  private thread(): void {
    const id = Number(this.next().text.slice(1));
    this.params = new Set();
    this.lockParams = new Set();
    this.srcuParams = new Set();
    this.regs = [];
    this.expect('(');
    while (!this.accept(')')) {
      let t = this.next();
      const types: string[] = [];
      for (; scalarTypes.has(t.text) || t.text === 'struct'; t = this.next()) {
        types.push(t.text);
        if (t.text === 'struct') types.push(this.ident());
      }
      let stars = 0;
      for (; t.text === '*'; t = this.next()) stars++;
      if (t.kind !== 'ident') throw this.error(`expected a parameter name, found '${t.text}'`, t);
      if (stars === 0 || stars > 2) throw new LitmusError('unsupported', `parameter '${t.text}': ${stars === 0 ? 'non-pointer' : 'pointer-to-pointer-to-pointer'} parameters`, t.line);
      const struct = types.indexOf('struct') >= 0 ? types[types.indexOf('struct') + 1] : null;
      if (struct !== null && struct !== 'srcu_struct') throw new LitmusError('unsupported', `parameter '${t.text}': struct ${struct}`, t.line);
      if (types.includes('spinlock_t')) {
        this.lockParams.add(t.text);
        this.locks.add(t.text);
      } else if (struct === 'srcu_struct') {
        this.srcuParams.add(t.text);
        this.srcus.add(t.text);
      } else {
        this.params.add(t.text);
        if (!this.locations.has(t.text)) this.locations.set(t.text, 0);
      }
      this.accept(',');
    }
    this.expect('{');
    const body = this.block();
    for (const r of this.regInit) if (r.thread === id && !this.regs.includes(r.reg)) this.regs.push(r.reg);
    this.threads.push({ id, regs: this.regs, body });
  }

  private block(): Stmt[] {
    const out: Stmt[] = [];
    while (!this.accept('}')) out.push(...this.statement());
    return out;
  }

  private statement(): Stmt[] {
    const t = this.peek();
    if (this.accept(';')) return [];
    if (this.accept('{')) return this.block();
    if (scalarTypes.has(t.text)) return this.declaration();
    if (this.accept('if')) {
      this.expect('(');
      const cond = this.expr();
      this.expect(')');
      const then = this.statement();
      const otherwise = this.accept('else') ? this.statement() : [];
      return [{ k: 'if', cond, then, else: otherwise, line: t.line }];
    }
    if (['while', 'for', 'do', 'goto', 'return', 'switch'].includes(t.text)) {
      throw new LitmusError('unsupported', `'${t.text}' in a litmus thread (straight-line code and if/else only)`, t.line);
    }
    if (t.text === '*') {
      // a plain store `*x = e;`
      this.pos++;
      const target = this.location(true, 'int', true);
      this.expect('=');
      const store: Stmt = { k: 'store', ...target, e: this.expr(), line: t.line };
      this.expect(';');
      return [store];
    }
    if (t.kind === 'ident' && this.toks[this.pos + 1].text === '=') {
      this.pos += 2;
      const assign: Stmt = { k: 'assign', reg: this.register(t), e: this.expr(), line: t.line };
      this.expect(';');
      return [assign];
    }
    if (t.kind === 'ident' && this.toks[this.pos + 1].text === '(') {
      const e = this.call();
      this.expect(';');
      if (e.k !== 'prim') throw this.error('expected a statement', t);
      return [{ k: 'prim', name: e.name, loc: e.loc, args: e.args, line: t.line }];
    }
    throw this.error(`unexpected '${t.text}'`, t);
  }

  private declaration(): Stmt[] {
    while (scalarTypes.has(this.peek().text)) this.pos++;
    const out: Stmt[] = [];
    do {
      let t = this.next();
      while (t.text === '*') t = this.next(); // `int *r0;`: a register holding a pointer
      if (t.kind !== 'ident') throw this.error(`expected a register name, found '${t.text}'`, t);
      if (this.params.has(t.text)) throw this.error(`'${t.text}' is already a parameter`, t);
      if (!this.regs.includes(t.text)) this.regs.push(t.text);
      if (this.accept('=')) out.push({ k: 'assign', reg: t.text, e: this.expr(), line: t.line });
    } while (this.accept(','));
    this.expect(';');
    return out;
  }

  private register(t: Token): string {
    if (this.params.has(t.text) || this.lockParams.has(t.text) || this.srcuParams.has(t.text)) {
      throw new LitmusError('unsupported', `assigning to the pointer parameter '${t.text}'`, t.line);
    }
    // herd accepts registers used without a declaration
    if (!this.regs.includes(t.text)) this.regs.push(t.text);
    return t.text;
  }

  // ---- expressions ------------------------------------------------------------------------

  private expr(minPrec = 1): Expr {
    let l = this.unary();
    for (;;) {
      const op = this.peek().text;
      const prec = binaryPrecedence[op];
      if (this.peek().kind !== 'punct' || prec === undefined || prec < minPrec) return l;
      this.pos++;
      l = { k: 'binary', op, l, r: this.expr(prec + 1) };
    }
  }

  private unary(): Expr {
    const t = this.next();
    if (t.text === '!' || t.text === '-' || t.text === '~') return { k: 'unary', op: t.text, e: this.unary() };
    if (t.text === '*') return { k: 'load', ...this.location(true, 'int', true) };
    if (t.text === '&') {
      const n = this.next();
      if (!this.params.has(n.text)) throw this.error(`expected a location parameter after '&', found '${n.text}'`, n);
      return { k: 'addr', name: n.text };
    }
    if (t.text === '(' && (scalarTypes.has(this.peek().text) || this.peek().text === 'void')) {
      // a cast, `(void *)0` or `(int)r1`: values are untyped here
      while (this.peek().text !== ')' && this.peek().kind !== 'eof') this.pos++;
      this.expect(')');
      return this.unary();
    }
    if (t.text === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t.kind === 'num') return { k: 'num', value: Number(t.text) };
    if (t.kind === 'ident' && this.peek().text === '(') {
      this.pos--;
      return this.call();
    }
    if (t.kind === 'ident') {
      if (this.params.has(t.text)) return { k: 'addr', name: t.text };
      if (!this.regs.includes(t.text)) throw this.error(`unknown name '${t.text}'`, t);
      return { k: 'reg', name: t.text };
    }
    throw this.error(`unexpected '${t.text}' in an expression`, t);
  }

  /** a primitive call; its location argument is checked against the thread's parameters */
  private call(): Expr {
    const t = this.next();
    const p = callShape(t.text);
    if (!p) throw new LitmusError('unsupported', refusedCall(t.text), t.line);
    this.expect('(');
    const raw: (Expr | { loc: string; at?: string })[] = [];
    while (!this.accept(')')) {
      if (raw.length === p.locArg) raw.push(this.location(p.deref, p.locKind));
      else raw.push(this.expr());
      if (!this.accept(',')) {
        this.expect(')');
        break;
      }
    }
    if (raw.length !== p.args) throw this.error(`${t.text} takes ${p.args} argument${p.args === 1 ? '' : 's'}, not ${raw.length}`, t);
    const where = p.locArg >= 0 ? (raw[p.locArg] as { loc: string; at?: string }) : { loc: '' };
    const args = raw.filter((_, i) => i !== p.locArg) as Expr[];
    return { k: 'prim', name: t.text, ...where, args };
  }

  /**
   * a location argument: `*x`/`x` for a parameter, or `*r`/`r` for a register holding a pointer
   * (then `loc` is '' and `at` names the register). `starTaken`: the `*` was already read.
   */
  private location(deref: boolean, kind: LocKind, starTaken = false): { loc: string; at?: string } {
    const star = starTaken || this.accept('*');
    const paren = this.accept('(');
    const t = this.next();
    if (paren) this.expect(')');
    if (t.text === '&') throw new LitmusError('unsupported', 'taking addresses in a location argument', t.line);
    if (t.kind !== 'ident') throw this.error(`expected a location, found '${t.text}'`, t);
    if (star !== deref) throw this.error(deref ? `expected '*${t.text}'` : `expected '${t.text}', not '*${t.text}'`, t);
    if (this.regs.includes(t.text)) {
      if (kind !== 'int') throw new LitmusError('unsupported', `a ${kind === 'lock' ? 'spin lock' : 'srcu_struct'} reached through the register '${t.text}'`, t.line);
      return { loc: '', at: t.text };
    }
    const isKind: LocKind | null = this.lockParams.has(t.text) ? 'lock' : this.srcuParams.has(t.text) ? 'srcu' : this.params.has(t.text) ? 'int' : null;
    if (isKind === null) throw this.error(`'${t.text}' is not a parameter of this thread`, t);
    // an srcu_struct is also a word that marked accesses may read or write (linux-kernel.def's SRCU)
    if (isKind !== kind && !(isKind === 'srcu' && kind === 'int')) {
      const what = { lock: 'a spinlock_t', srcu: 'a struct srcu_struct', int: 'an int location' };
      throw this.error(`'${t.text}' is ${what[isKind]}, not ${what[kind]}`, t);
    }
    return { loc: t.text };
  }

  // ---- conditions -------------------------------------------------------------------------

  private condition(minPrec = 1): Cond {
    let l = this.condUnary();
    for (;;) {
      const op = this.peek().text;
      const prec = op === '\\/' ? 1 : op === '/\\' ? 2 : 0;
      if (prec === 0 || prec < minPrec) return l;
      this.pos++;
      l = { k: prec === 1 ? 'or' : 'and', l, r: this.condition(prec + 1) };
    }
  }

  private condUnary(): Cond {
    if (this.accept('~')) return { k: 'not', c: this.condUnary() };
    if (this.accept('(')) {
      const c = this.condition();
      this.expect(')');
      return c;
    }
    if (this.accept('true')) return { k: 'true' };
    if (this.accept('false')) return { k: 'false' };
    const place = this.place();
    const t = this.next();
    if (t.text !== '=' && t.text !== '==' && t.text !== '!=') throw this.error(`expected '=' in the condition, found '${t.text}'`, t);
    const v = this.peek();
    if (v.kind === 'num' && this.toks[this.pos + 1].text === ':') throw new LitmusError('unsupported', 'comparing two registers in a condition', v.line);
    const amp = v.text === '&';
    const named = amp ? this.toks[this.pos + 1] : v;
    if (named.kind === 'ident') {
      this.pos += amp ? 2 : 1;
      if (!this.locations.has(named.text)) throw this.error(`unknown location '${named.text}'`, named);
      return { k: 'eq', ...place, op: t.text === '!=' ? '!=' : '=', value: named.text };
    }
    return { k: 'eq', ...place, op: t.text === '!=' ? '!=' : '=', value: this.number() };
  }

  /** `1:r0` or `x` */
  private place(): { thread: number | null; name: string } {
    const t = this.next();
    if (t.kind === 'num' && this.accept(':')) return { thread: Number(t.text), name: this.ident() };
    if (t.text === '*') throw new LitmusError('unsupported', 'dereferences in the condition', t.line);
    if (t.kind !== 'ident') throw this.error(`expected a register or location, found '${t.text}'`, t);
    return { thread: null, name: t.text };
  }

  // ---- tokens -----------------------------------------------------------------------------

  private peek(): Token {
    return this.toks[this.pos];
  }

  private next(): Token {
    const t = this.toks[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private accept(text: string): boolean {
    if (this.peek().text !== text || this.peek().kind === 'string') return false;
    this.pos++;
    return true;
  }

  private expect(text: string): void {
    const t = this.peek();
    if (!this.accept(text)) throw this.error(`expected '${text}', found '${t.text || 'end of file'}'`, t);
  }

  private ident(): string {
    const t = this.next();
    if (t.kind !== 'ident') throw this.error(`expected a name, found '${t.text}'`, t);
    return t.text;
  }

  private number(): number {
    const neg = this.accept('-');
    const t = this.next();
    if (t.kind !== 'num') throw this.error(`expected a number, found '${t.text || 'end of file'}'`, t);
    return neg ? -Number(t.text) : Number(t.text);
  }

  private error(message: string, t: Token): LitmusError {
    return new LitmusError('syntax', message, t.line);
  }
}

/** every register and location a condition names must exist */
function checkNames(test: LitmusTest): void {
  const visit = (c: Cond | null): void => {
    if (!c) return;
    if (c.k === 'not') visit(c.c);
    else if (c.k === 'and' || c.k === 'or') { visit(c.l); visit(c.r); }
    else if (c.k === 'eq') checkPlace(test, c);
  };
  visit(test.condition);
  visit(test.filter);
  test.show.forEach((p) => checkPlace(test, p));
}

function checkPlace(test: LitmusTest, p: { thread: number | null; name: string }): void {
  if (p.thread === null) {
    if (!test.locations.some((l) => l.name === p.name)) throw new LitmusError('syntax', `unknown location '${p.name}'`);
    return;
  }
  const th = test.threads.find((t) => t.id === p.thread);
  if (!th || !th.regs.includes(p.name)) throw new LitmusError('syntax', `unknown register ${p.thread}:${p.name}`);
}
