// A page's `_refcount` and `flags` as words of the memory system. The layout puts the pages inside
// the memory words (layout.ts), so `&page->_refcount` is an ordinary pointer to a shared word:
// `atomic_add(PAGE_PIN_BIAS, &page->_refcount)` and `atomic_read(&page->_refcount)` go through
// the scenario's memory model like any atomic, and PG_writeback is tested and set through it
// too (builtins/writeback.ts). That is what lets the 2019 barrier argument run under tso and weak.
//
// Every write to these words is an atomic read-modify-write. The models perform them on memory at
// once, except `weak`'s non-value-returning adds (atomic_add, page_ref_add…), buffered as deltas
// that are added to memory when they drain; builtins that touch a page directly (lock_page,
// get_page…) therefore stay consistent with them (adds commute), acting as sequentially
// consistent accesses.
import { handle, indexOf, isKind, Kind } from './handles.js';
import { pageAt, P_FLAGS, P_REF, P_BYTES } from './layout.js';
import type { Machine } from './machine.js';

/** the memory-system address of word `off` of page i */
export const pageWordAddr = (m: Machine, i: number, off: number): number => pageAt(m.layout, i) - m.layout.memBase + off;

/** `&page->_refcount` and friends: a pointer to the shared word */
export const pageWordHandle = (off: number) => (m: Machine, i: number): number => handle(Kind.WORD, pageWordAddr(m, i, off));

/** which page and which word a memory address falls in, or null if it is not a page word */
export function pageWordAt(m: Machine, addr: number): { page: number; off: number } | null {
  const L = m.layout;
  const rel = L.memBase + addr - L.pageBase;
  if (rel < 0 || rel >= L.nPages * L.pageWords) return null;
  return { page: Math.floor(rel / L.pageWords), off: rel % L.pageWords };
}

/** is h a pointer to page i's `_refcount`? (for the overflow check) */
export function isRefcountWord(m: Machine, addr: number): number {
  const at = pageWordAt(m, addr);
  return at && at.off === P_REF ? at.page : -1;
}

export const REFCOUNT_MAX = 0x7fffffff;

/**
 * `_refcount` is an atomic_t: a 32-bit signed int. Adding past 2^31 - 1 wraps it negative, and a
 * negative count lets the page be freed under whoever holds it: the kernel refuses (Jan Kara, 2019:
 * "we should check for that and bail with error"). Called after an atomic add to a shared word.
 */
export function checkRefcountAdd(m: Machine, addr: number, old: number, delta: number): void {
  const page = isRefcountWord(m, addr);
  if (page < 0) return;
  const sum = old + delta;
  if (sum > REFCOUNT_MAX) m.bug(`page refcount overflow: ${m.layout.pageNames[page]}'s _refcount ${old} + ${delta} does not fit in a 32-bit atomic_t`);
  else if (sum < 0) m.bug(`page refcount underflow: ${m.layout.pageNames[page]}'s _refcount ${old} ${delta < 0 ? '-' : '+'} ${Math.abs(delta)} is negative`);
}

/** page handle → memory address of its flags word, or -1 */
export function flagsAddr(m: Machine, h: number): number {
  return isKind(h, Kind.PAGE) && indexOf(h) < m.layout.nPages ? pageWordAddr(m, indexOf(h), P_FLAGS) : -1;
}

export { P_BYTES };

/**
 * The ordering a sleeping lock gives under tso and weak (LKMM's lock.cat; on x86 every one is a
 * locked instruction, a full barrier): taking it is an acquire (later loads see what the previous
 * holder wrote), releasing it a release (every store made while holding it reaches memory before
 * the lock is seen free). `full`: a fully ordered release (2.6.20's unlock_page clears PG_locked
 * with test_and_clear_bit, a value-returning atomic). Sleeping and being woken
 * (wait_on_page_writeback, wait_for_completion) is a full barrier too.
 */
export function lockOrder(m: Machine, w: Int32Array, t: number, how: 'acquire' | 'release' | 'full' | 'wake'): void {
  m.memory.fence(w, m.layout.memBase, m.layout.mem, m.taskCpu[t], how === 'acquire' ? 'lock' : how === 'release' ? 'unlock' : 'mb');
}

/** how a trace names a page word: `page0->_refcount`, `page0->flags`; null if addr is not one */
export function pageWordName(m: Machine, addr: number): string | null {
  const at = pageWordAt(m, addr);
  if (!at) return null;
  const field = at.off === P_REF ? '_refcount' : at.off === P_FLAGS ? 'flags' : null;
  return field ? `${m.layout.pageNames[at.page]}->${field}` : null;
}

/** names of every memory word, for views of buffers and queues: globals, then page words */
export function memoryWordNames(m: Machine): string[] {
  const names = m.program.globals.map((g) => g.name);
  for (let a = names.length; a < m.layout.mem.words; a++) names.push(pageWordName(m, a) ?? '');
  return names;
}
