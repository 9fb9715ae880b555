// The arithmetic of atomic read-modify-writes, shared by every model.
import type { RmwOp } from './model.js';

/** the new value of an RMW, given the old one (cmpxchg failing returns old: no write) */
export function rmwResult(op: RmwOp, old: number, a: number, b: number): number {
  switch (op) {
    case 'add': return (old + a) | 0;
    case 'xchg': return a;
    case 'cmpxchg': return old === a ? b : old;
    case 'or': return old | a;
    case 'andnot': return old & ~a;
  }
}
