// The fast search (bfs.ts: batches, blocks, step tables) against its specification (reference.ts):
// on every registered scenario and on small models, under every memory model, the two must number
// the same states in the same order, draw the same edges and find the same finals and deadlocks;
// and, checked, no step may write a task region the store takes as unchanged, and equal step
// inputs must give equal moves.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryModel } from '../api.js';
import { listScenarios } from '../index.js';
import { boot } from '../kernel/boot.js';
import { parseScenario } from '../scenarios/format.js';
import { scenarioText } from '../scenarios/index.js';
import { invariantsFor } from '../check/invariants.js';
import { explore } from './bfs.js';
import { referenceSearch } from './reference.js';
import { setVerifyBlocks } from './visited.js';

const root = new URL('../../../', import.meta.url);

// small models with no invariants, so the explorer reuses step results (memo.ts): locks, an
// rwsem (down_read looks at other tasks' pending calls), barriers and atomics, tasks finishing,
// and release stores into a full store buffer (weak: the release marks the newest entry, then
// the store waits; the next task's step must not see the mark)
const MODELS: { id: string; scenario: string; strategy: string }[] = [
  {
    id: 'model/counters',
    scenario: `id model/counters\n${[0, 1, 2].map((i) => `task t${i} cpu ${i} : worker(${i})`).join('\n')}\nmutex big\n`,
    strategy: 'int count; int other;\nvoid worker(int id)\n{\n\tint i;\n\tfor (i = 0; i < 2; i++) {\n\t\tmutex_lock(big);\n\t\tcount = count + 1;\n\t\tmutex_unlock(big);\n\t\tother = other + id;\n\t}\n}',
  },
  {
    id: 'model/large',
    scenario: `id model/large\n${[0, 1, 2, 3].map((i) => `task t${i} cpu ${i} : worker(${i})`).join('\n')}\nmutex big\n`,
    strategy: 'int count; int other;\nvoid worker(int id)\n{\n\tint i;\n\tfor (i = 0; i < 3; i++) {\n\t\tmutex_lock(big);\n\t\tcount = count + 1;\n\t\tmutex_unlock(big);\n\t\tother = other + id;\n\t}\n}',
  },
  {
    id: 'model/rwsem',
    scenario: 'id model/rwsem\nmm m0\ntask r0 cpu 0 mm m0 : reader()\ntask w cpu 1 mm m0 : writer()\ntask r1 cpu 2 mm m0 : reader()\n',
    strategy: 'int seen; int v;\nvoid reader(void)\n{\n\tdown_read(&current->mm->mmap_sem);\n\tseen = seen + v;\n\tup_read(&current->mm->mmap_sem);\n}\nvoid writer(void)\n{\n\tdown_write(&current->mm->mmap_sem);\n\tv = v + 1;\n\tup_write(&current->mm->mmap_sem);\n}',
  },
  {
    id: 'model/message-passing',
    scenario: 'id model/mp\ntask p cpu 0 : producer()\ntask c1 cpu 1 : consumer()\ntask c2 cpu 2 : consumer()\n',
    strategy: 'int data; int flag; int sum; int late;\nvoid producer(void)\n{\n\tWRITE_ONCE(data, 1);\n\tsmp_wmb();\n\tsmp_store_release(&flag, 1);\n\tatomic_add(2, &sum);\n\tsmp_mb();\n}\nvoid consumer(void)\n{\n\tint f = smp_load_acquire(&flag);\n\tint d = READ_ONCE(data);\n\tsmp_rmb();\n\tif (d < f)\n\t\tatomic_inc(&late);\n\tatomic_add(d, &sum);\n}',
  },
  {
    id: 'model/release-into-full-buffer',
    scenario: 'id model/release-full\ntask p cpu 0 : producer()\ntask u cpu 1 : unlocker()\ntask c cpu 2 : consumer()\n',
    strategy: 'int x; int y; int flag; int a; int b; int l; int seen;\nvoid producer(void)\n{\n\tWRITE_ONCE(x, 1);\n\tWRITE_ONCE(y, 1);\n\tsmp_store_release(&flag, 1);\n}\nvoid unlocker(void)\n{\n\tspin_lock(&l);\n\tWRITE_ONCE(a, 1);\n\tWRITE_ONCE(b, 1);\n\tspin_unlock(&l);\n}\nvoid consumer(void)\n{\n\tint f = smp_load_acquire(&flag);\n\tint v = READ_ONCE(x);\n\tseen = f + v + READ_ONCE(a);\n}',
  },
];

function machineFor(id: string, model: MemoryModel) {
  const own = MODELS.find((x) => x.id === id);
  const spec = parseScenario(own ? own.scenario : scenarioText(id)!).spec!;
  const strategy = own ? own.strategy : spec.strategyFile ? readFileSync(new URL(spec.strategyFile, root), 'utf8') : '';
  const b = boot(spec, strategy, model);
  if (!b.machine || !b.initial) throw new Error(`${id}: ${b.diagnostics.map((d) => d.message).join('; ')}`);
  return { m: b.machine, initial: b.initial };
}

function expectSameSearch(id: string, model: MemoryModel, memoWords?: number, maxStates = 3000) {
  const { m, initial } = machineFor(id, model);
  const invariants = invariantsFor(m);
  const g = explore(m, initial, { maxStates, maxMillis: 60_000, memoWords }, invariants);
  const ref = referenceSearch(m, initial, invariants, maxStates);
  // compare the states both searches expanded (the budget stops them at the same state)
  const n = Math.min(g.store.count, ref.states.length);
  expect(n).toBeGreaterThan(0);
  const w = new Int32Array(g.store.size);
  for (let s = 0; s < n; s++) {
    g.store.load(s, w);
    expect(w.join(','), `state ${s}`).toBe(ref.states[s].join(','));
    expect(g.parent.get(s)).toBe(ref.parent[s]);
  }
  const edges: string[] = [];
  for (let s = 0; s < g.expanded; s++) {
    for (let e = g.edgeStart.get(s); e < g.edgeStart.get(s + 1); e++) {
      const to = g.edgeTo.get(e);
      edges.push(`${s}-${g.edgeChoice.get(e)}->${to < 0 ? `bad ${g.bad[-to - 1].status}` : to}`);
    }
  }
  const refEdges = ref.edges.map((e) => `${e.from}-${e.choice}->${e.to === 'bad' ? `bad ${e.status}` : e.to}`);
  const upTo = (list: string[]) => list.slice(0, Math.min(edges.length, refEdges.length)).filter((e) => e.includes('bad') || Number(e.split('->')[1]) < n);
  expect(upTo(edges)).toEqual(upTo(refEdges));
  const expanded = Math.min(g.expanded, ref.expanded);
  expect(expanded).toBeGreaterThan(0);
  const below = (list: number[]) => list.filter((s) => s < expanded);
  expect(below(g.finals)).toEqual(below(ref.finals));
  expect(below(g.deadlocks)).toEqual(below(ref.deadlocks));
}

const MODEL_IDS = MODELS.map((x) => x.id).filter((id) => id !== 'model/large');
const cases = [...listScenarios().map((s) => s.id), ...MODEL_IDS]
  .flatMap((id) => (['sc', 'tso', 'weak'] as MemoryModel[]).map((model) => ({ id, model })));

describe('the batched, block-compressed, memoized search equals the plain search', () => {
  it.each(cases)('$id under $model', ({ id, model }) => expectSameSearch(id, model));
});

describe('with step tables that fill up early (they stop taking entries; the search goes on)', () => {
  it.each(MODEL_IDS.flatMap((id) => (['sc', 'tso', 'weak'] as MemoryModel[]).map((model) => ({ id, model }))))('$id under $model', ({ id, model }) => expectSameSearch(id, model, 200));
});

describe('checked: no step writes another task\'s region, and equal step inputs give equal moves', () => {
  beforeAll(() => setVerifyBlocks(true));
  afterAll(() => setVerifyBlocks(false));
  it.each(cases)('$id under $model', ({ id, model }) => expectSameSearch(id, model));
});

describe('a search large enough that the store grows straight to its budget (visited.ts LARGE)', () => {
  it('model/large under sc, 100 000 states', () => expectSameSearch('model/large', 'sc', undefined, 100_000), 120_000);
});

describe('the plain search states its rules', () => {
  it('finds the final states of a model, and the deadlock of AB-BA', () => {
    const { m, initial } = machineFor('primer/abba', 'sc');
    const ref = referenceSearch(m, initial, invariantsFor(m), 3000);
    expect(ref.deadlocks.length).toBeGreaterThan(0);
    const counters = machineFor('model/counters', 'sc');
    const r = referenceSearch(counters.m, counters.initial, [], 200_000);
    expect(r.finals.length).toBeGreaterThan(0);
    expect(r.deadlocks).toEqual([]);
  });
});
