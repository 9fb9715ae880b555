// The wait-for cycle of a deadlock: each sleeping task points at the tasks holding what it
// waits for; a cycle among them is named edge by edge (task, what it holds, what it wants).
// A task waiting for a lock it holds itself is a cycle of one.
import type { WaitEdge } from '../api.js';
import type { Resource } from '../kernel/builtin.js';
import type { Machine } from '../kernel/machine.js';
import { waitOf } from '../kernel/snapshot.js';

const baseName = (r: Resource) => r.name.replace(/ \((read|write)\)$/, '');

export function waitForCycle(m: Machine, w: Int32Array): WaitEdge[] | null {
  const n = m.layout.nTasks;
  const waits: (Resource | null)[] = [];
  for (let t = 0; t < n; t++) waits.push(waitOf(m, w, t));
  for (let start = 0; start < n; start++) {
    const path: number[] = [];
    const cycle = dfs(start, path, new Set());
    if (cycle) {
      return cycle.map((t, i) => {
        const prev = cycle[(i - 1 + cycle.length) % cycle.length];
        return { task: m.taskNames[t], holds: baseName(waits[prev]!), wants: waits[t]!.name };
      });
    }
  }
  return null;

  function dfs(t: number, path: number[], seen: Set<number>): number[] | null {
    const at = path.indexOf(t);
    if (at >= 0) return path.slice(at);
    if (seen.has(t) || !waits[t]) return null;
    seen.add(t);
    path.push(t);
    for (const h of waits[t]!.holders) {
      const c = dfs(h, path, seen);
      if (c) return c;
    }
    path.pop();
    return null;
  }
}

export function describeCycle(cycle: WaitEdge[]): string {
  if (cycle.length === 1) return `${cycle[0].task} waits for ${cycle[0].wants}, which it holds itself`;
  return cycle.map((e) => `${e.task} holds ${e.holds} and waits for ${e.wants}`).join('; ');
}

/** a deadlock without a cycle: who sleeps on what */
export function describeSleepers(m: Machine, w: Int32Array): string {
  const parts: string[] = [];
  for (let t = 0; t < m.layout.nTasks; t++) {
    const r = waitOf(m, w, t);
    if (!r) continue;
    const holders = r.holders.map((h) => m.taskNames[h]);
    parts.push(`${m.taskNames[t]} waits for ${r.name}${holders.length ? ` (held by ${holders.join(', ')})` : ''}`);
  }
  return parts.length ? parts.join('; ') : 'no task can run';
}
