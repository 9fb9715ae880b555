// Random programs for the reference property test, from a seed: two or three tasks of ONCE
// accesses, barriers, release/acquire, atomics, spin locks, mutexes and rwsems, ifs, bounded
// loops, BUG_ON oracles on registers, and sometimes an oracle task that waits for the others and
// asserts on the final values.
//
// Where the reference's definitions and the kernel's may legitimately differ in strength, the
// generator keeps out of the difference: under tso and weak, a task that takes a sleeping lock
// (mutex, rwsem) touches shared words only inside its innermost critical section, so it does not
// matter whether taking the lock is a full barrier (an x86 locked instruction) or an ACQUIRE, nor
// whether releasing it is a RELEASE or a full barrier. Spin locks, whose definition is the same
// everywhere (an acquire RMW on a word and a release store of 0), appear anywhere.
import type { ModelName } from './memory.js';
import { type Data, type Expr, type Lock, type Program, REGS, type Stmt, type Task } from './program.js';

/** a small deterministic PRNG (mulberry32) */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Shape {
  /** generate sleeping locks (mutex, rwsem) */
  sleeping: boolean;
}

const c = (v: number): Expr => ({ k: 'const', v });
const reg = (r: number): Expr => ({ k: 'reg', r });

export function randomProgram(seed: number, model: ModelName, shape: Shape): Program {
  const r = rng(seed * 7919 + (model === 'sc' ? 1 : model === 'tso' ? 2 : 3));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const weakish = model !== 'sc';
  const PLAIN: Data[] = ['x', 'y', 'z'];

  /** one shared access or barrier (no locks): the atoms every task is made of */
  const access = (): Stmt => {
    const k = r();
    if (k < 0.3) return { k: 'store', g: pick(PLAIN), v: chance(0.25) ? { k: '+', a: reg(Math.floor(r() * REGS)), b: c(1) } : c(1 + Math.floor(r() * 2)), release: chance(0.25) };
    if (k < 0.6) return { k: 'load', r: Math.floor(r() * REGS), g: chance(0.15) ? 'c' : pick(PLAIN), acquire: chance(0.25), acc: false };
    if (k < 0.72) return { k: 'fence', f: pick(['mb', 'wmb', 'rmb'] as const) };
    if (k < 0.84) return { k: 'add', g: 'c', d: 1 + Math.floor(r() * 2) };
    if (chance(0.5)) return { k: 'rmw', r: Math.floor(r() * REGS), g: 'c', op: pick(['add_return', 'fetch_add'] as const), a: 1, b: 0 };
    return { k: 'rmw', r: Math.floor(r() * REGS), g: pick(PLAIN), op: pick(['xchg', 'cmpxchg'] as const), a: chance(0.5) ? 0 : 1, b: 2 };
  };

  /** r = READ_ONCE(g); WRITE_ONCE(g, r + 1): an update that a lock must keep whole */
  const increment = (): Stmt[] => {
    const g = pick(PLAIN);
    const rr = Math.floor(r() * REGS);
    return [{ k: 'load', r: rr, g, acquire: false, acc: false }, { k: 'store', g, v: { k: '+', a: reg(rr), b: c(1) }, release: false }];
  };

  /**
   * two accesses to two words with a random separator: the litmus shapes (MP, SB, LB, S, R,
   * 2+2W) come out of two such tasks, with and without the barrier each needs
   */
  const pair = (kinds?: ('store' | 'load')[], words?: Data[]): Stmt[] => {
    const [g1, g2] = words ?? (chance(0.5) ? ['x', 'y'] as const : chance(0.5) ? ['y', 'x'] as const : [pick(PLAIN), pick(PLAIN)]);
    const [k1, k2] = kinds ?? (chance(0.5) ? ['store', 'store'] : [chance(0.5) ? 'store' : 'load', chance(0.5) ? 'store' : 'load']);
    const one = (kind: string, g: Data, rr: number): Stmt => (kind === 'store'
      ? { k: 'store', g, v: c(1 + Math.floor(r() * 2)), release: false }
      : { k: 'load', r: rr, g, acquire: false, acc: false });
    const a = one(k1, g1, 0);
    const b = one(k2, g2, 1);
    const sep = pick(['none', 'none', 'mb', 'wmb', 'rmb', 'ordered'] as const);
    if (sep === 'ordered') {
      // release on the second access if it is a store, else acquire on the first if it is a load
      if (b.k === 'store') b.release = true;
      else if (a.k === 'load') a.acquire = true;
    }
    return sep === 'none' || sep === 'ordered' ? [a, b] : [a, { k: 'fence', f: sep }, b];
  };
  /**
   * the second task of a litmus shape: the mirror of the first (loads where it stores, in the
   * other order: MP, S, LB) or the same accesses crossed (SB, 2+2W, R)
   */
  const partner = (first: Stmt[]): Stmt[] => {
    const acc = first.filter((x) => x.k === 'store' || x.k === 'load') as ({ k: 'store' | 'load'; g: Data })[];
    const flip = (k: 'store' | 'load') => (k === 'store' ? 'load' : 'store');
    if (chance(0.6)) return pair([flip(acc[1].k), flip(acc[0].k)], [acc[1].g, acc[0].g]);
    return pair([acc[0].k, acc[1].k], [acc[1].g, acc[0].g]);
  };

  const oracleOnRegs = (): Stmt => ({
    k: 'bug',
    c: { k: '&&', a: { k: '==', a: reg(0), b: c(Math.floor(r() * 3)) }, b: { k: '==', a: reg(1), b: c(Math.floor(r() * 2)) } },
  });

  /** a statement of a free-form task; depth bounds nesting */
  const free = (depth: number, budget: { n: number }, sleepingOk: boolean): Stmt => {
    const k = r();
    if (depth < 2 && k < 0.12) {
      budget.n -= 2;
      return { k: 'lock', lock: 'spin', body: [access()].concat(chance(0.4) ? [access()] : []) };
    }
    if (depth < 2 && sleepingOk && k < 0.3) {
      budget.n -= 2;
      const lock = pick(['mutex', 'read', 'write', 'mutex'] as const);
      return { k: 'lock', lock, body: [free(depth + 1, budget, lock !== 'read' || chance(0.5))] };
    }
    if (depth < 2 && k < 0.38) {
      budget.n -= 1;
      return { k: 'if', c: { k: '==', a: reg(Math.floor(r() * REGS)), b: c(Math.floor(r() * 2)) }, then: [access()], else: chance(0.5) ? [access()] : [] };
    }
    if (depth < 1 && k < 0.46) {
      budget.n -= 2;
      const body = [free(depth + 1, budget, false)];
      const until = chance(0.5) ? Math.floor(r() * REGS) : null;
      if (until !== null && chance(0.7)) body.unshift({ k: 'load', r: until, g: pick(PLAIN), acquire: chance(0.3), acc: false });
      return { k: 'loop', n: 2, until, body };
    }
    budget.n -= 1;
    return access();
  };

  /** a task that is one (or two nested) sleeping critical sections and nothing else shared (the only sleeping-lock task under tso and weak) */
  const critical = (): Stmt[] => {
    const inner: Stmt[] = chance(0.5) ? increment() : [access()];
    if (chance(0.5)) inner.push(access());
    const first: Lock = pick(['mutex', 'read', 'write', 'mutex']);
    let body: Stmt = { k: 'lock', lock: first, body: inner };
    if (chance(0.5)) {
      const second: Lock = first === 'mutex' ? pick(['read', 'write'] as const) : chance(0.2) && first === 'read' ? 'read' : 'mutex';
      body = { k: 'lock', lock: first, body: [{ k: 'lock', lock: second, body: inner }] };
    }
    return chance(0.3) ? [body, oracleOnRegs()] : [body];
  };

  const nTasks = 2 + (chance(weakish ? 0.3 : 0.45) ? 1 : 0);
  // sleeping locks taken in two orders by the first two tasks: AB-BA, or a recursive down_read
  // against a writer (a writer-preferring rwsem makes the second down_read wait for the writer)
  const abba = shape.sleeping && chance(0.3);
  const inner = (): Stmt[] => (chance(0.5) ? increment() : [access()]);
  const orders: [Lock, Lock][][] = [
    [['mutex', 'write'], ['write', 'mutex']], [['mutex', 'read'], ['write', 'mutex']], [['read', 'read'], ['write', 'write']],
  ];
  const order = pick(orders);
  const shareCpu = nTasks === 3 && chance(0.35);
  const tasks: Task[] = [];
  if (!abba && nTasks === 2 && chance(0.4)) {
    // a litmus shape over x and y, each side with its own random barrier or none
    const first = pair(undefined, chance(0.5) ? ['x', 'y'] : ['y', 'x']);
    tasks.push({ cpu: 0, body: first, out: true }, { cpu: 1, body: partner(first), out: true });
  }
  for (let t = tasks.length; t < nTasks; t++) {
    const cpu = shareCpu && t === 2 ? 0 : t;
    if (abba && t < 2) {
      const [a, b] = order[t];
      const body: Stmt[] = a === b && a === 'write' ? [{ k: 'lock', lock: a, body: inner() }] : [{ k: 'lock', lock: a, body: [{ k: 'lock', lock: b, body: inner() }] }];
      tasks.push({ cpu, body, out: true });
      continue;
    }
    if (shape.sleeping && chance(weakish ? 0.6 : 0.45)) { tasks.push({ cpu, body: critical(), out: true }); continue; }
    const k = r();
    if (k < 0.35) { tasks.push({ cpu, body: chance(0.2) ? [...pair(), oracleOnRegs()] : pair(), out: true }); continue; }
    if (k < 0.5) {
      // a spin-locked critical section: an update, or two accesses
      tasks.push({ cpu, body: [{ k: 'lock', lock: 'spin', body: chance(0.5) ? increment() : pair().filter((x) => x.k !== 'fence') }], out: true });
      continue;
    }
    const budget = { n: (model === 'weak' ? 3 : 4) - (nTasks === 3 ? 1 : 0) };
    const body: Stmt[] = [];
    while (budget.n > 0) {
      if (budget.n >= 2 && chance(0.15)) { budget.n -= 2; body.push(...increment()); continue; }
      body.push(free(0, budget, shape.sleeping && !weakish));
    }
    if (chance(0.25)) body.push(oracleOnRegs());
    tasks.push({ cpu, body, out: true });
  }
  if (nTasks === 2 && chance(0.3)) {
    // the oracle task: after every other task has returned, assert on the final values
    const cpu = Math.max(...tasks.map((t) => t.cpu)) + 1;
    const a: Data = pick(['x', 'y', 'z', 'c'] as const);
    const b: Data = pick(['x', 'y', 'z'] as const);
    tasks.push({
      cpu, out: false,
      body: [
        { k: 'wait' },
        { k: 'load', r: 0, g: a, acquire: false, acc: false },
        { k: 'load', r: 1, g: b, acquire: false, acc: false },
        { k: 'bug', c: { k: '==', a: { k: '+', a: reg(0), b: reg(1) }, b: c(Math.floor(r() * 4)) } },
      ],
    });
  }
  return { seed, tasks };
}
