// The interpreter. One call runs one transition of one task: the scheduling point at its pc
// (a builtin, a shared load or store), then every local instruction after it, stopping just
// before the next scheduling point. So in every state each live task waits at a visible step,
// and the explorer knows what it would do next (and whether that would block).
import { FRAME_HEADER } from '../lang/bytecode.js';
import { describeValue } from './access.js';
import { atomicCause, holdsAny, locksHeld } from './context.js';
import { handle, Kind } from './handles.js';
import * as LY from './layout.js';
import { sleepsNow, Status, type Machine } from './machine.js';
import { pageWordName } from './pagewords.js';
// module-local copies: reading an imported binding costs a getter call in some loaders (hot path)
const { T_FP, T_HDR, T_IRQ, T_PC, T_PFDIS, T_PREEMPT, T_RET, T_SP, T_SPINS, T_STATUS, TASK_DONE } = LY;
const S_OK = Status.OK, S_BLOCKED = Status.BLOCKED, S_BUDGET = Status.BUDGET;
const K_WORD = Kind.WORD as number;

/** set up task t's root frame: its entry function with no arguments */
export function startTask(m: Machine, w: Int32Array, t: number) {
  const tb = (m.layout.taskBase + t * m.layout.taskWords);
  const fn = m.program.functions[m.roots[t]];
  w[tb + T_STATUS] = 0;
  w[tb + T_PC] = fn.entry;
  w[tb + T_FP] = 0;
  w[tb + T_SP] = fn.nlocals + FRAME_HEADER;
  w[tb + T_HDR + fn.nlocals] = -1;
  w[tb + T_HDR + fn.nlocals + 1] = -1;
}

/**
 * Run task t from its pc. With `untilVisible`, stop before the first scheduling point
 * (the prefix of a fresh task); otherwise run the scheduling point at pc and stop before the next.
 */
export function runTask(m: Machine, w: Int32Array, t: number, untilVisible = false): Status {
  const L = m.layout;
  const tb = (L.taskBase + t * L.taskWords);
  const sb = tb + T_HDR;
  const code = m.program.code;
  const vis = m.visibleAt;
  const fns = m.program.functions;
  const limit = L.stackWords;
  let pc = w[tb + T_PC];
  let fp = w[tb + T_FP];
  let sp = w[tb + T_SP];
  let seen = untilVisible;
  let steps = 0;
  const maxSteps = m.maxSteps;
  m.status = S_OK;
  let v = 0, b = 0;
  for (;;) {
    if (vis[pc] === 1) {
      if (seen) break;
      seen = true;
    }
    if (++steps > maxSteps) {
      m.faultPc = pc;
      m.fail(S_BUDGET, `${m.taskNames[t]} ran ${maxSteps} instructions without reaching a scheduling point (an endless loop?) at line ${m.program.lines[pc]}`);
      break;
    }
    const op = code[pc];
    // opcode literals, not Op.X: a switch over literals compiles to a jump table (bytecode.test.ts pins them)
    switch (op) {
      case 1 /* PUSH */: w[sb + sp++] = code[pc + 1]; pc += 2; continue;
      case 2 /* POP */: w[sb + --sp] = 0; pc += 1; continue;
      case 3 /* DUP */: w[sb + sp] = w[sb + sp - 1]; sp++; pc += 1; continue;
      case 4 /* LDL */: w[sb + sp++] = w[sb + fp + code[pc + 1]]; pc += 2; continue;
      case 5 /* STL */: w[sb + fp + code[pc + 1]] = w[sb + --sp]; w[sb + sp] = 0; pc += 2; continue;
      case 6 /* LDG */: {
        if (m.record) record(m, pc, 'load', [globalName(m, code[pc + 1])]);
        const val = m.memory.load(w, L.memBase, L.mem, m.taskCpu[t], code[pc + 1]);
        if (m.record) m.record.result = String(val);
        w[sb + sp++] = val;
        pc += 2;
        continue;
      }
      case 7 /* STG */: {
        v = w[sb + sp - 1];
        if (m.record) record(m, pc, 'store', [globalName(m, code[pc + 1]), String(v)]);
        if (!m.memory.store(w, L.memBase, L.mem, m.taskCpu[t], code[pc + 1], v)) { m.status = S_BLOCKED; break; }
        w[sb + --sp] = 0;
        pc += 2;
        continue;
      }
      case 8 /* LDP */: {
        b = w[sb + sp - 1];
        if ((b >>> 16) !== K_WORD || (b & 0xffff) >= L.mem.words) { m.faultPc = pc; m.bug(badDeref(m, b)); break; }
        if (m.record) record(m, pc, 'load', [globalName(m, (b & 0xffff))]);
        v = m.memory.load(w, L.memBase, L.mem, m.taskCpu[t], (b & 0xffff));
        if (m.record) m.record.result = String(v);
        w[sb + sp - 1] = v;
        pc += 1;
        continue;
      }
      case 9 /* STP */: {
        v = w[sb + sp - 1];
        b = w[sb + sp - 2];
        if ((b >>> 16) !== K_WORD || (b & 0xffff) >= L.mem.words) { m.faultPc = pc; m.bug(badDeref(m, b)); break; }
        if (m.record) record(m, pc, 'store', [globalName(m, (b & 0xffff)), String(v)]);
        if (!m.memory.store(w, L.memBase, L.mem, m.taskCpu[t], (b & 0xffff), v)) { m.status = S_BLOCKED; break; }
        w[sb + --sp] = 0;
        w[sb + --sp] = 0;
        pc += 1;
        continue;
      }
      case 10 /* NEG */: w[sb + sp - 1] = -w[sb + sp - 1] | 0; pc += 1; continue;
      case 11 /* NOT */: w[sb + sp - 1] = w[sb + sp - 1] === 0 ? 1 : 0; pc += 1; continue;
      case 12 /* BNOT */: w[sb + sp - 1] = ~w[sb + sp - 1]; pc += 1; continue;
      case 16 /* DIV */: case 17 /* MOD */:
        if (w[sb + sp - 1] === 0) { m.faultPc = pc; m.bug('division by zero'); break; }
        b = w[sb + --sp];
        w[sb + sp] = 0;
        w[sb + sp - 1] = op === 16 ? (w[sb + sp - 1] / b) | 0 : (w[sb + sp - 1] % b) | 0;
        pc += 1;
        continue;
      case 13 /* ADD */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = (v + b) | 0; pc += 1; continue;
      case 14 /* SUB */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = (v - b) | 0; pc += 1; continue;
      case 15 /* MUL */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = Math.imul(v, b); pc += 1; continue;
      case 18 /* SHL */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v << b; pc += 1; continue;
      case 19 /* SHR */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v >> b; pc += 1; continue;
      case 20 /* BAND */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v & b; pc += 1; continue;
      case 21 /* BOR */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v | b; pc += 1; continue;
      case 22 /* BXOR */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v ^ b; pc += 1; continue;
      case 23 /* EQ */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v === b ? 1 : 0; pc += 1; continue;
      case 24 /* NE */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v !== b ? 1 : 0; pc += 1; continue;
      case 25 /* LT */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v < b ? 1 : 0; pc += 1; continue;
      case 26 /* LE */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v <= b ? 1 : 0; pc += 1; continue;
      case 27 /* GT */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v > b ? 1 : 0; pc += 1; continue;
      case 28 /* GE */: b = w[sb + --sp]; w[sb + sp] = 0; v = w[sb + sp - 1]; w[sb + sp - 1] = v >= b ? 1 : 0; pc += 1; continue;
      case 29 /* JMP */: pc = code[pc + 1]; continue;
      case 30 /* JZ */: v = w[sb + --sp]; w[sb + sp] = 0; pc = v === 0 ? code[pc + 1] : pc + 2; continue;
      case 31 /* JNZ */: v = w[sb + --sp]; w[sb + sp] = 0; pc = v !== 0 ? code[pc + 1] : pc + 2; continue;
      case 32 /* CALL */: {
        const fn = fns[code[pc + 1]];
        const nfp = sp - code[pc + 2];
        if (nfp + fn.nlocals + FRAME_HEADER + fn.maxStack > limit) { m.faultPc = pc; m.bug(`kernel stack overflow calling ${fn.name} (recursion too deep)`); break; }
        sp = nfp + fn.nlocals;
        w[sb + sp] = pc + 3;
        w[sb + sp + 1] = fp;
        sp += FRAME_HEADER;
        fp = nfp;
        pc = fn.entry;
        continue;
      }
      case 33 /* RET */: {
        v = w[sb + --sp];
        const fn = fns[m.program.fnAt[pc]];
        const h = sb + fp + fn.nlocals;
        const retPc = w[h];
        const savedFp = w[h + 1];
        // a task that returns holding a lock is a bug (lockdep: "lock held when returning to
        // user space!"; a kernel thread: "is exiting with locks still held!"); checked before
        // the frame is cleared, so the trace still shows where the task stood
        if (retPc < 0 && holdsAny(m, w, t)) {
          const held = locksHeld(m, w, t).join(', ');
          sp++; // the return value back on the stack: the failing step leaves the task as it was
          m.faultPc = pc;
          m.bug(m.taskMm[t] < 0 ? `${m.taskNames[t]} is exiting with locks still held: ${held}` : `lock held when returning to user space: ${held}`);
          break;
        }
        for (let k = sb + fp; k <= sb + sp; k++) w[k] = 0;
        sp = fp;
        if (retPc < 0) {
          w[tb + T_STATUS] = TASK_DONE;
          w[tb + T_RET] = v;
          pc = 0; fp = 0; sp = 0;
          retireCpu(m, w, t);
          break;
        }
        w[sb + sp++] = v;
        fp = savedFp;
        pc = retPc;
        continue;
      }
      case 34 /* CALLB */: {
        const bi = m.builtins[code[pc + 1]];
        const n = code[pc + 2];
        const a = sb + sp - n;
        // A sleeping call in atomic context is the kernel's might_sleep() splat, which comes
        // before the call could wait (lock_page() calls might_sleep() first), so it is checked
        // before blocks(); taskEnabled() schedules such a task for the same reason.
        if (bi.sleeps && (w[tb + T_PFDIS] | w[tb + T_IRQ] | w[tb + T_PREEMPT] | w[tb + T_SPINS]) !== 0 && sleepsNow(bi, m, w, t, a)) {
          m.faultPc = pc;
          if (m.record) record(m, pc, bi.name, argsOf(m, w, a, n));
          m.bug(`sleeping function called from invalid context: ${bi.name}() ${atomicCause(m, w, t)}`);
          break;
        }
        if (bi.readsOtherTasks) m.crossTask = true; // declared: this step reads another task (builtin.ts)
        if (bi.blocks && bi.blocks(m, w, t, a)) { m.status = S_BLOCKED; break; }
        if (m.record && bi.visible) record(m, pc, bi.name, argsOf(m, w, a, n));
        v = bi.run(m, w, t, a);
        if (m.status !== S_OK) { m.faultPc = pc; break; }
        if (m.record && bi.visible && m.record.result === undefined) m.record.result = render(m, v);
        for (let k = 0; k < n; k++) w[a + k] = 0;
        sp -= n;
        w[sb + sp++] = v;
        pc += 3;
        continue;
      }
      case 35 /* FIELD */: {
        const f = m.fields[code[pc + 1]];
        b = w[sb + sp - 1];
        if (b === 0) { m.faultPc = pc; m.bug(`NULL pointer dereference reading ->${f.name}`); break; }
        if (m.record && !f.stable) record(m, pc, `->${f.name}`, [render(m, b)]);
        v = f.get(m, w, b, t);
        if (m.status !== S_OK) { m.faultPc = pc; break; }
        if (m.record && !f.stable) m.record.result = render(m, v);
        w[sb + sp - 1] = v;
        pc += 2;
        continue;
      }
      case 36 /* SETFIELD */: {
        const f = m.fields[code[pc + 1]];
        v = w[sb + sp - 1];
        b = w[sb + sp - 2];
        if (b === 0) { m.faultPc = pc; m.bug(`NULL pointer dereference writing ->${f.name}`); break; }
        if (m.record) record(m, pc, `->${f.name} =`, [render(m, b), render(m, v)]);
        f.set!(m, w, b, v, t);
        if (m.status !== S_OK) { m.faultPc = pc; break; }
        w[sb + --sp] = 0;
        w[sb + --sp] = 0;
        pc += 2;
        continue;
      }
      case 37 /* ADDRF */: {
        const f = m.fields[code[pc + 1]];
        b = w[sb + sp - 1];
        if (b === 0) { m.faultPc = pc; m.bug(`NULL pointer dereference taking &->${f.name}`); break; }
        v = f.address!(m, w, b, t);
        if (m.status !== S_OK) { m.faultPc = pc; break; }
        w[sb + sp - 1] = v;
        pc += 2;
        continue;
      }
      case 38 /* CURRENT */: w[sb + sp++] = handle(Kind.TASK, t); pc += 1; continue;
      case 39 /* BUG */:
        v = w[sb + --sp];
        w[sb + sp] = 0;
        if (m.record) record(m, pc, 'BUG_ON', [String(v)]);
        if (v !== 0) { m.faultPc = pc; m.bug(`kernel BUG at line ${m.program.lines[pc]}`); break; }
        pc += 1;
        continue;
      case 40 /* WARN */:
        v = w[sb + sp - 1] !== 0 ? 1 : 0;
        w[sb + sp - 1] = v;
        if (m.record) record(m, pc, 'WARN_ON', [String(v)]);
        if (v !== 0) { m.faultPc = pc; m.bug(`WARNING at line ${m.program.lines[pc]}`); break; }
        pc += 1;
        continue;
      default:
        throw new Error(`bad opcode ${op} at ${pc}`);
    }
    break;
  }
  w[tb + T_PC] = pc;
  w[tb + T_FP] = fp;
  w[tb + T_SP] = sp;
  return m.status;
}

/** why `*p` faults: NULL, not a pointer to a shared word, or one past the scenario's words */
function badDeref(m: Machine, b: number): string {
  if (b === 0) return 'NULL pointer dereference';
  return (b >>> 16) === K_WORD ? `'*' on ${describeValue(m.layout, b)}` : `'*' on something that is not a pointer to a shared variable`;
}

/** tell the memory system when the last task of a CPU has finished */
function retireCpu(m: Machine, w: Int32Array, t: number) {
  if (!m.memory.retire) return;
  m.crossTask = true; // the exit of a task reads whether the other tasks of its CPU have finished
  const cpu = m.taskCpu[t];
  for (let u = 0; u < m.layout.nTasks; u++) {
    if (u !== t && m.taskCpu[u] === cpu && w[(m.layout.taskBase + u * m.layout.taskWords) + T_STATUS] !== TASK_DONE) return;
  }
  m.memory.retire(w, m.layout.memBase, m.layout.mem, cpu);
}

function record(m: Machine, pc: number, op: string, args: string[]) {
  const r = m.record!;
  r.pc = pc;
  r.op = op;
  r.args = args;
  r.result = undefined;
}

function argsOf(m: Machine, w: Int32Array, a: number, n: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(render(m, w[a + k]));
  return out;
}

function globalName(m: Machine, addr: number): string {
  return m.program.globals[addr]?.name ?? pageWordName(m, addr) ?? `word ${addr}`;
}

/** a value as a person reads it: objects by name, integers as numbers */
export function render(m: Machine, v: number): string {
  const kind = v >>> 16;
  const i = v & 0xffff;
  const L = m.layout;
  switch (kind) {
    case Kind.PAGE: return L.pageNames[i] ?? `page ${i}`;
    case Kind.FILE: return L.files[i]?.name ?? `file ${i}`;
    case Kind.MM: return L.mms[i]?.name ?? `mm ${i}`;
    case Kind.VMA: return `vma ${L.vmas[i]?.name ?? i}`;
    case Kind.TASK: return m.taskNames[i] ?? `task ${i}`;
    case Kind.LOCK: return L.locks[i]?.name ?? `lock ${i}`;
    case Kind.WORD: return `&${globalName(m, i)}`;
  }
  // user addresses read better in hex
  if (v >= L.pageSize && L.vmas.some((x) => v >= x.start && v < x.end)) return `0x${v.toString(16)}`;
  return String(v);
}
