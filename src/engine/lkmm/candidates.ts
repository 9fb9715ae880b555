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

// counts, not time, so a verdict never depends on the machine; about a minute of judging at most
export const DEFAULT_LIMITS: Limits = { runsPerThread: 4096, candidates: 300_000 };

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

/**
 * coherence (po-loc | rf | co | fr acyclic) and atomicity (no external write between an RMW's
 * read and write) on one location's events: what model.ts checks first, done early to prune
 */
function locationConsistent(sk: Skeleton, rfPairs: [number, number][], order: number[]): boolean {
  const pos = new Map(order.map((w, i) => [w, i]));
  const src = new Map(rfPairs.map(([w, r]) => [r, w]));
  const ev = sk.events;
  // po-loc between accesses of this location, in one thread: a later access must not see an older write
  const seen = new Map<number, number>(); // thread → co position of the newest write it has seen or made
  const reads = [...src.keys()];
  const accesses = [...new Set([...reads, ...order.filter((w) => ev[w].thread >= 0)])].sort((a, b) => a - b);
  for (const e of accesses) {
    const t = ev[e].thread;
    const at = ev[e].kind === 'W' ? pos.get(e)! : pos.get(src.get(e)!)!;
    const before = seen.get(t);
    // a read of an older write than one its thread already saw or made, or a write co-before one its thread saw
    if (before !== undefined && (ev[e].kind === 'W' ? at <= before : at < before)) return false;
    seen.set(t, at);
  }
  // atomicity: an RMW's write comes right after the write its read read from (nothing external between)
  for (const [r, w] of sk.rmw.edges()) {
    if (!pos.has(w)) continue;
    const from = src.get(r);
    if (from === undefined) return false;
    for (let k = pos.get(from)! + 1; k < pos.get(w)!; k++) if (ev[order[k]].thread !== ev[r].thread) return false;
  }
  return true;
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
    // coherence and atomicity concern one location at a time: each location's (rf, co) choices
    // are filtered on their own first, then combined
    const perLoc: { rf: [number, number][]; co: number[] }[][] = [];
    let dead = false;
    for (const loc of sk.initOf.keys()) {
      const reads = events.filter((e) => e.kind === 'R' && e.loc === loc);
      // each read's possible sources: same location and value, not po-after it
      const sources = reads.map((r) => events.filter((w) => w.kind === 'W' && w.loc === loc && w.value === r.value && !po.has(r.id, w.id)).map((w) => w.id));
      const ok: { rf: [number, number][]; co: number[] }[] = [];
      for (const order of coOrders(sk, loc)) {
        for (const choice of product(sources)) {
          const rf = choice.map((w, k) => [w, reads[k].id] as [number, number]);
          if (locationConsistent(sk, rf, order)) ok.push({ rf, co: order });
        }
      }
      if (ok.length === 0) { dead = true; break; }
      perLoc.push(ok);
    }
    if (dead) continue;
    for (const choice of product(perLoc)) {
      const rf = new Rel(n);
      const co = new Rel(n);
      for (const c of choice) {
        for (const [w, r] of c.rf) rf.add(w, r);
        for (let i = 0; i < c.co.length; i++) for (let j = i + 1; j < c.co.length; j++) co.add(c.co[i], c.co[j]);
      }
      if (++count > limits.candidates) throw new LitmusError('budget', `more than ${limits.candidates} candidate executions`);
      if (!visit({ sk, rf, co })) return { runs, count };
    }
  }
  return { runs, count };
}
