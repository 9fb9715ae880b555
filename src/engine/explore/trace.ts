// Traces are rebuilt by replaying a schedule from the initial world with the recorder on:
// the search stores only parent links, and a schedule is small data that replays the same run.
import { TASK_ENTRY_PREFIX } from '../lang/compiler.js';
import type { Actor, StackFrame, Trace, TraceStep } from '../api.js';
import type { InternalStep } from '../memory/model.js';
import { T_FP, T_HDR, T_PC, T_STATUS, taskAt, TASK_DONE } from '../kernel/layout.js';
import { Status, type Machine, type StepRecord } from '../kernel/machine.js';
import { render } from '../kernel/vm.js';
import { snapshot, waitOf } from '../kernel/snapshot.js';
import { pendingArgs, pendingBuiltin } from '../kernel/machine.js';
import { runTask } from '../kernel/vm.js';

export const isWrapper = (name: string) => name.startsWith(TASK_ENTRY_PREFIX);

/** the call stack of task t, innermost frame first */
export function stackOf(m: Machine, w: Int32Array, t: number): StackFrame[] {
  const tb = taskAt(m.layout, t);
  if (w[tb + T_STATUS] === TASK_DONE) return [];
  const sb = tb + T_HDR;
  const out: StackFrame[] = [];
  let pc = w[tb + T_PC];
  let fp = w[tb + T_FP];
  for (let depth = 0; depth < 64; depth++) {
    const fn = m.program.functions[m.program.fnAt[pc]];
    if (!isWrapper(fn.name)) out.push({ fn: fn.name, line: m.program.lines[pc], source: fn.source });
    const h = sb + fp + fn.nlocals;
    const retPc = w[h];
    if (retPc < 0) break;
    pc = retPc - 3;
    fp = w[h + 1];
  }
  return out;
}

export function actorsOf(m: Machine): Actor[] {
  const actors: Actor[] = m.taskNames.map((name, t) => ({ name, kind: m.spec.tasks[t]?.device ? 'device' : 'task', cpu: m.taskCpu[t] }));
  if (m.memory.model !== 'sc') for (let c = 0; c < m.layout.mem.cpus; c++) actors.push({ name: `buffer ${c}`, kind: 'buffer', cpu: c });
  return actors;
}

export interface Replay { trace: Trace; final: Int32Array; status: Status; message: string; faultTask: number }

/** replay `choices` from `initial`, recording a trace step per transition */
export function replay(m: Machine, initial: Int32Array, choices: number[]): Replay {
  const w = initial.slice();
  const nTasks = m.layout.nTasks;
  const trace: Trace = { actors: actorsOf(m), initial: snapshot(m, w), steps: [], schedule: [] };
  const internal: InternalStep[] = [];
  let lastActor = -1;
  let status = Status.OK;
  let message = '';
  let faultTask = -1;
  for (const choice of choices) {
    let step: TraceStep;
    if (choice < nTasks) {
      const stack = stackOf(m, w, choice);
      const rec: StepRecord = { pc: -1, op: '', args: [] };
      m.record = rec;
      status = runTask(m, w, choice);
      m.record = null;
      step = {
        actor: choice, op: rec.op || 'return', args: rec.args, stack, switched: lastActor >= 0 && lastActor !== choice, world: snapshot(m, w),
      };
      if (rec.result !== undefined) step.result = rec.result;
      if (w[taskAt(m.layout, choice) + T_STATUS] === TASK_DONE) step.note = 'returns';
      if (status !== Status.OK) {
        message = m.message; faultTask = choice; step.note = m.message;
        // a fault in the code after the scheduling point (might_sleep(), a division by zero, a
        // return with a lock held) happened where the task stopped, not where the step began
        const at = stackOf(m, w, choice);
        if (at.length) step.stack = at;
      }
      lastActor = choice;
    } else {
      internal.length = 0;
      m.memory.internalSteps(w, m.layout.memBase, m.layout.mem, internal);
      const s = internal[choice - nTasks];
      const args = m.memory.describeInternal(w, m.layout.memBase, m.layout.mem, s, m.program.globals.map((g) => g.name));
      m.memory.applyInternal(w, m.layout.memBase, m.layout.mem, s);
      const actor = nTasks + s.cpu;
      step = { actor, op: s.kind, args, stack: [], switched: lastActor >= 0 && lastActor !== actor, world: snapshot(m, w) };
      lastActor = actor;
    }
    trace.steps.push(step);
    trace.schedule.push(choice);
    if (status !== Status.OK) break;
  }
  return { trace, final: w, status, message, faultTask };
}

/** at a deadlock: one closing step per sleeping task, showing the call it sleeps in */
export function appendSleeps(m: Machine, r: Replay) {
  const w = r.final;
  let last = r.trace.steps.length ? r.trace.steps[r.trace.steps.length - 1].actor : -1;
  const world = snapshot(m, w);
  for (let t = 0; t < m.layout.nTasks; t++) {
    const wait = waitOf(m, w, t);
    if (!wait) continue;
    const b = pendingBuiltin(m, w, t);
    const a = pendingArgs(m, w, t);
    const args: string[] = [];
    for (let k = 0; k < m.builtins[b].nargs; k++) args.push(render(m, w[a + k]));
    const holders = wait.holders.map((h) => m.taskNames[h]).join(', ');
    r.trace.steps.push({
      actor: t, op: m.builtins[b].name, args, stack: stackOf(m, w, t), blocked: true, switched: last >= 0 && last !== t,
      note: `sleeps: ${wait.name}${holders ? ` is held by ${holders}` : ''}`, world,
    });
    last = t;
  }
}
