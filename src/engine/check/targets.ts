// Everything the search found wrong, as targets for a counterexample: bad transitions (bug,
// oracle failure, step budget), deadlocked states, final states that fail the serial-order
// oracle, and states from which no end can be reached (livelock).
import type { Verdict } from '../api.js';
import type { SearchGraph } from '../explore/index.js';
import { Status, type Machine } from '../kernel/machine.js';
import { diskSignature, runSync, serialSignatures } from './serial.js';
import { stuckStates } from './livelock.js';

export interface Target {
  verdict: Verdict | 'budget';
  /** a state number, or -(bad transition + 1) */
  node: number;
  message?: string;
}

export const RANK: Record<string, number> = { budget: 0, bug: 1, deadlock: 2, corruption: 3, livelock: 4 };

export function findTargets(m: Machine, initial: Int32Array, g: SearchGraph): { targets: Target[]; stuck: Uint8Array | null } {
  const targets: Target[] = [];
  g.bad.forEach((b, i) => {
    const verdict = b.status === Status.BUG ? 'bug' : b.status === Status.CORRUPT ? 'corruption' : 'budget';
    targets.push({ verdict, node: -(i + 1), ...(b.message ? { message: b.message } : {}) });
  });
  for (const s of g.deadlocks) targets.push({ verdict: 'deadlock', node: s });
  if (m.spec.serialCheck && g.finals.length) {
    const serial = serialSignatures(m, initial);
    const w = new Int32Array(initial.length);
    for (const s of g.finals) {
      g.store.load(s, w);
      if (!runSync(m, w)) continue;
      const sig = diskSignature(m, w);
      if (!serial.has(sig)) {
        const orders = [...serial].slice(0, 3).join(' | ') || 'none completes';
        targets.push({ verdict: 'corruption', node: s, message: `after every task and sync, the disk holds ${sig}, which no serial order of the tasks leaves (serial orders: ${orders})` });
      }
    }
  }
  let stuck: Uint8Array | null = null;
  if (!targets.length) {
    stuck = stuckStates(g);
    if (stuck) for (let s = 0; s < stuck.length; s++) if (stuck[s]) targets.push({ verdict: 'livelock', node: s });
  }
  return { targets, stuck };
}
