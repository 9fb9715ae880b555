// Evaluating and printing the `exists`/`filter` conditions of a litmus test over final states,
// and the herd verdict words.
import type { Cond, LitmusTest, Value } from './ast.js';

/** a final state: `0:r0` → value for registers, `x` → value for locations */
export type FinalValues = Record<string, Value>;

export const placeKey = (p: { thread: number | null; name: string }): string =>
  p.thread === null ? p.name : `${p.thread}:${p.name}`;

export function holds(c: Cond, v: FinalValues): boolean {
  switch (c.k) {
    case 'true': return true;
    case 'false': return false;
    case 'not': return !holds(c.c, v);
    case 'and': return holds(c.l, v) && holds(c.r, v);
    case 'or': return holds(c.l, v) || holds(c.r, v);
    case 'eq': return (v[placeKey(c)] === c.value) === (c.op === '=');
  }
}

export function showCond(c: Cond, parent: 'and' | 'or' | null = null): string {
  switch (c.k) {
    case 'true': return 'true';
    case 'false': return 'false';
    case 'not': return `~${showCond(c.c, 'and')}`;
    case 'eq': return `${placeKey(c)}${c.op}${c.value}`;
    case 'and': case 'or': {
      const s = `${showCond(c.l, c.k)} ${c.k === 'and' ? '/\\' : '\\/'} ${showCond(c.r, c.k)}`;
      return parent !== null && parent !== c.k ? `(${s})` : s;
    }
  }
}

export type LitmusResult = 'Always' | 'Sometimes' | 'Never';

/**
 * The herd answer for the test's condition over the final states that pass the filter:
 * Always (every state satisfies it), Sometimes (some do), Never (none do). For `~exists` and
 * `forall` the word still describes the condition itself, as the kernel tests' headers do.
 */
export function judge(test: LitmusTest, finals: FinalValues[]): { result: LitmusResult; witnesses: number[] } {
  const kept = finals.map((f, i) => ({ f, i })).filter(({ f }) => !test.filter || holds(test.filter, f));
  const witnesses = kept.filter(({ f }) => holds(test.condition, f)).map(({ i }) => i);
  const result = witnesses.length === 0 ? 'Never' : witnesses.length === kept.length ? 'Always' : 'Sometimes';
  return { result, witnesses };
}

/** the values a final state is printed with: registers, then locations */
export function observedPlaces(test: LitmusTest): string[] {
  const regs = test.threads.flatMap((t) => t.regs.map((r) => `${t.id}:${r}`));
  return [...regs, ...test.locations.map((l) => l.name)];
}

/** order of values in listings: numbers ascending, then pointers by location name */
export function compareValue(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
