// The bytecode: a flat Int32Array of opcodes with inline operands, one source line per word.
// A task's state is its program counter, frame pointer, stack pointer and stack words, all
// integers in the world vector, so a state can be copied and hashed like any other data.

export const enum Op {
  PUSH = 1, // k
  POP,
  DUP,
  LDL, // slot: push local
  STL, // slot: pop into local
  LDG, // addr: load shared word (scheduling point)
  STG, // addr: pop and store shared word (scheduling point)
  LDP, // pop word handle, push *p (scheduling point)
  STP, // pop value, pop handle, store (scheduling point)
  NEG, NOT, BNOT,
  ADD, SUB, MUL, DIV, MOD, SHL, SHR, BAND, BOR, BXOR, EQ, NE, LT, LE, GT, GE,
  JMP, // target
  JZ, // target: pop, jump if zero
  JNZ, // target: pop, jump if not zero
  CALL, // fn, nargs
  RET, // pop value, return it
  CALLB, // builtin, nargs: call a kernel builtin (usually a scheduling point)
  FIELD, // field: pop object handle, push field value
  SETFIELD, // field: pop value, pop handle, set field (scheduling point)
  ADDRF, // field: pop object handle, push handle of the field (a lock)
  CURRENT, // push the running task's handle
  BUG, // pop condition: BUG() if non-zero (scheduling point: the kernel oopses here)
  WARN, // pop condition: WARN() if non-zero, push it back (scheduling point)
  NULLCHK, // pop value, push it back: oops if zero (a dereference)
}

/** operand count per opcode */
export const OPERANDS: Record<number, number> = {
  [Op.PUSH]: 1, [Op.LDL]: 1, [Op.STL]: 1, [Op.LDG]: 1, [Op.STG]: 1, [Op.JMP]: 1, [Op.JZ]: 1, [Op.JNZ]: 1,
  [Op.CALL]: 2, [Op.CALLB]: 2, [Op.FIELD]: 1, [Op.SETFIELD]: 1, [Op.ADDRF]: 1,
};

export const OP_NAMES: Record<number, string> = {
  [Op.PUSH]: 'push', [Op.POP]: 'pop', [Op.DUP]: 'dup', [Op.LDL]: 'ldl', [Op.STL]: 'stl', [Op.LDG]: 'load', [Op.STG]: 'store',
  [Op.LDP]: 'load', [Op.STP]: 'store', [Op.NEG]: 'neg', [Op.NOT]: 'not', [Op.BNOT]: 'bnot', [Op.ADD]: 'add', [Op.SUB]: 'sub',
  [Op.MUL]: 'mul', [Op.DIV]: 'div', [Op.MOD]: 'mod', [Op.SHL]: 'shl', [Op.SHR]: 'shr', [Op.BAND]: 'and', [Op.BOR]: 'or',
  [Op.BXOR]: 'xor', [Op.EQ]: 'eq', [Op.NE]: 'ne', [Op.LT]: 'lt', [Op.LE]: 'le', [Op.GT]: 'gt', [Op.GE]: 'ge', [Op.JMP]: 'jmp',
  [Op.JZ]: 'jz', [Op.JNZ]: 'jnz', [Op.CALL]: 'call', [Op.RET]: 'return', [Op.CALLB]: 'callb', [Op.FIELD]: 'field',
  [Op.SETFIELD]: 'setfield', [Op.ADDRF]: 'addrf', [Op.CURRENT]: 'current', [Op.BUG]: 'BUG_ON', [Op.WARN]: 'WARN_ON', [Op.NULLCHK]: 'deref',
};

export type SourceName = 'strategy' | 'scenario' | 'prelude';

export interface CompiledFunction {
  name: string;
  entry: number;
  nparams: number;
  nlocals: number; // including parameters
  maxStack: number; // operand words the function may need above its frame
  calls: number[]; // functions it calls
  line: number;
  source: SourceName;
  localNames: string[];
}

export interface SharedGlobal { name: string; addr: number; init: number }

export interface Program {
  code: Int32Array;
  lines: Int32Array; // source line per code word
  fnAt: Int32Array; // function index per code word
  functions: CompiledFunction[];
  functionIndex: Map<string, number>;
  globals: SharedGlobal[]; // shared memory words declared by code
}

/**
 * Stack words a call of function f may use, callees included; Infinity when recursive.
 * Sizing each task's stack to this keeps states small, which is most of the explorer's speed.
 * A depth-first walk of the call graph with its own stack, so a long chain of calls cannot
 * exhaust the JavaScript stack.
 */
export function stackNeed(functions: CompiledFunction[], f: number, onPath = new Set<number>(), memo = new Map<number, number>()): number {
  const known = memo.get(f);
  if (known !== undefined) return known;
  if (onPath.has(f)) return Infinity;
  const walk: { f: number; next: number; callee: number }[] = [{ f, next: 0, callee: 0 }];
  onPath.add(f);
  let need = 0;
  while (walk.length) {
    const top = walk[walk.length - 1];
    const calls = functions[top.f].calls;
    if (top.next < calls.length) {
      const g = calls[top.next++];
      const m = memo.get(g);
      if (m !== undefined) top.callee = Math.max(top.callee, m);
      else if (onPath.has(g)) top.callee = Infinity; // recursion
      else { onPath.add(g); walk.push({ f: g, next: 0, callee: 0 }); }
      continue;
    }
    walk.pop();
    onPath.delete(top.f);
    const fn = functions[top.f];
    need = fn.nlocals + FRAME_HEADER + fn.maxStack + top.callee;
    memo.set(top.f, need);
    if (walk.length) walk[walk.length - 1].callee = Math.max(walk[walk.length - 1].callee, need);
  }
  return need;
}

/** words of a frame header stored above the locals: return pc, saved frame pointer */
export const FRAME_HEADER = 2;
