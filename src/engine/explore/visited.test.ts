// The state store: blocks cut at the layout's parts, distinct states numbered in order and
// loaded back whole, and a step that writes a task region the store takes as unchanged is caught.
// (The search built on it is compared with the plain search in reference.test.ts.)
import { describe, expect, it } from 'vitest';
import { IntList } from './growable.js';
import { SHARED_BLOCK, setVerifyBlocks, sharedBlocks, StateStore } from './visited.js';

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

  it('grows to its expected size once large, and past it by doubling, finding every state', () => {
    const store = new StateStore(pack, 1024, 100_000);
    const w = new Int32Array(40);
    const n = 250_000; // past the expected size
    const wrong: number[] = [];
    for (let k = 0; k < n; k++) {
      w[0] = k; w[1] = k >> 8;
      if (store.insert(w) !== k) wrong.push(k);
    }
    for (let k = 0; k < n; k += 97) {
      w[0] = k; w[1] = k >> 8;
      if (store.insert(w) !== -(k + 1)) wrong.push(k);
    }
    expect(wrong).toEqual([]);
    expect(store.count).toBe(n);
  }, 60_000);
});

describe('IntList', () => {
  it('keeps every item when it grows to its expected length and past it', () => {
    const list = new IntList(1024, 70_000);
    for (let k = 0; k < 200_000; k++) list.push(k * 3);
    expect(list.length).toBe(200_000);
    const wrong: number[] = [];
    for (let k = 0; k < 200_000; k++) if (list.get(k) !== k * 3) wrong.push(k);
    expect(wrong).toEqual([]);
  });
});
