// Test oracle: a straight-line litmus test lowered onto the memory models' naive explorer
// (memory/test/naive.ts), to cross-check the engine's answers. Not used in production.
import type { Expr, LitmusTest } from '../ast.js';
import type { FinalValues } from '../condition.js';
import { memorySystem } from '../../memory/model.js';
import { add, explore, fence, ld, rmw, st, type Op } from '../../memory/test/naive.js';
import { bitOperand, negatedOperand, primitive } from '../../memory/primitives.js';
import type { MemoryModel } from '../../api.js';

const constant = (e: Expr | undefined): number => {
  if (e?.k === 'num') return e.value;
  if (e?.k === 'unary' && e.op === '-' && e.e.k === 'num') return -e.e.value;
  throw new Error('oracle: only constant operands');
};

/** null when the test is not straight-line code with constant operands */
export function oracleFinals(test: LitmusTest, model: MemoryModel): FinalValues[] | null {
  const locs = test.locations.map((l) => l.name);
  if (test.locations.some((l) => typeof l.init !== 'number')) return null;
  try {
    const cpus = test.threads.map((t) => {
      const ops: Op[] = [];
      const reg = (name: string) => t.regs.indexOf(name);
      for (const s of t.body) {
        const target = s.k === 'assign' ? reg(s.reg) : 3;
        const call = s.k === 'assign' ? s.e : s.k === 'prim' ? { k: 'prim' as const, name: s.name, loc: s.loc, args: s.args } : null;
        if (!call || call.k !== 'prim') return null;
        const p = primitive(call.name)!;
        const addr = locs.indexOf(call.loc);
        if (p.kind === 'lock') return null;
        if (p.kind === 'fence') ops.push(fence(p.fence));
        else if (p.kind === 'load') ops.push(ld(target, addr), ...(p.acquire ? [fence('acquire')] : []));
        else if (p.kind === 'store') ops.push(...(p.release ? [fence('release')] : []), st(addr, constant(call.args[0])), ...(p.mb ? [fence('mb')] : []));
        else {
          if (p.result !== 'old' && p.result !== 'none') return null;
          let a = typeof p.operand === 'number' ? constant(call.args[p.operand - (p.operand > p.locArg ? 1 : 0)]) : p.operand.constant;
          if (negatedOperand.has(call.name)) a = -a;
          if (bitOperand.has(call.name)) a = 1 << a;
          const b = p.op === 'cmpxchg' ? constant(call.args[1]) : 0;
          // atomic_add/sub/inc/dec go through MemorySystem.add, as the engine's builtins do
          ops.push(p.op === 'add' && p.result === 'none' ? add(addr, a) : rmw(target, addr, p.op, a, b, p.order));
        }
      }
      return ops;
    });
    if (cpus.some((c) => c === null) || test.regInit.length > 0) return null;
    const finals = explore(memorySystem(model), { words: locs.length, init: test.locations.map((l) => l.init as number), cpus: cpus as Op[][], bufferSlots: 4 });
    return finals.map((f) => {
      const v: FinalValues = {};
      test.threads.forEach((t, c) => t.regs.forEach((r, i) => { v[`${t.id}:${r}`] = f.regs[c][i]; }));
      locs.forEach((l, a) => { v[l] = f.mem[a]; });
      return v;
    });
  } catch {
    return null;
  }
}
