// Differential run: random litmus programs, each decided by the engine under sc, tso and weak and
// by the LKMM checker, their final states compared. What must hold: sc ⊆ tso ⊆ weak (each model
// only adds behaviour) and weak ⊆ LKMM (every state the operational model reaches, LKMM allows).
// What is reported: the states LKMM allows that weak never reaches, each with its reason. The
// test (test/differential.test.ts) and scripts/lkmm-differences.ts run the same programs.
import type { MemoryModel } from '../api.js';
import { parseLitmus } from './parse.js';
import { exploreLitmus } from './run.js';
import { LitmusError } from './ast.js';
import { checkLitmus, compareFinals, showValues, type Beyond } from '../lkmm/index.js';
import type { FinalValues } from './condition.js';

/** a small deterministic PRNG (mulberry32), so a seed names a run */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/**
 * one random litmus program: 2–3 threads of 2–3 operations on x and y (loads and stores weighted
 * up, so the classic shapes come often), barriers, acquire/release, atomics, locks, branches
 */
export function randomLitmus(r: () => number, name: string): string {
  const nThreads = r() < 0.65 ? 2 : 3;
  const threads: string[] = [];
  for (let t = 0; t < nThreads; t++) {
    const ops: string[] = [];
    let regs = 0;
    const nOps = 2 + Math.floor(r() * 2);
    const op = (): string => {
      const l = pick(r, ['x', 'y']);
      const v = 1 + Math.floor(r() * 2);
      const reg = () => `r${regs++}`;
      switch (pick(r, ['W', 'W', 'W', 'W', 'R', 'R', 'R', 'R', 'Racq', 'Wrel', 'mb', 'wmb', 'rmb', 'xchg', 'inc', 'lock', 'if'])) {
        case 'W': return `WRITE_ONCE(*${l}, ${v});`;
        case 'R': return `${reg()} = READ_ONCE(*${l});`;
        case 'Racq': return `${reg()} = smp_load_acquire(${l});`;
        case 'Wrel': return `smp_store_release(${l}, ${v});`;
        case 'mb': return 'smp_mb();';
        case 'wmb': return 'smp_wmb();';
        case 'rmb': return 'smp_rmb();';
        case 'xchg': return `${reg()} = xchg(${l}, ${v});`;
        case 'inc': return `atomic_inc(${l});`;
        case 'lock': return `spin_lock(s); WRITE_ONCE(*${l}, ${v}); spin_unlock(s);`;
        case 'if': {
          if (regs === 0) return `${reg()} = READ_ONCE(*${l});`;
          return `if (r${regs - 1} == ${v}) WRITE_ONCE(*${pick(r, ['x', 'y'])}, ${v});`;
        }
      }
      return '';
    };
    if (r() < 0.5) {
      // a load of one location, perhaps something, a store to the other: the LB/MP/S/WRC shapes
      const [a, b] = r() < 0.5 ? ['x', 'y'] : ['y', 'x'];
      ops.push(`r${regs++} = ${r() < 0.8 ? `READ_ONCE(*${a})` : `smp_load_acquire(${a})`};`);
      if (nOps === 3) ops.push(op());
      ops.push(r() < 0.8 ? `WRITE_ONCE(*${b}, ${1 + Math.floor(r() * 2)});` : `smp_store_release(${b}, 1);`);
    } else {
      for (let k = 0; k < nOps; k++) ops.push(op());
    }
    const decl = regs > 0 ? `\tint ${Array.from({ length: regs }, (_, i) => `r${i}`).join(', ')};\n` : '';
    threads.push(`P${t}(int *x, int *y, spinlock_t *s)\n{\n${decl}${ops.map((o) => `\t${o}\n`).join('')}}\n`);
  }
  return `C ${name}\n\n{}\n\n${threads.join('\n')}\nexists (x=1 /\\ y=1)\n`;
}

export interface Difference {
  program: string;
  state: FinalValues;
  why: Beyond;
}

export interface Violation {
  program: string;
  what: 'sc ⊄ tso' | 'tso ⊄ weak' | 'weak ⊄ LKMM';
  state: FinalValues;
}

export interface DifferentialReport {
  programs: number;
  /** final states compared (LKMM's, summed over the programs) */
  states: number;
  /** violations of sc ⊆ tso ⊆ weak ⊆ LKMM */
  violations: Violation[];
  /** LKMM-allowed states weak never reaches */
  differences: Difference[];
  /** programs the engine or the checker refused (budget, unsupported), with the reason */
  refused: string[];
}

const key = (v: FinalValues): string => JSON.stringify(Object.keys(v).sort().map((k) => [k, v[k]]));

export function differential(seed: number, count: number): DifferentialReport {
  const r = rng(seed);
  const report: DifferentialReport = { programs: 0, states: 0, violations: [], differences: [], refused: [] };
  for (let i = 0; i < count; i++) {
    const name = `rand-${seed}-${i}`;
    const text = randomLitmus(r, name);
    const test = parseLitmus(text);
    let finals: Record<MemoryModel, FinalValues[]>;
    try {
      finals = { sc: [], tso: [], weak: [] } as unknown as Record<MemoryModel, FinalValues[]>;
      for (const model of ['sc', 'tso', 'weak'] as MemoryModel[]) finals[model] = exploreLitmus(test, { model }).finals.map((f) => f.values);
    } catch (e) {
      if (!(e instanceof LitmusError)) throw e;
      report.refused.push(`${name}: ${e.message}`);
      continue;
    }
    const lk = checkLitmus(test);
    report.programs++;
    report.states += lk.finals.length;
    const violation = (what: Violation['what'], state: FinalValues) => report.violations.push({ program: text, what, state });
    const subset = (a: FinalValues[], b: FinalValues[], what: Violation['what']) => {
      const inB = new Set(b.map(key));
      for (const v of a) if (!inB.has(key(v))) violation(what, v);
    };
    subset(finals.sc, finals.tso, 'sc ⊄ tso');
    subset(finals.tso, finals.weak, 'tso ⊄ weak');
    const cmp = compareFinals(lk, finals.weak);
    for (const v of cmp.forbiddenReached) violation('weak ⊄ LKMM', v);
    for (const u of cmp.unreached) report.differences.push({ program: text, state: u.values, why: u.why });
  }
  return report;
}

/** the report as the README's "known differences" section (Markdown) */
export function differencesMarkdown(rep: DifferentialReport, seed: number, count: number): string {
  const by = new Map<Beyond, Difference[]>();
  for (const d of rep.differences) by.set(d.why, [...(by.get(d.why) ?? []), d]);
  const programs = (ds: Difference[]) => new Set(ds.map((d) => d.program)).size;
  const out = [
    `Generated by \`npx tsx scripts/lkmm-differences.ts --seed ${seed} --count ${count}\` from the differential run`,
    `(\`litmus/differential.ts\`): ${rep.programs} random programs, ${rep.states} LKMM-allowed final states,`,
    `${rep.violations.length} violations of sc ⊆ tso ⊆ weak ⊆ LKMM, ${rep.refused.length} programs refused.`,
    `LKMM-allowed final states the weak model never reaches, by reason:`,
    '',
    '| Reason | States | Programs |',
    '|---|---|---|',
    ...[...by].map(([why, ds]) => `| ${why} | ${ds.length} | ${programs(ds)} |`),
    '',
  ];
  const meaning: Record<Beyond, string> = {
    'load buffering': 'every execution LKMM allows for the state is forbidden once each load is ordered before its CPU\'s later stores ([R] ; po ; [W] added to ppo): a store must become visible before an earlier load of its CPU has read. The weak model performs loads in order, before any later store of the CPU leaves its store buffer.',
    'reads its own atomic add': 'every execution LKMM allows for the state has a thread read the write of its own non-value-returning atomic (atomic_inc…) while that add is not yet visible to another CPU. The weak model drains a CPU\'s buffered add before that CPU loads the word (docs/decisions/weak-own-add-load.md), so the add is in memory before any later store of the CPU.',
    'not multicopy atomic': 'LKMM allows the state even with every load ordered before its CPU\'s later stores; it needs stores to reach CPUs (or memory) in different orders. The weak model\'s stores reach one coherent memory in one step, so stores its barriers and read-from chains order are seen in that order by everyone.',
  };
  for (const [why, ds] of by) {
    const smallest = [...ds].sort((a, b) => a.program.length - b.program.length)[0];
    out.push(`**${why}**: ${meaning[why]} Smallest example, the state \`${showValues(smallest.state)}\`:`, '', '```c', smallest.program.trimEnd(), '```', '');
  }
  return out.join('\n');
}
