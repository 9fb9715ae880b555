// A naive reference explorer, for tests only: straight-line per-CPU programs of loads, stores,
// fences and RMWs run over a MemorySystem; depth-first over every interleaving of CPU steps and the
// model's internal steps, states keyed by plain strings. It enumerates every final state (all
// programs finished, buffers drained, queues processed). Slow and obviously right is the point.
import type { Fence, InternalStep, MemoryLayout, MemorySystem, RmwOp, RmwOrder } from '../model.js';

export type Op =
  | { op: 'st'; addr: number; value: number }
  | { op: 'ld'; addr: number; reg: number }
  | { op: 'fence'; fence: Fence }
  | { op: 'rmw'; addr: number; rmw: RmwOp; a: number; b: number; order: RmwOrder; reg: number }
  /** a non-value-returning atomic add (atomic_add/sub/inc/dec): MemorySystem.add, may wait */
  | { op: 'add'; addr: number; delta: number };

export const st = (addr: number, value: number): Op => ({ op: 'st', addr, value });
export const ld = (reg: number, addr: number): Op => ({ op: 'ld', addr, reg });
export const fence = (f: Fence): Op => ({ op: 'fence', fence: f });
export const mb = fence('mb');
export const wmb = fence('wmb');
export const rmb = fence('rmb');
/** smp_store_release: a release fence, then the store */
export const release = (addr: number, value: number): Op[] => [fence('release'), st(addr, value)];
/** smp_load_acquire: the load, then an acquire fence */
export const acquire = (reg: number, addr: number): Op[] => [ld(reg, addr), fence('acquire')];
export const rmw = (reg: number, addr: number, kind: RmwOp, a: number, b: number, order: RmwOrder): Op =>
  ({ op: 'rmw', addr, rmw: kind, a, b, order, reg });

/** atomic_add(delta, &addr), atomic_inc (1), atomic_dec (-1)… */
export const add = (addr: number, delta: number): Op => ({ op: 'add', addr, delta });

export interface Final {
  regs: number[][]; // per CPU, register values (unset registers 0)
  mem: number[];
}

export interface Program {
  words: number;
  init?: number[];
  cpus: Op[][];
  bufferSlots?: number;
  /** call the model's retire() when a CPU finishes its program (default true) */
  retire?: boolean;
}

export function explore(ms: MemorySystem, prog: Program): Final[] {
  const layout: MemoryLayout = { cpus: prog.cpus.length, words: prog.words, bufferSlots: prog.bufferSlots ?? 4 };
  const nregs = 4;
  const w0 = new Int32Array(ms.size(layout));
  ms.init(w0, 0, layout, prog.init ?? []);
  const seen = new Set<string>();
  const finals = new Map<string, Final>();
  type S = { w: Int32Array; pc: number[]; regs: number[][] };
  const stack: S[] = [{ w: w0, pc: prog.cpus.map(() => 0), regs: prog.cpus.map(() => new Array(nregs).fill(0)) }];
  while (stack.length > 0) {
    const s = stack.pop()!;
    const key = `${s.w.join(',')}|${s.pc.join(',')}|${s.regs.map((r) => r.join(',')).join(';')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let moved = false;
    const internal: InternalStep[] = [];
    ms.internalSteps(s.w, 0, layout, internal);
    for (const step of internal) {
      const w = s.w.slice();
      ms.applyInternal(w, 0, layout, step);
      stack.push({ w, pc: s.pc, regs: s.regs });
      moved = true;
    }
    for (let c = 0; c < prog.cpus.length; c++) {
      const op = prog.cpus[c][s.pc[c]];
      if (!op) continue;
      const w = s.w.slice();
      const regs = s.regs.map((r) => r.slice());
      let done = true;
      if (op.op === 'st') done = ms.store(w, 0, layout, c, op.addr, op.value);
      else if (op.op === 'ld') regs[c][op.reg] = ms.load(w, 0, layout, c, op.addr);
      else if (op.op === 'fence') done = ms.fence(w, 0, layout, c, op.fence);
      else if (op.op === 'add') done = ms.add(w, 0, layout, c, op.addr, op.delta);
      else regs[c][op.reg] = ms.rmw(w, 0, layout, c, op.addr, op.rmw, op.a, op.b, op.order);
      if (!done) continue;
      const pc = s.pc.slice();
      pc[c]++;
      if (pc[c] === prog.cpus[c].length && prog.retire !== false) ms.retire?.(w, 0, layout, c);
      stack.push({ w, pc, regs });
      moved = true;
    }
    if (!moved) {
      if (s.pc.some((p, c) => p < prog.cpus[c].length)) throw new Error(`stuck state ${key}`);
      const mem = Array.from({ length: prog.words }, (_, a) => ms.settled(s.w, 0, layout, a));
      const f: Final = { regs: s.regs, mem };
      finals.set(JSON.stringify(f), f);
    }
  }
  return [...finals.values()];
}

/** can some final state satisfy pred? */
export function allows(ms: MemorySystem, prog: Program, pred: (f: Final) => boolean): boolean {
  return explore(ms, prog).some(pred);
}
