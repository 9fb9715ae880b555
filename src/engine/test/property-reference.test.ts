// Property: on random programs with barriers, release/acquire, atomics, spin locks, sleeping
// locks, bounded loops and BUG_ON oracles, the engine reaches exactly the final outcomes,
// deadlocks and bugs that the reference interpreter (reference/: its own interpreter, locks,
// memory models and search, sharing nothing with the engine but the program's AST) reaches.
// docs/engine/reference-property-test.md lists the mutations it must catch;
// `npm run mutations` applies each and shows it fail.
import { describe, expect, it } from 'vitest';
import { engineOutcomes } from './reference/engine-outcomes.js';
import { randomProgram, type Shape } from './reference/generate.js';
import { referenceOutcomes, TooLarge, type Outcomes } from './reference/interpret.js';
import type { ModelName } from './reference/memory.js';
import { outcomeWords, strategyText, type Program } from './reference/program.js';

/** programs per case (fixed seeds 1..N); weak's state spaces are the largest */
const PROGRAMS = (model: ModelName) => Number(process.env.FAULTLINES_PROPERTY_PROGRAMS ?? (model === 'weak' ? 30 : 40));
/** states the reference may visit per program before it is skipped */
const MAX_STATES = 10_000;

/** the first disagreement, as text a person can act on, or null */
function disagreement(p: Program, model: ModelName, want: Outcomes, got: Outcomes): string | null {
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();
  const extra = only(got.finals, want.finals);
  const missing = only(want.finals, got.finals);
  const lines: string[] = [];
  if (extra.length) lines.push(`the engine reaches outcomes the reference cannot: ${extra.join(' | ')}`);
  if (missing.length) lines.push(`the engine misses outcomes the reference reaches: ${missing.join(' | ')}`);
  if (want.deadlock !== got.deadlock) lines.push(`deadlock: reference ${want.deadlock}, engine ${got.deadlock}`);
  if (want.bug !== got.bug) lines.push(`BUG_ON reachable: reference ${want.bug}, engine ${got.bug}`);
  if (!lines.length) return null;
  return `seed ${p.seed} under ${model} (outcomes are ${outcomeWords(p).join(',')}; outN packs r0 + 64*r1 + 4096*r2)\n` +
    `${lines.join('\n')}\ncpus: ${p.tasks.map((t, i) => `t${i}@${t.cpu}`).join(' ')}\n${strategyText(p)}`;
}

function run(model: ModelName, shape: Shape) {
  // the reference is the slow side (about 100 µs a state): larger programs are skipped
  const failures: string[] = [];
  let checked = 0, skipped = 0, deadlocks = 0, bugs = 0;
  for (let seed = 1; seed <= PROGRAMS(model); seed++) {
    const p = randomProgram(seed, model, shape);
    let want: Outcomes;
    try { want = referenceOutcomes(p, model, MAX_STATES); } catch (e) { if (e instanceof TooLarge) { skipped++; continue; } throw e; }
    const got = engineOutcomes(p, model);
    checked++;
    if (want.deadlock) deadlocks++;
    if (want.bug) bugs++;
    const d = disagreement(p, model, want, got);
    if (d) failures.push(d);
  }
  return { failures, checked, skipped, deadlocks, bugs };
}

describe('the engine against the reference interpreter on random programs', () => {
  // sleeping locks under tso and weak fail until mutex_* and down_*/up_* order memory in the
  // engine (issue 14, item 1): see the fixed case below for the shortest such program
  it.each([
    ['sc', true],
    ['tso', false],
    ['weak', false],
    ['tso', true],
    ['weak', true],
  ] as const)('under %s (sleeping locks: %s): same final outcomes, deadlocks and bugs', (model, sleeping) => {
    const r = run(model, { sleeping });
    console.log(`reference property test under ${model}${sleeping ? ' with sleeping locks' : ''}: ${r.checked} programs checked (${r.deadlocks} can deadlock, ${r.bugs} can fail an oracle), ${r.skipped} too large for the reference`);
    expect(r.failures.slice(0, 2).join('\n\n'), `${r.failures.length} of ${r.checked} programs disagree`).toBe('');
    // the generator does reach the interesting verdicts, and the reference finishes most programs
    expect(r.checked).toBeGreaterThanOrEqual(PROGRAMS(model) * 0.7);
    expect(r.bugs).toBeGreaterThanOrEqual(1);
    if (sleeping && model === 'sc') expect(r.deadlocks).toBeGreaterThanOrEqual(1);
  }, 120000);

  // two tasks increment x under a mutex: the kernel (LKMM, x86) never loses an update
  const lostUpdate: Program = {
    seed: 0,
    tasks: [0, 1].map((cpu) => ({
      cpu, out: true,
      body: [{
        k: 'lock', lock: 'mutex', body: [
          { k: 'load', r: 0, g: 'x', acquire: false, acc: false },
          { k: 'store', g: 'x', v: { k: '+', a: { k: 'reg', r: 0 }, b: { k: 'const', v: 1 } }, release: false },
        ],
      }],
    })),
  };
  it.each(['sc', 'tso', 'weak'] as const)('under %s: two increments of x under a mutex always leave x = 2', (model) => {
    const want = referenceOutcomes(lostUpdate, model);
    expect([...want.finals].map((f) => f.split(',')[0])).toEqual(['2', '2']);
    expect(disagreement(lostUpdate, model, want, engineOutcomes(lostUpdate, model))).toBeNull();
  });
});
