// What the search reads of a machine besides its steps: whether a task can run now, and where the
// shared words' parts start (the state store cuts its blocks there, visited.ts).
import { inAtomic } from '../kernel/context.js';
import { T_STATUS, TASK_DONE } from '../kernel/layout.js';
import { pendingArgs, pendingBuiltin, sleepsNow, type Machine } from '../kernel/machine.js';

/** can task t run from state w without sleeping at once? */
export function taskEnabled(m: Machine, w: Int32Array, t: number): boolean {
  if (w[(m.layout.taskBase + t * m.layout.taskWords) + T_STATUS] === TASK_DONE) return false;
  const b = pendingBuiltin(m, w, t);
  if (b < 0) return true;
  const bi = m.builtins[b];
  // a sleeping call in atomic context runs (and fails) whether or not it would wait: vm.ts
  if (bi.sleeps && inAtomic(m, w, t) && sleepsNow(bi, m, w, t, pendingArgs(m, w, t))) return true;
  return !(bi.blocks && bi.blocks(m, w, t, pendingArgs(m, w, t)));
}

/** where the parts of a world below the tasks start: the memory system's, each page, file, mm, and the VMAs and locks */
export function sharedParts(m: Machine): { at: number; cpu: number }[] {
  const L = m.layout;
  const common = (at: number) => ({ at, cpu: -1 });
  return [
    ...m.memory.parts(L.mem).map((p) => ({ at: L.memBase + p.at, cpu: p.cpu })),
    ...Array.from({ length: L.nPages }, (_, p) => common(L.pageBase + p * L.pageWords)),
    ...L.files.map((f) => common(f.base)), ...L.mms.map((mm) => common(mm.base)), common(L.vmaBase), common(L.lockBase),
  ].sort((a, b) => a.at - b.at);
}
