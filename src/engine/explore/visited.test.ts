// The state store and the batched search against the simplest thing that could work: a search
// one state at a time over a Map keyed by the whole state vector. On every registered scenario,
// under every memory model, the two must number the same states in the same order and draw the
// same edges; and no step may write a task region the store takes as unchanged.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryModel } from '../api.js';
import { listScenarios } from '../index.js';
import { boot } from '../kernel/boot.js';
import { Status, type Machine } from '../kernel/machine.js';
import { runTask } from '../kernel/vm.js';
import { T_STATUS, TASK_DONE } from '../kernel/layout.js';
import type { InternalStep } from '../memory/model.js';
import { parseScenario } from '../scenarios/format.js';
import { scenarioText } from '../scenarios/index.js';
import { invariantsFor } from '../check/invariants.js';
import { explore, taskEnabled, type Invariant } from './bfs.js';
import { SHARED_BLOCK, setVerifyBlocks, sharedBlocks, StateStore } from './visited.js';

const root = new URL('../../../', import.meta.url);

/** breadth-first, one state at a time, states keyed by their full vector */
function reference(m: Machine, initial: Int32Array, invariants: Invariant[], maxStates: number) {
  const index = new Map<string, number>();
  const states: Int32Array[] = [];
  const parent: number[] = [];
  const edges: string[] = [];
  const add = (w: Int32Array, from: number): number => {
    const key = w.join(',');
    const j = index.get(key);
    if (j !== undefined) return j;
    index.set(key, states.length);
    states.push(w.slice());
    parent.push(from);
    return states.length - 1;
  };
  add(initial, -1);
  const steps: InternalStep[] = [];
  const L = m.layout;
  for (let i = 0; i < states.length && states.length <= maxStates; i++) {
    const cur = states[i];
    for (let t = 0; t < L.nTasks; t++) {
      if (cur[L.taskBase + t * L.taskWords + T_STATUS] === TASK_DONE || !taskEnabled(m, cur, t)) continue;
      const next = cur.slice();
      const st = runTask(m, next, t);
      if (st === Status.BLOCKED) continue;
      if (st !== Status.OK || invariants.some((inv) => inv(m, next))) { edges.push(`${i}-${t}->bad`); continue; }
      edges.push(`${i}-${t}->${add(next, i)}`);
    }
    steps.length = 0;
    m.memory.internalSteps(cur, L.memBase, L.mem, steps);
    steps.forEach((s, k) => {
      const next = cur.slice();
      m.memory.applyInternal(next, L.memBase, L.mem, s);
      edges.push(`${i}-${L.nTasks + k}->${add(next, i)}`);
    });
  }
  return { states, parent, edges };
}

// small models with no invariants, so the explorer reuses step results (memo.ts): locks, an
// rwsem (down_read looks at other tasks' pending calls), barriers and atomics, tasks finishing
const MODELS: { id: string; scenario: string; strategy: string }[] = [
  {
    id: 'model/counters',
    scenario: `id model/counters\n${[0, 1, 2].map((i) => `task t${i} cpu ${i} : worker(${i})`).join('\n')}\nmutex big\n`,
    strategy: 'int count; int other;\nvoid worker(int id)\n{\n\tint i;\n\tfor (i = 0; i < 2; i++) {\n\t\tmutex_lock(big);\n\t\tcount = count + 1;\n\t\tmutex_unlock(big);\n\t\tother = other + id;\n\t}\n}',
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
];

function machineFor(id: string, model: MemoryModel) {
  const own = MODELS.find((x) => x.id === id);
  const spec = parseScenario(own ? own.scenario : scenarioText(id)!).spec!;
  const strategy = own ? own.strategy : spec.strategyFile ? readFileSync(new URL(spec.strategyFile, root), 'utf8') : '';
  const b = boot(spec, strategy, model);
  if (!b.machine || !b.initial) throw new Error(`${id}: ${b.diagnostics.map((d) => d.message).join('; ')}`);
  return { m: b.machine, initial: b.initial };
}

function expectSameSearch(id: string, model: MemoryModel, memoWords?: number) {
  const { m, initial } = machineFor(id, model);
  const invariants = invariantsFor(m);
  const g = explore(m, initial, { maxStates: 3000, maxMillis: 60_000, memoWords }, invariants);
  const ref = reference(m, initial, invariants, 3000);
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
      edges.push(`${s}-${g.edgeChoice.get(e)}->${to < 0 ? 'bad' : to}`);
    }
  }
  const upTo = (list: string[]) => list.slice(0, Math.min(edges.length, ref.edges.length)).filter((e) => e.endsWith('bad') || Number(e.split('->')[1]) < n);
  expect(upTo(edges)).toEqual(upTo(ref.edges));
}

const cases = [...listScenarios().map((s) => s.id), ...MODELS.map((x) => x.id)]
  .flatMap((id) => (['sc', 'tso', 'weak'] as MemoryModel[]).map((model) => ({ id, model })));

describe('the batched, block-compressed, memoized search equals a plain search', () => {
  it.each(cases)('$id under $model', ({ id, model }) => expectSameSearch(id, model));
});

describe('with step tables that fill up early (they stop taking entries; the search goes on)', () => {
  it.each(MODELS.flatMap((x) => (['sc', 'tso', 'weak'] as MemoryModel[]).map((model) => ({ id: x.id, model }))))('$id under $model', ({ id, model }) => expectSameSearch(id, model, 200));
});

describe('checked: no step writes another task\'s region, and equal step inputs give equal moves', () => {
  beforeAll(() => setVerifyBlocks(true));
  afterAll(() => setVerifyBlocks(false));
  it.each(cases)('$id under $model', ({ id, model }) => expectSameSearch(id, model));
});

describe('StateStore', () => {
  const part = (at: number, cpu = -1) => ({ at, cpu });
  const pack = { size: 40, taskBase: 20, taskWords: 10, regions: 2, header: 4, spWord: 3, sharedParts: [part(0), part(3), part(11)] };

  it('cuts the shared words at the parts, joins short parts of no CPU and cuts long ones', () => {
    expect(sharedBlocks(pack)).toEqual([[0, 11, -1], [11, 9, -1]]);
    const long = [0, 1, 2, 3].map((k) => [k * SHARED_BLOCK, SHARED_BLOCK, -1]);
    expect(sharedBlocks({ ...pack, taskBase: 100, sharedParts: [part(0)] })).toEqual([...long, [4 * SHARED_BLOCK, 100 - 4 * SHARED_BLOCK, -1]]);
  });

  it('never joins a CPU\'s part with another', () => {
    // memory words 0-1, CPU 0's buffer 2-6, CPU 1's buffer 7-11, then two short common parts
    expect(sharedBlocks({ ...pack, sharedParts: [part(0), part(2, 0), part(7, 1), part(12), part(14)] }))
      .toEqual([[0, 2, -1], [2, 5, 0], [7, 5, 1], [12, 8, -1]]);
  });

  it('numbers distinct states in order, finds equal ones, and loads them back whole', () => {
    const store = new StateStore(pack, 4);
    const states: Int32Array[] = [];
    const seen = new Set<string>();
    // many states that differ in one word each, in the shared words and the live stack words
    for (let k = 0; k < 3000; k++) {
      const w = new Int32Array(40);
      w[k % 20] = 1 + (k % 7);
      w[20 + 3] = 2; // task 0: two live stack words
      w[24] = k >> 4;
      w[30 + 3] = k % 3; // task 1: up to two live stack words, zeros above
      if (w[33] > 0) w[34] = 9;
      if (!seen.has(w.join())) { seen.add(w.join()); states.push(w); }
    }
    states.forEach((w, i) => expect(store.insert(w)).toBe(i));
    states.forEach((w, i) => expect(store.insert(w.slice())).toBe(-(i + 1)));
    expect(store.count).toBe(states.length);
    const out = new Int32Array(40).fill(-1);
    states.forEach((w, i) => { store.load(i, out); expect(out.join()).toBe(w.join()); });
  });

  it('reuses a reference state\'s blocks only where the step could not write, and says when a step broke that', () => {
    const store = new StateStore(pack, 4);
    const a = new Int32Array(40);
    a[23] = 1; a[24] = 5;
    store.insert(a);
    const b = a.slice();
    b[24] = 6; // task 0 moved
    const out = new Int32Array(store.blocks);
    const h = store.prepare(b, a, 0, 0, out, 0);
    expect(store.insertPrepared(out, 0, h)).toBe(1);
    const c = b.slice();
    c[33] = 1; c[34] = 7; // task 1 written by a step of task 0
    setVerifyBlocks(true);
    try {
      expect(() => store.prepare(c, b, 1, 0, out, 0)).toThrow(/task 0 wrote word 33 in task region 1/);
    } finally {
      setVerifyBlocks(false);
    }
  });
});
