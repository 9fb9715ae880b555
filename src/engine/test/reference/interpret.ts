// The reference interpreter: runs a Program (program.ts) over plain JavaScript values with the
// reference memory models (memory.ts), and searches every interleaving of the tasks' steps and
// the memory system's own steps. It shares no code with the engine: its own instruction list,
// its own locks, its own state (compared as JSON text), its own search.
import { COUNTERS, DATA, packRegs, REGS, type Expr, type Lock, type Program, type Stmt } from './program.js';
import * as M from './memory.js';

/** one instruction; jumps, local sets and returns are not steps of their own */
type Op =
  | { o: 'store'; g: number; v: Expr; release: boolean }
  | { o: 'load'; r: number; g: number; acquire: boolean; acc: boolean }
  | { o: 'fence'; f: 'mb' | 'wmb' | 'rmb' }
  | { o: 'add'; g: number; d: number }
  | { o: 'rmw'; r: number; g: number; op: 'add_return' | 'fetch_add' | 'xchg' | 'cmpxchg'; a: number; b: number }
  | { o: 'take' | 'drop'; lock: Lock }
  | { o: 'bug'; c: Expr }
  | { o: 'wait' }
  | { o: 'set'; r: number; v: Expr }
  | { o: 'jz'; c: Expr; to: number }
  | { o: 'jmp'; to: number };

const LOCAL = new Set(['set', 'jz', 'jmp']);

/** word numbers: the data words, the spin lock word s, then out0, out1… */
const SPIN = DATA.length;

function compileTask(p: Program, t: number): Op[] {
  const ops: Op[] = [];
  const word = (g: string) => DATA.indexOf(g as never);
  const emit = (body: Stmt[], depth: number) => {
    for (const s of body) {
      switch (s.k) {
        case 'store': ops.push({ o: 'store', g: word(s.g), v: s.v, release: s.release }); break;
        case 'load': ops.push({ o: 'load', r: s.r, g: word(s.g), acquire: s.acquire, acc: s.acc }); break;
        case 'fence': ops.push({ o: 'fence', f: s.f }); break;
        case 'add': ops.push({ o: 'add', g: word(s.g), d: s.d }); break;
        case 'rmw': ops.push({ o: 'rmw', r: s.r, g: word(s.g), op: s.op, a: s.a, b: s.b }); break;
        case 'lock': ops.push({ o: 'take', lock: s.lock }); emit(s.body, depth); ops.push({ o: 'drop', lock: s.lock }); break;
        case 'bug': ops.push({ o: 'bug', c: s.c }); break;
        case 'wait': ops.push({ o: 'wait' }); break;
        case 'if': {
          const jz: Op = { o: 'jz', c: s.c, to: -1 };
          ops.push(jz);
          emit(s.then, depth);
          const jmp: Op = { o: 'jmp', to: -1 };
          ops.push(jmp);
          jz.to = ops.length;
          emit(s.else, depth);
          jmp.to = ops.length;
          break;
        }
        case 'loop': {
          const i = REGS + depth;
          ops.push({ o: 'set', r: i, v: { k: 'const', v: 0 } });
          const top = ops.length;
          let c: Expr = { k: '<', a: { k: 'reg', r: i }, b: { k: 'const', v: s.n } };
          if (s.until !== null) c = { k: '&&', a: c, b: { k: '==', a: { k: 'reg', r: s.until }, b: { k: 'const', v: 0 } } };
          const jz: Op = { o: 'jz', c, to: -1 };
          ops.push(jz);
          emit(s.body, depth + 1);
          ops.push({ o: 'set', r: i, v: { k: '+', a: { k: 'reg', r: i }, b: { k: 'const', v: 1 } } });
          ops.push({ o: 'jmp', to: top });
          jz.to = ops.length;
          break;
        }
      }
    }
  };
  emit(p.tasks[t].body, 0);
  return ops;
}

function evaluate(e: Expr, regs: number[]): number {
  switch (e.k) {
    case 'const': return e.v;
    case 'reg': return regs[e.r];
    case '+': return evaluate(e.a, regs) + evaluate(e.b, regs);
    case '==': return +(evaluate(e.a, regs) === evaluate(e.b, regs));
    case '<': return +(evaluate(e.a, regs) < evaluate(e.b, regs));
    case '&&': return +(evaluate(e.a, regs) !== 0 && evaluate(e.b, regs) !== 0);
  }
}

interface State {
  pc: number[];
  regs: number[][];
  done: boolean[];
  m: M.MemState;
  /** mutex owner (task), -1 free */
  mutex: number;
  /** rwsem: writer (task) or -1, and read holds per task */
  writer: number;
  readers: number[];
}

function clone(s: State): State {
  const m = s.m;
  return {
    pc: s.pc.slice(), regs: s.regs.map((r) => r.slice()), done: s.done.slice(), mutex: s.mutex, writer: s.writer, readers: s.readers.slice(),
    m: { mem: m.mem.slice(), buf: m.buf.map((b) => b.map((e) => e.slice() as M.Entry)), stale: m.stale.map((x) => x.slice()), retired: m.retired.slice() },
  };
}

/** the state as text: equal states, equal keys (a plain loop: this is the search's hot spot) */
function key(s: State): string {
  const m = s.m;
  let k = '';
  const put = (xs: readonly (number | boolean | null)[]) => {
    for (let i = 0; i < xs.length; i++) k += (xs[i] === null ? '_' : +xs[i]!) + ',';
    k += '|';
  };
  put(s.pc);
  for (const r of s.regs) put(r);
  put(s.done);
  put(s.readers);
  k += s.mutex + ',' + s.writer + '|';
  put(m.mem);
  for (const b of m.buf) { for (const e of b) put(e); k += '/'; }
  for (const x of m.stale) put(x);
  put(m.retired);
  return k;
}

export interface Outcomes {
  /** final outcomes: every task returned, every buffer drained; the outcome words' values joined */
  finals: Set<string>;
  deadlock: boolean;
  /** a BUG_ON fired on some path */
  bug: boolean;
  states: number;
}

export class TooLarge extends Error {}

/** every reachable final outcome, deadlock and BUG_ON of the program under the model */
export function referenceOutcomes(p: Program, model: M.ModelName, maxStates = 400_000): Outcomes {
  const code = p.tasks.map((_, t) => compileTask(p, t));
  const n = p.tasks.length;
  const cpus = Math.max(...p.tasks.map((t) => t.cpu)) + 1;
  const outWord: number[] = [];
  let words = SPIN + 1;
  for (const t of p.tasks) outWord.push(t.out ? words++ : -1);
  const reported = [...DATA.map((_, i) => i), ...outWord.filter((w) => w >= 0)];

  /** run task t's local instructions up to its next step; at the end it stores out<t> and returns */
  const settle = (s: State, t: number) => {
    const ops = code[t];
    for (;;) {
      const pc = s.pc[t];
      if (pc === ops.length) {
        if (outWord[t] >= 0) {
          // the packed registers are one more store, a step of its own
          s.pc[t] = pc + 1;
          return;
        }
        finish(s, t);
        return;
      }
      if (pc > ops.length) return; // waiting at the out store
      const op = ops[pc];
      if (!LOCAL.has(op.o)) return;
      if (op.o === 'set') { s.regs[t][op.r] = evaluate(op.v, s.regs[t]); s.pc[t]++; }
      else if (op.o === 'jz') s.pc[t] = evaluate(op.c, s.regs[t]) === 0 ? op.to : pc + 1;
      else if (op.o === 'jmp') s.pc[t] = op.to;
    }
  };
  const finish = (s: State, t: number) => {
    s.done[t] = true;
    const cpu = p.tasks[t].cpu;
    if (p.tasks.every((u, k) => u.cpu !== cpu || s.done[k])) M.retire(s.m, cpu);
  };

  /** a queued writer: a task other than t whose next step is down_write while the rwsem is held */
  const writerQueued = (s: State, t: number) => (s.writer >= 0 || s.readers.some((r) => r > 0)) &&
    p.tasks.some((_, u) => u !== t && !s.done[u] && s.pc[u] < code[u].length && isTake(code[u][s.pc[u]], 'write'));
  const isTake = (op: Op, lock: Lock) => op.o === 'take' && op.lock === lock;

  /** task t's next step, run on a copy; null when it cannot run now */
  const step = (s0: State, t: number): { next: State; bug: boolean } | null => {
    if (s0.done[t]) return null;
    const cpu = p.tasks[t].cpu;
    const ops = code[t];
    const pc = s0.pc[t];
    if (pc > ops.length) {
      // the store of the packed registers into out<t>
      if (!M.canBuffer(model, s0.m, cpu, false)) return null;
      const s = clone(s0);
      M.store(model, s.m, cpu, outWord[t], packRegs(s.regs[t]), false);
      finish(s, t);
      return { next: s, bug: false };
    }
    const op = ops[pc];
    switch (op.o) {
      case 'store': case 'add': if (!M.canBuffer(model, s0.m, cpu, op.o === 'add')) return null; break;
      case 'take':
        if (op.lock === 'spin' && M.latest(s0.m, cpu, SPIN) !== 0) return null;
        if (op.lock === 'mutex' && s0.mutex >= 0) return null;
        if (op.lock === 'write' && (s0.writer >= 0 || s0.readers.some((r) => r > 0))) return null;
        if (op.lock === 'read' && (s0.writer >= 0 || writerQueued(s0, t))) return null;
        break;
      case 'drop': if (op.lock === 'spin' && !M.canBuffer(model, s0.m, cpu, false)) return null; break;
      case 'wait': if (p.tasks.some((_, u) => u !== t && !s0.done[u])) return null; break;
    }
    const s = clone(s0);
    const regs = s.regs[t];
    let bug = false;
    switch (op.o) {
      case 'store': M.store(model, s.m, cpu, op.g, evaluate(op.v, regs), op.release); break;
      case 'load': {
        const v = M.load(model, s.m, cpu, op.g);
        if (op.acquire) M.fence(model, s.m, cpu, 'acquire');
        regs[op.r] = op.acc ? regs[op.r] + v : v;
        break;
      }
      case 'fence': M.fence(model, s.m, cpu, op.f); break;
      case 'add': M.add(model, s.m, cpu, op.g, op.d); break;
      case 'rmw': {
        const f = op.op === 'xchg' ? () => op.a : op.op === 'cmpxchg' ? (old: number) => (old === op.a ? op.b : old) : (old: number) => old + op.a;
        const old = M.rmw(model, s.m, cpu, op.g, f, 'full');
        regs[op.r] = op.op === 'add_return' ? old + op.a : old;
        break;
      }
      case 'take':
        if (op.lock === 'spin') M.rmw(model, s.m, cpu, SPIN, () => t + 1, 'acquire');
        else {
          if (op.lock === 'mutex') s.mutex = t;
          else if (op.lock === 'write') s.writer = t;
          else s.readers[t]++;
          M.sleepingLock(model, s.m, cpu, 'acquire');
        }
        break;
      case 'drop':
        if (op.lock === 'spin') M.store(model, s.m, cpu, SPIN, 0, true);
        else {
          M.sleepingLock(model, s.m, cpu, 'release');
          if (op.lock === 'mutex') s.mutex = -1;
          else if (op.lock === 'write') s.writer = -1;
          else s.readers[t]--;
        }
        break;
      // the oracle: BUG_ON with a true condition ends this path with a bug
      case 'bug': bug = evaluate(op.c, regs) !== 0; break;
      case 'wait': M.settleAll(model, s.m); break;
    }
    s.pc[t]++;
    settle(s, t);
    return { next: s, bug };
  };

  const init: State = {
    pc: new Array(n).fill(0), regs: Array.from({ length: n }, () => new Array(REGS + COUNTERS).fill(0)), done: new Array(n).fill(false),
    m: M.initialMemory(words, cpus), mutex: -1, writer: -1, readers: new Array(n).fill(0),
  };
  for (let t = 0; t < n; t++) settle(init, t);

  const out: Outcomes = { finals: new Set(), deadlock: false, bug: false, states: 0 };
  const seen = new Set<string>([key(init)]);
  const todo: State[] = [init];
  while (todo.length) {
    const s = todo.pop()!;
    let moved = false;
    const visit = (next: State) => {
      moved = true;
      const k = key(next);
      if (seen.has(k)) return;
      if (seen.size >= maxStates) throw new TooLarge(`more than ${maxStates} states`);
      seen.add(k);
      todo.push(next);
    };
    for (let t = 0; t < n; t++) {
      const r = step(s, t);
      if (!r) continue;
      if (r.bug) { out.bug = true; moved = true; continue; }
      visit(r.next);
    }
    for (const ms of M.internalSteps(model, s.m)) {
      const next = clone(s);
      M.applyStep(model, next.m, ms);
      visit(next);
    }
    // an end: every task returned (final once the buffers have drained), or a deadlock
    if (!moved) {
      if (s.done.every(Boolean)) out.finals.add(reported.map((w) => s.m.mem[w]).join(','));
      else out.deadlock = true;
    }
  }
  out.states = seen.size;
  return out;
}
