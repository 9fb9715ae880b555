// Bytecode emission: instructions with the line and function they come from, and the operand
// depth they reach (a function's stack is sized from it).
import { Op } from './bytecode.js';

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

export class Emitter {
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
