// Each thread on its own: every way its code can run, given a value for each read it makes. A
// run is the thread's events in program order, its rmw pairs, its dependencies (addr, data,
// ctrl, read → event, as herd's C semantics define them) and its registers' final values. Which
// write each read reads from is decided later (candidates.ts); here a read simply takes each value
// its location can hold (valueDomains). Nothing here judges an execution.
import { LitmusError, bitOperand, memoryPrimitive, negatedOperand, type Expr, type LitmusTest, type Stmt, type Thread, type Value } from '../litmus/index.js';
import { fenceCalls, loadCalls, storeCalls, type Tag } from './events.js';

export interface LocalEv {
  kind: 'R' | 'W' | 'F';
  tags: Set<Tag>;
  loc: string | null;
  value: Value;
  call: string;
  line: number;
}

export interface ThreadRun {
  thread: number;
  events: LocalEv[];
  /** (read, write) of each atomic read-modify-write and each spin_lock (lock.cat's lk-rmw) */
  rmw: [number, number][];
  addr: [number, number][];
  data: [number, number][];
  ctrl: [number, number][];
  regs: Record<string, Value>;
  /** why this run cannot be completed (dereferencing a number): only an error if it is consistent */
  fault: string | null;
}

interface Val { v: Value; d: number[] }

/**
 * a value a location can hold, with its provenance: the write sites (bits) its derivation went
 * through; a site never feeds itself, since loop-free code runs each site at most once
 */
export interface Entry { v: Value; prov: number }

/** what valueDomains learns from a run: each write's value and provenance */
interface Written { loc: string; v: Value; prov: number }

/** the choices a read makes, replayed: position i of `choices` picks the value of the i-th choice */
class Choices {
  pos = 0;
  readonly arity: number[] = [];
  constructor(readonly picks: number[]) {}
  choose(n: number): number {
    const i = this.pos++;
    if (i >= this.picks.length) this.picks.push(0);
    this.arity[i] = n;
    return this.picks[i];
  }
}

class Fault extends Error {}

const truthy = (v: Value): boolean => v !== 0;

function arith(op: string, a: Value, b: Value, line: number): Value {
  if (op === '==') return a === b ? 1 : 0;
  if (op === '!=') return a !== b ? 1 : 0;
  if (op === '&&') return truthy(a) && truthy(b) ? 1 : 0;
  if (op === '||') return truthy(a) || truthy(b) ? 1 : 0;
  if (typeof a !== 'number' || typeof b !== 'number') throw new LitmusError('unsupported', `arithmetic on pointer values ('${op}')`, line);
  switch (op) {
    case '+': return (a + b) | 0;
    case '-': return (a - b) | 0;
    case '*': return Math.imul(a, b);
    case '/': case '%': if (b === 0) throw new Fault('division by zero'); return op === '/' ? (a / b) | 0 : a % b;
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
  }
  throw new LitmusError('unsupported', `the operator '${op}'`, line);
}

const union = (...ds: number[][]): number[] => [...new Set(ds.flat())];

class Interp {
  readonly run: ThreadRun;
  private readonly regs = new Map<string, Val>();
  private ctrl: number[] = [];
  /** provenance of each event's value (reads: the entry read; writes: what fed them) */
  private readonly provOf: number[] = [];
  /** the writes whose provenance does not already include their own site (valueDomains only) */
  readonly written: Written[] = [];

  /**
   * `anyLeg`: take either leg of every `if` and either outcome of every cmpxchg whatever the values
   * (to find every value a write can produce, valueDomains), instead of following the values
   */
  constructor(test: LitmusTest, t: Thread, private readonly domain: ReadonlyMap<string, Entry[]>, private readonly ch: Choices, private readonly anyLeg = false, private readonly sites: Map<object, number> | null = null) {
    this.run = { thread: t.id, events: [], rmw: [], addr: [], data: [], ctrl: [], regs: {}, fault: null };
    for (const r of t.regs) this.regs.set(r, { v: test.regInit.find((i) => i.thread === t.id && i.reg === r)?.value ?? 0, d: [] });
  }

  exec(body: Stmt[]): void {
    try {
      this.block(body);
    } catch (e) {
      if (!(e instanceof Fault)) throw e;
      this.run.fault = e.message;
    }
    for (const [r, v] of this.regs) this.run.regs[r] = v.v;
  }

  private block(body: Stmt[]): void {
    for (const s of body) {
      if (s.k === 'assign') this.regs.set(s.reg, this.expr(s.e, s.line));
      else if (s.k === 'prim') this.call(s.name, s, s.args, s.line);
      else if (s.k === 'store') {
        const where = this.where(s, s.line);
        const v = this.expr(s.e, s.line);
        this.learn(s, this.emit('W', [], where.loc, v.v, '*store', s.line, where.d, v.d), v.d);
      } else {
        const c = this.expr(s.cond, s.line);
        // a control dependency reaches the events of the leg taken (linux-kernel explanation.txt)
        const outer = this.ctrl;
        this.ctrl = union(outer, c.d);
        this.block((this.anyLeg ? this.ch.choose(2) === 0 : truthy(c.v)) ? s.then : s.else);
        this.ctrl = outer;
      }
    }
  }

  private expr(e: Expr, line: number): Val {
    switch (e.k) {
      case 'num': return { v: e.value, d: [] };
      case 'reg': return this.regs.get(e.name) ?? { v: 0, d: [] };
      case 'addr': return { v: e.name, d: [] };
      case 'unary': {
        const x = this.expr(e.e, line);
        if (e.op === '!') return { v: truthy(x.v) ? 0 : 1, d: x.d };
        if (typeof x.v !== 'number') throw new LitmusError('unsupported', `arithmetic on pointer values ('${e.op}')`, line);
        return { v: e.op === '-' ? -x.v | 0 : ~x.v, d: x.d };
      }
      case 'binary': {
        const l = this.expr(e.l, line);
        const r = this.expr(e.r, line);
        return { v: arith(e.op, l.v, r.v, line), d: union(l.d, r.d) };
      }
      case 'load': {
        const where = this.where(e, line);
        const i = this.read([], where.loc, '*load', line, where.d);
        return { v: this.run.events[i].value, d: [i] };
      }
      case 'prim': return this.call(e.name, e, e.args, line);
    }
  }

  /** the location named, or held by the register `at` (with that register's dependencies) */
  private where(w: { loc: string; at?: string }, line: number): { loc: string; d: number[] } {
    if (w.at === undefined) return { loc: w.loc, d: [] };
    const r = this.regs.get(w.at) ?? { v: 0, d: [] };
    if (typeof r.v !== 'string') throw new Fault(`line ${line}: dereferencing ${w.at}=${r.v}, not a pointer`);
    if (!this.domain.has(r.v)) throw new LitmusError('unsupported', `${w.at} points to '${r.v}', which is not a shared location`, line);
    return { loc: r.v, d: r.d };
  }

  /** record a write for valueDomains, with the provenance of the reads `from` that fed it */
  private learn(node: object, wi: number, from: number[]): void {
    if (!this.sites) return;
    const bit = this.sites.get(node) ?? (this.sites.set(node, this.sites.size < 30 ? 1 << this.sites.size : 0), this.sites.get(node)!);
    const prov = from.reduce((p, d) => p | (this.provOf[d] ?? 0), 0);
    this.provOf[wi] = prov | bit;
    const e = this.run.events[wi];
    if ((prov & bit) === 0 && e.loc !== null) this.written.push({ loc: e.loc, v: e.value, prov: prov | bit });
  }

  private emit(kind: LocalEv['kind'], tags: Tag[], loc: string | null, value: Value, call: string, line: number, addr: number[] = [], data: number[] = []): number {
    const i = this.run.events.length;
    this.run.events.push({ kind, tags: new Set(tags), loc, value, call, line });
    for (const a of addr) this.run.addr.push([a, i]);
    for (const a of data) this.run.data.push([a, i]);
    for (const a of this.ctrl) this.run.ctrl.push([a, i]);
    return i;
  }

  /** a read taking one of the values its location can hold */
  private read(tags: Tag[], loc: string, call: string, line: number, addr: number[]): number {
    const entry = this.pick(loc);
    const i = this.emit('R', tags, loc, entry.v, call, line, addr);
    this.provOf[i] = entry.prov;
    return i;
  }

  private pick(loc: string): Entry {
    const entries = this.domain.get(loc) ?? [{ v: 0, prov: 0 }];
    return entries[this.ch.choose(entries.length)];
  }

  private call(name: string, w: { loc: string; at?: string }, args: Expr[], line: number): Val {
    const none: Val = { v: 0, d: [] };
    const fence = fenceCalls[name];
    if (fence) { this.emit('F', [fence], null, 0, name, line); return none; }
    if (name in loadCalls) {
      const where = this.where(w, line);
      const i = this.read([loadCalls[name]], where.loc, name, line, where.d);
      return { v: this.run.events[i].value, d: [i] };
    }
    if (name in storeCalls) {
      const where = this.where(w, line);
      const v = this.expr(args[0], line);
      this.learn(w, this.emit('W', [storeCalls[name].tag], where.loc, v.v, name, line, where.d, v.d), v.d);
      if (storeCalls[name].mb) this.emit('F', ['Mb'], null, 0, name, line);
      return none;
    }
    switch (name) {
      case 'spin_lock': case 'raw_spin_lock': this.lock(w.loc, name, line); return none;
      case 'spin_unlock': case 'raw_spin_unlock': this.emit('W', ['UL'], w.loc, 0, name, line); return none;
      case 'spin_trylock': case 'raw_spin_trylock':
        if (this.ch.choose(2) === 0) { this.lock(w.loc, name, line); return { v: 1, d: [] }; }
        this.emit('R', ['LF'], w.loc, 1, name, line);
        return { v: 0, d: [] };
      case 'spin_is_locked': {
        const locked = this.ch.choose(2) === 0;
        const i = this.emit('R', [locked ? 'RL' : 'RU'], w.loc, locked ? 1 : 0, name, line);
        return { v: locked ? 1 : 0, d: [i] };
      }
      case 'srcu_read_lock': case 'srcu_down_read': {
        const i = this.read(['Srcu-lock'], w.loc, name, line, []);
        return { v: this.run.events[i].value, d: [i] };
      }
      case 'srcu_read_unlock': case 'srcu_up_read': {
        const v = this.expr(args[0], line);
        this.learn(w, this.emit('W', ['Srcu-unlock'], w.loc, v.v, name, line, [], v.d), v.d);
        return none;
      }
      case 'synchronize_srcu': case 'synchronize_srcu_expedited': this.emit('F', ['Sync-srcu'], w.loc, 0, name, line); return none;
    }
    return this.rmw(name, w, args, line);
  }

  private lock(loc: string, name: string, line: number): void {
    const r = this.emit('R', ['LKR'], loc, 0, name, line);
    const wr = this.emit('W', ['LKW'], loc, 1, name, line);
    this.run.rmw.push([r, wr]);
  }

  /** an atomic read-modify-write, after linux-kernel.def; {mb} ones are fenced by Mb on both sides */
  private rmw(name: string, w: { loc: string; at?: string }, args: Expr[], line: number): Val {
    const p = memoryPrimitive(name);
    if (!p || p.kind !== 'rmw') throw new LitmusError('unsupported', `${name} (no LKMM meaning here)`, line);
    const where = this.where(w, line);
    const full = args.map((a) => this.expr(a, line));
    const arg = (i: number) => full[i - (i > p.locArg ? 1 : 0)];
    const operand = typeof p.operand === 'number' ? arg(p.operand) : { v: p.operand.constant, d: [] };
    let a = operand.v;
    if (typeof a !== 'number' && p.op !== 'xchg' && p.op !== 'cmpxchg') throw new LitmusError('unsupported', `arithmetic on pointer values (${name})`, line);
    if (negatedOperand.has(name)) a = -(a as number);
    const nr = a as number;
    if (bitOperand.has(name)) a = 1 << (a as number);
    const b = p.op === 'cmpxchg' ? full[1] : { v: 0, d: [] };
    const fenced = p.order === 'full';
    const noreturn = p.result === 'none';
    const entry = this.pick(where.loc);
    const old = entry.v;
    if (p.op === 'cmpxchg' && (this.anyLeg ? this.ch.choose(2) === 1 : old !== a)) {
      // a failed cmpxchg is a once read: no write, no ordering (linux-kernel.bell's FailedRMW)
      const ri = this.emit('R', ['Once'], where.loc, old, name, line, where.d);
      this.provOf[ri] = entry.prov;
      return { v: old, d: [ri] };
    }
    if (fenced) this.emit('F', ['Mb'], null, 0, name, line);
    const rtag: Tag = noreturn ? 'Noreturn' : p.order === 'acquire' ? 'Acquire' : 'Once';
    const ri = this.emit('R', [rtag], where.loc, old, name, line, where.d);
    this.provOf[ri] = entry.prov;
    let nv: Value;
    if (p.op === 'xchg') nv = a;
    else if (p.op === 'cmpxchg') nv = b.v;
    else if (typeof old !== 'number') throw new LitmusError('unsupported', `arithmetic on pointer values (${name})`, line);
    else nv = p.op === 'add' ? (old + (a as number)) | 0 : p.op === 'or' ? old | (a as number) : old & ~(a as number);
    const wi = this.emit('W', [p.order === 'release' ? 'Release' : 'Once'], where.loc, nv, name, line, where.d, union(operand.d, b.d));
    this.learn(w, wi, [ri, ...operand.d, ...b.d]);
    this.run.rmw.push([ri, wi]);
    if (fenced) this.emit('F', ['Mb'], null, 0, name, line);
    const result: Value = p.result === 'old' ? old : p.result === 'new' ? nv : p.result === 'zero?' ? (nv === 0 ? 1 : 0) : p.result === 'bit' ? ((old as number) >> nr) & 1 : 0;
    return { v: result, d: p.result === 'none' ? [] : [ri] };
  }

}

/** every run of thread `t` with its reads taking values from `domain` */
export function threadRuns(test: LitmusTest, t: Thread, domain: ReadonlyMap<string, Value[]>, limit: number): ThreadRun[] {
  const entries = new Map([...domain].map(([k, vs]) => [k, vs.map((v) => ({ v, prov: 0 }))]));
  return runsOf(test, t, entries, limit, false, null).map((it) => it.run);
}

function runsOf(test: LitmusTest, t: Thread, domain: ReadonlyMap<string, Entry[]>, limit: number, anyLeg: boolean, sites: Map<object, number> | null): Interp[] {
  const out: Interp[] = [];
  let picks: number[] = [];
  for (;;) {
    const ch = new Choices(picks);
    const it = new Interp(test, t, domain, ch, anyLeg, sites);
    it.exec(t.body);
    out.push(it);
    if (out.length > limit) throw new LitmusError('budget', `P${t.id} has more than ${limit} ways to run`);
    let i = ch.pos - 1;
    while (i >= 0 && ch.picks[i] >= ch.arity[i] - 1) i--;
    if (i < 0) return out;
    picks = ch.picks.slice(0, i + 1);
    picks[i]++;
  }
}

/** how many statements can write to memory: a bound on the length of a chain of values */
function writeSites(body: Stmt[]): number {
  let n = 0;
  const callWrites = (name: string) => !(name in loadCalls) && !(name in fenceCalls) && !/^(spin_is_locked|srcu_read_lock|srcu_down_read|synchronize_srcu)/.test(name);
  const visitE = (e: Expr): void => {
    if (e.k === 'prim') { if (callWrites(e.name)) n++; e.args.forEach(visitE); }
    else if (e.k === 'unary') visitE(e.e);
    else if (e.k === 'binary') { visitE(e.l); visitE(e.r); }
  };
  for (const s of body) {
    if (s.k === 'store') { n++; visitE(s.e); }
    else if (s.k === 'assign') visitE(s.e);
    else if (s.k === 'prim') { if (callWrites(s.name)) n++; s.args.forEach(visitE); }
    else { visitE(s.cond); n += writeSites(s.then) + writeSites(s.else); }
  }
  return n;
}

/**
 * The values each location can hold: its initial value, then whatever the threads write when
 * their reads take values already known, repeated; each round takes both legs of every `if`
 * whatever its condition, since in a candidate execution a branch may be enabled by a value that
 * the write it guards helps produce (herd solves such executions; they must be judged, not
 * missed). Every value is derived from constants and initial values through a chain of distinct
 * writes, a value first written in round k through k of them, so after as many rounds as there are
 * write sites every value any candidate execution can hold is known (the domain may hold more;
 * rf keeps only reads of values some write wrote).
 */
export function valueDomains(test: LitmusTest, limit: number): Map<string, Value[]> {
  const domain = new Map<string, Entry[]>();
  for (const l of test.locations) domain.set(l.name, [{ v: l.init, prov: 0 }]);
  for (const s of test.srcus) domain.set(s, [{ v: 0, prov: 0 }]);
  const sites = new Map<object, number>();
  const rounds = test.threads.reduce((n, t) => n + writeSites(t.body), 0);
  for (let round = 0; round < rounds; round++) {
    let grew = false;
    const next = new Map([...domain].map(([k, v]) => [k, [...v]]));
    for (const t of test.threads) {
      for (const it of runsOf(test, t, domain, limit, true, sites)) {
        for (const w of it.written) {
          const es = next.get(w.loc);
          // kept unless the value is already known through a subset of these sites
          if (!es || es.some((e) => e.v === w.v && (e.prov & w.prov) === e.prov)) continue;
          es.push({ v: w.v, prov: w.prov });
          grew = true;
        }
      }
    }
    for (const [k, v] of next) domain.set(k, v);
    if (!grew) break;
  }
  return new Map([...domain].map(([k, es]) => [k, [...new Set(es.map((e) => e.v))]]));
}
