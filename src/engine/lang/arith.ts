// C's arithmetic on 32-bit integers, shared by constant folding (#define values, global
// initialisers) and the compiler's operator table.
import type { Expr } from './ast.js';
import { Op } from './bytecode.js';
import type { CompileEnv } from './env.js';
import { CompileError } from './errors.js';
import { didYouMean } from './suggest.js';

export const BINOPS: Record<string, Op> = {
  '+': Op.ADD, '-': Op.SUB, '*': Op.MUL, '/': Op.DIV, '%': Op.MOD, '<<': Op.SHL, '>>': Op.SHR, '&': Op.BAND,
  '|': Op.BOR, '^': Op.BXOR, '==': Op.EQ, '!=': Op.NE, '<': Op.LT, '<=': Op.LE, '>': Op.GT, '>=': Op.GE,
};

/** evaluate a constant expression (#define values, global initialisers) */
export function constValue(e: Expr, defines: Map<string, number>, env: CompileEnv): number {
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
