// Costs on an uncontended run: the tasks one after another, each to completion, counting what
// the threads argued about (mmap_sem acquisitions, page-table walks, page locks, allocations,
// bytes copied, faults).
import type { Costs } from '../api.js';
import { T_STATUS, taskAt, TASK_DONE } from '../kernel/layout.js';
import { Status, type Machine } from '../kernel/machine.js';
import { runTask } from '../kernel/vm.js';
import { taskEnabled } from '../explore/index.js';

export const emptyCosts = (): Costs => ({ mmap_sem: 0, pageTableWalks: 0, pageLocks: 0, pagesAllocated: 0, bytesCopied: 0, faults: 0 });

/** run the tasks serially from `initial`; the choices taken and the costs counted */
export function serialRun(m: Machine, initial: Int32Array): { choices: number[]; costs: Costs; completed: boolean } {
  const w = initial.slice();
  const costs = emptyCosts();
  const choices: number[] = [];
  m.costs = costs;
  let completed = true;
  try {
    for (let t = 0; t < m.layout.nTasks; t++) {
      while (w[taskAt(m.layout, t) + T_STATUS] !== TASK_DONE) {
        if (!taskEnabled(m, w, t) || choices.length > 10000) { completed = false; break; }
        choices.push(t);
        if (runTask(m, w, t) !== Status.OK) { completed = false; break; }
      }
      if (!completed) break;
    }
  } finally {
    m.costs = null;
  }
  return { choices, costs, completed };
}
