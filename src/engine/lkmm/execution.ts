// A candidate execution: the events of one run per thread plus the initial writes, with the
// relations that do not depend on which write each read reads from (po, int/ext, loc, rmw, the
// raw dependencies, rcu-rscs), and the two that do (rf, co), filled in by candidates.ts.
import { Rel, setOf, type EvSet } from './rel.js';
import type { Ev, Tag } from './events.js';
import type { ThreadRun } from './threads.js';
import type { Value } from '../litmus/index.js';

export interface Skeleton {
  n: number;
  events: Ev[];
  runs: ThreadRun[];
  po: Rel;
  int: Rel;
  ext: Rel;
  loc: Rel;
  /** atomic RMW pairs and lock.cat's lk-rmw (LKR → LKW of one spin_lock) */
  rmw: Rel;
  /** events of atomic read-modify-write instructions (the bell's RMW set; locks are not in it) */
  RMW: EvSet;
  addr: Rel;
  data: Rel;
  ctrl: Rel;
  /** matched rcu_read_lock → rcu_read_unlock pairs (linux-kernel.bell's rcu-rscs) */
  rcuRscs: Rel;
  /** Rcu-lock/unlock events left unmatched (the bell's unbalanced-rcu-locking flag) */
  rcuUnbalanced: boolean;
  /** lock.cat's critical: each LKW to the UL that closes its critical section */
  critical: Rel;
  /** the event ids of each tag */
  tagged: (t: Tag) => EvSet;
  /** the initial write of each location */
  initOf: Map<string, number>;
}

export interface Candidate {
  sk: Skeleton;
  rf: Rel;
  co: Rel;
}

export function skeleton(runs: ThreadRun[], inits: { name: string; init: Value }[]): Skeleton {
  const events: Ev[] = [];
  const initOf = new Map<string, number>();
  for (const l of inits) {
    initOf.set(l.name, events.length);
    events.push({ id: events.length, thread: -1, kind: 'W', tags: new Set(['IW']), loc: l.name, value: l.init, call: 'init', line: 0 });
  }
  const base: number[] = [];
  for (const r of runs) {
    base.push(events.length);
    for (const e of r.events) events.push({ id: events.length, thread: r.thread, kind: e.kind, tags: e.tags, loc: e.loc, value: e.value, call: e.call, line: e.line });
  }
  const n = events.length;
  const po = new Rel(n);
  const int = new Rel(n);
  const loc = new Rel(n);
  const rmw = new Rel(n);
  const addr = new Rel(n);
  const data = new Rel(n);
  const ctrl = new Rel(n);
  const rcuRscs = new Rel(n);
  let rcuUnbalanced = false;
  const rmwEvents: number[] = [];
  runs.forEach((r, k) => {
    const b = base[k];
    for (let i = 0; i < r.events.length; i++) {
      for (let j = 0; j < r.events.length; j++) {
        int.add(b + i, b + j);
        if (i < j) po.add(b + i, b + j);
      }
    }
    for (const [x, y] of r.rmw) {
      rmw.add(b + x, b + y);
      if (!r.events[x].tags.has('LKR')) rmwEvents.push(b + x, b + y);
    }
    for (const [x, y] of r.addr) addr.add(b + x, b + y);
    for (const [x, y] of r.data) data.add(b + x, b + y);
    for (const [x, y] of r.ctrl) ctrl.add(b + x, b + y);
    // nested rcu_read_lock/unlock pairs match innermost first, as the bell's recursion does
    const open: number[] = [];
    r.events.forEach((e, i) => {
      if (e.tags.has('Rcu-lock')) open.push(b + i);
      else if (e.tags.has('Rcu-unlock')) {
        const l = open.pop();
        if (l === undefined) rcuUnbalanced = true; else rcuRscs.add(l, b + i);
      }
    });
    if (open.length > 0) rcuUnbalanced = true;
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (events[i].loc !== null && events[i].loc === events[j].loc) loc.add(i, j);
  }
  const ext = Rel.cross(n, setOf(n, () => true), setOf(n, () => true)).minus(int);
  const cache = new Map<Tag, EvSet>();
  const tagged = (t: Tag): EvSet => {
    let s = cache.get(t);
    if (!s) { s = setOf(n, (i) => events[i].tags.has(t)); cache.set(t, s); }
    return s;
  };
  // critical = ([LKW] ; po-loc ; [UL]) \ (po-loc ; [LKW | UL] ; po-loc)
  const poLoc = po.inter(loc);
  const lockish = setOf(n, (i) => events[i].tags.has('LKW') || events[i].tags.has('UL'));
  const critical = poLoc.restrict(tagged('LKW'), tagged('UL')).minus(poLoc.restrict(null, lockish).seq(poLoc));
  return {
    n, events, runs, po, int, ext, loc, rmw, RMW: setOf(n, (i) => rmwEvents.includes(i)), addr, data, ctrl,
    rcuRscs, rcuUnbalanced, critical, tagged, initOf,
  };
}
