// The Linux-kernel memory model (tools/memory-model: linux-kernel.cat, linux-kernel.bell,
// lock.cat) applied to one candidate execution. Each `let` of the cat files is a constant here
// under the same name (camel-cased: po-rel is poRel), in the files' order, so the two can be read
// side by side. The axioms are checked in the cat's order; a candidate is consistent when every
// one holds. Our own TypeScript over bit-matrix relations (rel.ts), not a cat interpreter.
import { Rel, setInter, setMinus, setOf, setUnion } from './rel.js';
import type { Candidate, Skeleton } from './execution.js';
import type { Fence } from './events.js';

export type Axiom = 'coherence' | 'atomic' | 'happens-before' | 'propagation' | 'rcu' | 'plain-coherence' | 'lock-nest';
export const AXIOMS: Axiom[] = ['coherence', 'atomic', 'happens-before', 'propagation', 'rcu', 'plain-coherence', 'lock-nest'];

/** one step of a relation that is a sequence, for explaining an edge of it */
export type Step = { name: string; rel: Rel };

export interface Judgement {
  /** the first axiom that fails, or null: the execution is allowed */
  failed: Axiom | null;
  /** the failing axiom's relation, as a union of named sequences (to explain its cycle) */
  culprit: { rel: Rel; parts: { name: string; steps: Step[] }[] } | null;
  /** herd flags raised by an allowed execution: data-race, mixed-accesses, … */
  flags: string[];
}

/**
 * `loadsBeforeStores`: judge under LKMM strengthened so that every load is ordered before its
 * CPU's later stores ([R] ; po ; [W] added to ppo), i.e. LKMM without load buffering. Used to
 * say why an operational model that never buffers loads cannot reach a state.
 */
/** what depends only on the events (not on rf or co) is computed once per skeleton */
const statics = new WeakMap<Skeleton, Map<string, unknown>>();
function memo(sk: Skeleton): <T>(name: string, f: () => T) => T {
  let m = statics.get(sk);
  if (!m) { m = new Map(); statics.set(sk, m); }
  const cache = m;
  return <T>(name: string, f: () => T): T => {
    if (!cache.has(name)) cache.set(name, f());
    return cache.get(name) as T;
  };
}

export function judgeCandidate(x: Candidate, opts: { loadsBeforeStores?: boolean } = {}): Judgement {
  const { sk, rf } = x;
  const { n, events, po, int, ext, loc, rmw } = sk;
  const tag = sk.tagged;
  const once = memo(sk);
  const all = once('all', () => setOf(n, () => true));
  const set = (pred: (i: number) => boolean) => setOf(n, pred);
  const fail = (failed: Axiom, rel: Rel, parts: { name: string; steps: Step[] }[]): Judgement => ({ failed, culprit: { rel, parts }, flags: [] });
  const one = (name: string, rel: Rel): { name: string; steps: Step[] } => ({ name, steps: [{ name, rel }] });

  // ---- lock.cat: lock writes and unlocks are in co (candidates.ts orders them); rf, co, fr
  const co = x.co;
  const R = once('R', () => set((i) => events[i].kind === 'R'));
  const W = once('W', () => set((i) => events[i].kind === 'W'));
  const M = setUnion(R, W);
  const IW = tag('IW');
  const fr = rf.inv().seq(co);
  const rfe = rf.inter(ext);
  const rfi = rf.inter(int);
  const coe = co.inter(ext);
  const fre = fr.inter(ext);
  const poLoc = once('po-loc', () => po.inter(loc));
  const Acquire = setUnion(tag('Acquire'), tag('LKR'));
  const Release = setUnion(tag('Release'), tag('UL'));
  const Noreturn = tag('Noreturn');
  const RMW = sk.RMW;
  const Marked = once('Marked', () => setUnion(setMinus(all, M), IW, tag('Once'), Release, Acquire, rmw.domain(), rmw.range(),
    tag('LKW'), tag('LF'), tag('RL'), tag('RU'), tag('Srcu-lock'), tag('Srcu-unlock')));
  const Plain = setMinus(M, Marked);
  const fencerel = (...fs: (Fence | 'Sync-srcu')[]): Rel => once(`fencerel(${fs.join('|')})`, () => po.restrict(null, setUnion(...fs.map(tag))).seq(po));

  // lock.cat: an LKR paired with an LKW inside a critical section of the same lock deadlocks
  const lockNest = once('lock-nest', () => poLoc.restrict(tag('LKW'), rmw.restrict(tag('LKR'), tag('LKW')).domain())
    .minus(poLoc.restrict(null, tag('UL')).seq(poLoc)));
  const flags: string[] = [];
  if (!tag('UL').every((b, k) => (b & ~sk.critical.range()[k]) === 0)) flags.push('unmatched-unlock');
  if (sk.rcuUnbalanced) flags.push('unbalanced-rcu-locking');

  // ---- linux-kernel.bell: SRCU critical sections and dependencies carried through plain accesses
  const notSrcuUnlock = setMinus(all, tag('Srcu-unlock'));
  const carrySrcuData = sk.data.restrict(null, notSrcuUnlock).seq(rf).star();
  const srcuRscs = carrySrcuData.restrict(tag('Srcu-lock'), null).seq(sk.data.restrict(null, tag('Srcu-unlock'))).inter(loc);
  const carryDep = sk.data.restrict(null, notSrcuUnlock).seq(rfi).star();
  const addr = carryDep.seq(sk.addr);
  const ctrl = carryDep.seq(sk.ctrl);
  const data = carryDep.seq(sk.data);

  // ---- linux-kernel.cat: basic relations
  const acqPo = once('acq-po', () => po.restrict(Acquire, M));
  const poRel = once('po-rel', () => po.restrict(M, Release));
  const poUnlockLockPo = po.restrict(null, tag('UL')).seq(po.union(rf)).restrict(null, tag('LKR')).seq(po);
  const R4rmb = setMinus(R, Noreturn);
  const rmb = once('rmb', () => fencerel('Rmb').restrict(R4rmb, R4rmb));
  const wmb = once('wmb', () => fencerel('Wmb').restrict(W, W));
  const poOpt = once('po?', () => po.opt());
  const mbFences = once('mb without after-unlock-lock', () => fencerel('Mb').restrict(M, M).union(
    fencerel('Before-atomic').restrict(M, RMW).seq(poOpt).restrict(null, M),
    poOpt.restrict(M, RMW).seq(fencerel('After-atomic')).restrict(null, M),
    poOpt.restrict(M, tag('LKW')).seq(fencerel('After-spinlock')).restrict(null, M),
    poOpt.restrict(M, tag('Srcu-unlock')).seq(fencerel('After-srcu-read-unlock')).restrict(null, M)));
  const mb = tag('After-unlock-lock').every((b) => b === 0) ? mbFences : mbFences.union(
    poUnlockLockPo.restrict(M, tag('After-unlock-lock')).seq(po).restrict(null, M),
  );
  const gp = once('gp', () => po.restrict(null, setUnion(tag('Sync-rcu'), tag('Sync-srcu'))).seq(poOpt));
  const strongFence = mb.union(gp);
  const nonrwFence = strongFence.union(poRel, acqPo);
  const fence = nonrwFence.union(wmb, rmb);
  const barrier = once('barrier', () => fencerel('Barrier', 'Rmb', 'Wmb', 'Mb', 'Sync-rcu', 'Sync-srcu', 'Before-atomic', 'After-atomic')
    .union(po.restrict(null, Acquire).seq(po), po.restrict(null, Release).seq(po), po.restrict(null, Release), po.restrict(Acquire, null)));

  // ---- fundamental coherence ordering
  const com = rf.union(co, fr);
  const coherence = poLoc.union(com);
  // a cycle in po-loc | com: some location's accesses are not in one order (coherence)
  if (!coherence.acyclic()) return fail('coherence', coherence, [one('po-loc', poLoc), one('rf', rf), one('co', co), one('fr', fr)]);
  const atomic = rmw.inter(fre.seq(coe));
  // an external write between an RMW's read and its write (atomic)
  if (!atomic.isEmpty()) return fail('atomic', atomic, [{ name: 'rmw & (fre ; coe)', steps: [{ name: 'fre', rel: fre }, { name: 'coe', rel: coe }] }]);

  // ---- instruction execution ordering
  const dep = addr.union(data);
  const rwdep = dep.union(ctrl).restrict(null, W);
  const overwrite = co.union(fr);
  const toW = rwdep.union(overwrite.inter(int), addr.restrict(null, Plain).seq(wmb));
  const toR = addr.union(dep.restrict(null, Marked).seq(rfi));
  const ppoLkmm = toR.union(toW, fence, poUnlockLockPo.inter(int));
  const ppo = opts.loadsBeforeStores ? ppoLkmm.union(po.restrict(R, W)) : ppoLkmm;

  // ---- propagation
  const marked = (r: Rel) => r.restrict(Marked, Marked);
  const aCumul = (r: Rel) => rfe.restrict(null, Marked).opt().seq(r);
  const cumulFence = marked(aCumul(strongFence.union(poRel)).union(wmb, poUnlockLockPo));
  const cumulFenceStar = cumulFence.star();
  const prop = marked(overwrite.inter(ext).opt().seq(cumulFenceStar).restrict(Marked, Marked).seq(rfe.opt())).restrict(Marked, Marked);
  const propInt = prop.minus(Rel.id(n)).inter(int);
  // prop spelled out for explanations: (overwrite & ext)? ; cumul-fence* ; rfe?
  const propSteps: Step[] = [{ name: 'overwrite & ext', rel: overwrite.inter(ext).opt() }, { name: 'cumul-fence', rel: cumulFenceStar }, { name: 'rfe', rel: rfe.opt() }];
  const hb = marked(ppo.union(rfe, propInt));
  // a cycle in hb: events would have to execute before themselves (happens-before)
  if (!hb.acyclic()) return fail('happens-before', hb, [one('ppo (fence)', fence), one('ppo (to-r)', toR), one('ppo (to-w)', toW), one('ppo (po-unlock-lock-po & int)', poUnlockLockPo.inter(int)), one('rfe', rfe), { name: 'prop & int', steps: propSteps }]);
  const hbStar = hb.star();
  const pb = prop.seq(strongFence).seq(hbStar).restrict(null, Marked);
  // a cycle in pb: a write propagates before a strong fence that must wait for it (propagation)
  if (!pb.acyclic()) return fail('propagation', pb, [{ name: 'pb', steps: [...propSteps, { name: 'strong-fence', rel: strongFence }, { name: 'hb', rel: hbStar }] }]);

  // ---- RCU
  const pbStar = pb.star();
  const rcuGp = Rel.id(n, tag('Sync-rcu'));
  const srcuGp = Rel.id(n, tag('Sync-srcu'));
  const rcuRscsi = sk.rcuRscs.inv();
  const srcuRscsi = srcuRscs.inv();
  let rcuFence = new Rel(n);
  let rb = new Rel(n);
  if (!rcuGp.isEmpty() || !srcuGp.isEmpty()) {
    const rcuLink = poOpt.seq(hbStar).seq(pbStar).seq(prop).seq(po);
    const gpRscs = (g: Rel, r: Rel, same: boolean) => { const v = g.seq(rcuLink).seq(r); return same ? v.inter(loc) : v; };
    const base = rcuGp.union(srcuGp, gpRscs(rcuGp, rcuRscsi, false), gpRscs(srcuGp, srcuRscsi, true),
      gpRscs(rcuRscsi, rcuGp, false), gpRscs(srcuRscsi, srcuGp, true));
    // let rec: iterate to the least fixpoint
    for (;;) {
      const mid = rcuLink.seq(rcuFence).seq(rcuLink);
      const next = base.union(
        rcuGp.seq(mid).seq(rcuRscsi), srcuGp.seq(mid).seq(srcuRscsi).inter(loc),
        rcuRscsi.seq(mid).seq(rcuGp), srcuRscsi.seq(mid).seq(srcuGp).inter(loc),
        rcuFence.seq(rcuLink).seq(rcuFence));
      if (next.equals(rcuFence)) break;
      rcuFence = next;
    }
    rb = prop.seq(po).seq(rcuFence).seq(poOpt).seq(hbStar).seq(pbStar).restrict(null, Marked);
  }
  // rb reflexive: a grace period would end before a critical section that overlaps it (rcu)
  if (!rb.irreflexive()) {
    return fail('rcu', rb, [{ name: 'rb', steps: [...propSteps, { name: 'po', rel: po }, { name: 'rcu-fence', rel: rcuFence }, { name: 'po', rel: poOpt }, { name: 'hb', rel: hbStar }, { name: 'pb', rel: pbStar }] }]);
  }

  // ---- plain accesses and data races
  const mixedAccesses = poLoc.minus(barrier).restrict(setInter(Plain, W), Marked).union(poLoc.minus(barrier).restrict(Marked, setInter(Plain, W)));
  if (!mixedAccesses.isEmpty()) flags.push('mixed-accesses');
  const xbstar = hb.union(pb, rb).star();
  const fullFence = strongFence.union(po.seq(rcuFence).seq(poOpt));
  const vis = cumulFenceStar.seq(rfe.opt()).restrict(null, Marked).seq(fullFence.restrict(null, Marked).seq(xbstar).union(xbstar.inter(int)));
  const notNoreturn = setMinus(all, Noreturn);
  const idMarked = Rel.id(n, Marked);
  const wPreBounded = idMarked.seq(addr.union(fence).opt());
  const rPreBounded = idMarked.seq(addr.union(nonrwFence, fencerel('Rmb').restrict(R4rmb, notNoreturn)).opt());
  const wPostBounded = fence.opt().restrict(null, Marked);
  const rPostBounded = nonrwFence.union(fencerel('Rmb').restrict(notNoreturn, R4rmb)).opt().restrict(null, Marked);
  const wwVis = wPostBounded.seq(vis).seq(wPreBounded);
  const wrVis = wPostBounded.seq(vis).seq(rPreBounded);
  const rwXbstar = rPostBounded.seq(xbstar).seq(wPreBounded);
  const preRace = once('pre-race', () => ext.inter(Rel.cross(n, Plain, M).union(Rel.cross(n, setMinus(M, IW), Plain))));
  const wrIncoh = preRace.inter(rf).inter(rwXbstar.inv());
  const rwIncoh = preRace.inter(fr).inter(wrVis.inv());
  const wwIncoh = preRace.inter(co).inter(wwVis.inv());
  const incoh = wrIncoh.union(rwIncoh, wwIncoh);
  // a plain access reads or overwrites a value it must already see past (plain-coherence)
  if (!incoh.isEmpty()) return fail('plain-coherence', incoh, [one('wr-incoh', wrIncoh), one('rw-incoh', rwIncoh), one('ww-incoh', wwIncoh)]);
  // lock.cat's lock-nest: checked last among the empties, it only concerns nested spin_lock
  if (!lockNest.isEmpty()) return fail('lock-nest', lockNest, [one('lock-nest', lockNest)]);

  if (!Plain.every((b) => b === 0)) {
    const wwNonrace = wwVis.inter(Rel.cross(n, Marked, W).union(rwXbstar)).inter(Rel.cross(n, W, Marked).union(wrVis));
    const wwRace = preRace.inter(co).minus(wwNonrace);
    const wrRace = preRace.inter(co.opt().seq(rf)).minus(wrVis);
    const rwRace = preRace.inter(fr).minus(rwXbstar);
    // two conflicting accesses, one plain, unordered by the model: a data race (flag)
    if (!wwRace.union(wrRace, rwRace).isEmpty()) flags.push('data-race');
  }
  return { failed: null, culprit: null, flags };
}

