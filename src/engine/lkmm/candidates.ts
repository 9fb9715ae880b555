// Every candidate execution of a litmus test: one run per thread (threads.ts), then every rf (each
// read from a write to its location of the value it read) and every co (a total order of each
// location's writes after its initial write; lock.cat's order for spin locks: each critical
// section's LKW then its UL, the one unmatched LKW last).
import { LitmusError, type LitmusTest } from '../litmus/index.js';
import { Rel } from './rel.js';
import { skeleton, type Candidate, type Skeleton } from './execution.js';
import { threadRuns, valueDomains, type ThreadRun } from './threads.js';

export interface Limits {
  /** ways one thread may run */
  runsPerThread: number;
  /** candidate executions in all */
  candidates: number;
}

export const DEFAULT_LIMITS: Limits = { runsPerThread: 4096, candidates: 2_000_000 };

function* product<T>(lists: T[][]): Generator<T[]> {
  const idx = lists.map(() => 0);
  if (lists.some((l) => l.length === 0)) return;
  for (;;) {
    yield idx.map((i, k) => lists[k][i]);
    let k = lists.length - 1;
    while (k >= 0 && idx[k] === lists[k].length - 1) idx[k--] = 0;
    if (k < 0) return;
    idx[k]++;
  }
}

function* permutations<T>(xs: T[]): Generator<T[]> {
  if (xs.length <= 1) { yield xs; return; }
  for (let i = 0; i < xs.length; i++) {
    for (const rest of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) yield [xs[i], ...rest];
  }
}

/** the co orders of one location's writes, as lists of event ids (initial write first) */
function coOrders(sk: Skeleton, loc: string): number[][] {
  const init = sk.initOf.get(loc)!;
  const writes = sk.events.filter((e) => e.kind === 'W' && e.loc === loc && e.thread >= 0).map((e) => e.id);
  // blocks: a critical section's LKW and UL stay together; an unmatched LKW must come last
  const closes = new Map(sk.critical.edges());
  const inBlock = new Set(closes.values());
  const blocks: number[][] = [];
  const last: number[][] = [];
  for (const w of writes) {
    if (inBlock.has(w)) continue;
    const ul = closes.get(w);
    if (ul !== undefined) blocks.push([w, ul]);
    else if (sk.events[w].tags.has('LKW')) last.push([w]);
    else blocks.push([w]);
  }
  // two critical sections of one lock never closed: they cannot both have been entered (unmatched-locks)
  if (last.length > 1) return [];
  const out: number[][] = [];
  for (const p of permutations(blocks)) out.push([init, ...p.flat(), ...last.flat()]);
  return out;
}

export interface Enumeration {
  runs: ThreadRun[][];
  /** candidate executions visited */
  count: number;
}

/**
 * Call `visit` with every candidate execution; it returns false to stop. Throws LitmusError
 * 'budget' past `limits`.
 */
export function forEachCandidate(test: LitmusTest, limits: Limits, visit: (x: Candidate) => boolean): Enumeration {
  const domain = valueDomains(test, limits.runsPerThread);
  const runs = test.threads.map((t) => threadRuns(test, t, domain, limits.runsPerThread));
  const inits = [...test.locations, ...test.locks.map((name) => ({ name, init: 0 })), ...test.srcus.map((name) => ({ name, init: 0 }))];
  let count = 0;
  for (const combo of product(runs)) {
    const sk = skeleton(combo, inits);
    const { events, n, po } = sk;
    const reads = events.filter((e) => e.kind === 'R');
    // each read's possible sources: same location and value, not po-after it, not its own rmw write
    const sources = reads.map((r) => events.filter((w) => w.kind === 'W' && w.loc === r.loc && w.value === r.value && !po.has(r.id, w.id) && w.id !== r.id).map((w) => w.id));
    if (sources.some((s) => s.length === 0)) continue;
    const locs = [...sk.initOf.keys()];
    const orders = locs.map((l) => coOrders(sk, l));
    for (const rfChoice of product(sources)) {
      const rf = new Rel(n);
      rfChoice.forEach((w, k) => rf.add(w, reads[k].id));
      for (const coChoice of product(orders)) {
        const co = new Rel(n);
        for (const order of coChoice) for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) co.add(order[i], order[j]);
        if (++count > limits.candidates) throw new LitmusError('budget', `more than ${limits.candidates} candidate executions`);
        if (!visit({ sk, rf, co })) return { runs, count };
      }
    }
  }
  return { runs, count };
}
