// The machine: one compiled program running in one scenario's world layout. It holds
// everything static (code, builtins, names) and the outcome of the step just run; the
// dynamic state lives only in the world vector, so the explorer can copy and hash it.
import type { Costs } from '../api.js';
import { Op, OPERANDS, type Program } from '../lang/bytecode.js';
import type { MemorySystem } from '../memory/model.js';
import type { Builtin, FieldDef } from './builtin.js';
import type { Layout } from './layout.js';
import type { ScenarioSpec } from './spec.js';
import * as LY from './layout.js';

export const enum Status { OK = 0, BLOCKED = 1, BUG = 2, CORRUPT = 3, BUDGET = 4 }

/** What the trace recorder learns about the visible step just taken. */
export interface StepRecord {
  pc: number;
  op: string;
  args: string[];
  result?: string;
}

export class Machine {
  status: Status = Status.OK;
  message = '';
  /** the pc of the failing instruction, for messages */
  faultPc = -1;
  /** instructions a task may run without reaching a scheduling point */
  maxSteps = 100000;
  costs: Costs | null = null;
  /** set while recording a trace: filled at the visible step */
  record: StepRecord | null = null;
  /**
   * Raised by the VM while a step runs when the step reads another task's region: it calls a
   * builtin that declares readsOtherTasks (builtin.ts), or it ends the last task of a CPU. The
   * explorer clears it before a step and reuses a step's result for equal inputs
   * (explore/memo.ts) only when it stayed down.
   */
  crossTask = false;
  readonly visibleAt: Uint8Array;
  readonly taskNames: string[];
  readonly taskMm: number[]; // mm index or -1
  readonly taskCpu: number[];

  constructor(
    readonly program: Program,
    readonly layout: Layout,
    readonly spec: ScenarioSpec,
    readonly memory: MemorySystem,
    readonly builtins: readonly Builtin[],
    readonly fields: readonly FieldDef[],
    /** root function per task */
    readonly roots: number[],
  ) {
    this.taskNames = spec.tasks.map((t) => t.name);
    this.taskMm = spec.tasks.map((t) => (t.mm === null ? -1 : spec.mms.findIndex((m) => m.name === t.mm)));
    this.taskCpu = spec.tasks.map((t) => t.cpu);
    this.visibleAt = new Uint8Array(program.code.length);
    const code = program.code;
    for (let pc = 0; pc < code.length; pc += 1 + (OPERANDS[code[pc]] ?? 0)) {
      const op = code[pc];
      let v = false;
      switch (op) {
        case Op.LDG: case Op.STG: case Op.LDP: case Op.STP: case Op.SETFIELD: case Op.BUG: case Op.WARN: v = true; break;
        case Op.CALLB: v = builtins[code[pc + 1]].visible; break;
        case Op.FIELD: v = !fields[code[pc + 1]].stable; break;
      }
      this.visibleAt[pc] = v ? 1 : 0;
    }
  }

  fail(status: Status, message: string): number {
    if (this.status === Status.OK) { this.status = status; this.message = message; }
    return 0;
  }

  bug(message: string): number { return this.fail(Status.BUG, message); }
  corrupt(message: string): number { return this.fail(Status.CORRUPT, message); }

  count(what: keyof Costs, n = 1) {
    if (this.costs) this.costs[what] = (this.costs[what] ?? 0) + n;
  }
}

const { T_HDR, T_PC, T_SP, T_STATUS } = LY; // module-local copies (hot path)
const CALLB = Op.CALLB as number;

/** the builtin task u is about to call, or -1 (its pc sits at a scheduling point) */
export function pendingBuiltin(m: Machine, w: Int32Array, u: number): number {
  const tb = m.layout.taskBase + u * m.layout.taskWords;
  if (w[tb + T_STATUS] !== 0) return -1;
  const pc = w[tb + T_PC];
  return m.program.code[pc] === CALLB ? m.program.code[pc + 1] : -1;
}

/** where the arguments of task u's pending builtin call start in the world vector */
export function pendingArgs(m: Machine, w: Int32Array, u: number): number {
  const tb = m.layout.taskBase + u * m.layout.taskWords;
  return tb + T_HDR + w[tb + T_SP] - m.program.code[w[tb + T_PC] + 2];
}

/** does the call, with its arguments at w[a…], sleep (or may it) in state w? (Builtin.sleeps) */
export function sleepsNow(bi: Builtin, m: Machine, w: Int32Array, t: number, a: number): boolean {
  return typeof bi.sleeps === 'function' ? bi.sleeps(m, w, t, a) : bi.sleeps === true;
}
