// The serial-order oracle: after all tasks finish and `sync` runs, each file on disk must hold
// what some serial order of the same tasks (one after another, each to completion) leaves.
import { F_SIZE, fileDisk, T_STATUS, taskAt, TASK_DONE } from '../kernel/layout.js';
import { Status, type Machine } from '../kernel/machine.js';
import { runTask } from '../kernel/vm.js';
import { taskEnabled } from '../explore/index.js';
import { startTask } from '../kernel/vm.js';

/** run task t alone until it finishes; false if it sleeps forever or fails */
export function runToEnd(m: Machine, w: Int32Array, t: number): boolean {
  for (let guard = 0; guard < 100000; guard++) {
    if (w[taskAt(m.layout, t) + T_STATUS] === TASK_DONE) return true;
    if (!taskEnabled(m, w, t)) return false;
    if (runTask(m, w, t) !== Status.OK) return false;
  }
  return false;
}

/** run the hidden sync task (if the scenario has one); false if it failed */
export function runSync(m: Machine, w: Int32Array): boolean {
  const s = m.layout.nTasks;
  if (m.roots.length <= s) return true;
  startTask(m, w, s);
  if (runTask(m, w, s, true) !== Status.OK) return false;
  return runToEnd(m, w, s);
}

/** the disk as text: each file's i_size and bytes */
export function diskSignature(m: Machine, w: Int32Array): string {
  const L = m.layout;
  return L.files.map((f, i) => {
    const size = w[f.base + F_SIZE];
    let s = '';
    for (let k = 0; k < size; k++) s += String.fromCharCode(w[fileDisk(L, i) + k] & 0xff);
    return `${f.name}=${JSON.stringify(s)}`;
  }).join(' ');
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  return out;
}

/** disk signatures of every serial order that completes (at most 5 tasks: 120 orders) */
export function serialSignatures(m: Machine, initial: Int32Array): Set<string> {
  const out = new Set<string>();
  const n = Math.min(m.layout.nTasks, 5);
  for (const order of permutations(n)) {
    const w = initial.slice();
    if (order.every((t) => runToEnd(m, w, t)) && runSync(m, w)) out.add(diskSignature(m, w));
  }
  return out;
}
