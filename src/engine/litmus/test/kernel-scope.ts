// Which of the kernel's litmus tests (tools/memory-model/litmus-tests, read from
// ../shared/lkmm-litmus) the `weak` model is expected to answer as LKMM does, and why the others
// are not. The README's table is this list. Decided by the features and shapes each test uses,
// not by whether the model happens to agree.

export type Scope =
  /** in scope: `weak` must give the expected result */
  | { scope: 'in'; why: string }
  /** refused with `unsupported: …` or `unsupported under weak: …` (exit 2) */
  | { scope: 'unsupported'; error: RegExp; why: string };

const ONCE = 'ONCE accesses and barriers only';
const LOCKS = 'spin locks: acquire RMW and release store on a shared word';

export const kernelScope: Record<string, Scope> = {
  'CoRR+poonceonce+Once.litmus': { scope: 'in', why: 'coherence (read-read)' },
  'CoRW+poonceonce+Once.litmus': { scope: 'in', why: 'coherence (read-write)' },
  'CoWR+poonceonce+Once.litmus': { scope: 'in', why: 'coherence (write-read)' },
  'CoWW+poonceonce.litmus': { scope: 'in', why: 'coherence (write-write)' },
  'IRIW+fencembonceonces+OnceOnce.litmus': { scope: 'in', why: `${ONCE}; smp_mb processes the invalidate queue` },
  'IRIW+poonceonces+OnceOnce.litmus': { scope: 'in', why: `${ONCE}; stale reads from invalidate queues` },
  'ISA2+pooncelock+pooncelock+pombonce.litmus': { scope: 'in', why: LOCKS },
  'ISA2+poonceonces.litmus': { scope: 'in', why: ONCE },
  'ISA2+pooncerelease+poacquirerelease+poacquireonce.litmus': { scope: 'in', why: 'release/acquire chain' },
  'LB+fencembonceonce+ctrlonceonce.litmus': { scope: 'in', why: 'load buffering (and a control dependency): the model has no LB; LKMM allows exactly the same final states (cross-checked)' },
  'LB+poacquireonce+pooncerelease.litmus': { scope: 'in', why: 'load buffering: the model has no LB; LKMM allows exactly the same final states (cross-checked)' },
  'LB+poonceonces.litmus': { scope: 'unsupported', error: /^unsupported under weak: load buffering: LKMM allows 0:r0=1; 1:r0=1;/, why: 'load buffering: the model never makes a store visible before an earlier load of its CPU; refused after the LKMM cross-check' },
  'LB+unlocklockonceonce+poacquireonce.litmus': { scope: 'in', why: 'load buffering through locks: the model has no LB; LKMM allows exactly the same final states (cross-checked)' },
  'MP+fencewmbonceonce+fencermbonceonce.litmus': { scope: 'in', why: 'the textbook case: smp_wmb orders the store buffer, smp_rmb the invalidate queue' },
  'MP+onceassign+derefonce.litmus': { scope: 'unsupported', error: /^unsupported: pointer values/, why: 'RCU and pointers stored in shared memory' },
  'MP+polockmbonce+poacquiresilsil.litmus': { scope: 'unsupported', error: /^unsupported: spin_is_locked/, why: 'spin_is_locked has its own LKMM ordering rules' },
  'MP+polockonce+poacquiresilsil.litmus': { scope: 'unsupported', error: /^unsupported: spin_is_locked/, why: 'spin_is_locked has its own LKMM ordering rules' },
  'MP+polocks.litmus': { scope: 'in', why: LOCKS },
  'MP+poonceonces.litmus': { scope: 'in', why: `${ONCE}; out-of-order drains and stale reads` },
  'MP+pooncerelease+poacquireonce.litmus': { scope: 'in', why: 'release/acquire' },
  'MP+porevlocks.litmus': { scope: 'in', why: LOCKS },
  'MP+unlocklockonceonce+fencermbonceonce.litmus': { scope: 'in', why: `${LOCKS}; unlock then lock of another lock orders stores` },
  'R+fencembonceonces.litmus': { scope: 'in', why: ONCE },
  'R+poonceonces.litmus': { scope: 'in', why: `${ONCE}; store buffering` },
  'S+fencewmbonceonce+poacquireonce.litmus': { scope: 'in', why: 'smp_wmb and acquire' },
  'S+poonceonces.litmus': { scope: 'in', why: `${ONCE}; out-of-order drains` },
  'SB+fencembonceonces.litmus': { scope: 'in', why: ONCE },
  'SB+poonceonces.litmus': { scope: 'in', why: `${ONCE}; store buffering` },
  'SB+rfionceonce-poonceonces.litmus': { scope: 'in', why: `${ONCE}; store forwarding` },
  'WRC+poonceonces+Once.litmus': { scope: 'in', why: ONCE },
  'WRC+pooncerelease+fencermbonceonce+Once.litmus': { scope: 'in', why: 'release cumulativity' },
  'Z6.0+pooncelock+poonceLock+pombonce.litmus': { scope: 'in', why: `${LOCKS}; smp_mb__after_spinlock as a full barrier` },
  'Z6.0+pooncelock+pooncelock+pombonce.litmus': { scope: 'unsupported', error: /^unsupported under weak: not multicopy atomic: LKMM allows 1:r0=1; 2:r1=0;/, why: 'stores reach one coherent memory in one step, so lock-ordered stores are seen in that order by everyone; refused after the LKMM cross-check' },
  'Z6.0+pooncerelease+poacquirerelease+fencembonceonce.litmus': { scope: 'unsupported', error: /^unsupported under weak: not multicopy atomic: LKMM allows 1:r0=1; 2:r1=0;/, why: 'stores reach one coherent memory in one step, so a release-acquire chain orders them for everyone; refused after the LKMM cross-check' },
  'dep+plain.litmus': { scope: 'unsupported', error: /^unsupported: plain \(non-ONCE\) accesses/, why: 'plain C accesses (data races, compiler transformations)' },
};
