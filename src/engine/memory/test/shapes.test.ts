// Classic litmus shapes over each memory system, run by the naive explorer: which relaxed
// outcomes each model allows. `sc` forbids them all; `tso` allows only store buffering (SB, R);
// `weak` allows every shape without barriers except load buffering (LB), and none with them.
import { describe, expect, it } from 'vitest';
import { memorySystem, type MemorySystem } from '../model.js';
import { acquire, add, allows, explore, ld, mb, release, rmb, rmw, st, wmb, type Final, type Op, type Program } from './naive.js';

const [x, y, z] = [0, 1, 2];
const r = (f: Final, cpu: number, reg: number) => f.regs[cpu][reg];

interface Shape {
  name: string;
  prog: Program;
  /** the relaxed outcome the test asks about */
  exists: (f: Final) => boolean;
  /** is it reachable under sc, tso, weak */
  expect: [boolean, boolean, boolean];
}

const p = (...cpus: (Op | Op[])[][]): Program => ({ words: 3, cpus: cpus.map((ops) => ops.flat()) });

const shapes: Shape[] = [
  { name: 'SB', prog: p([st(x, 1), ld(0, y)], [st(y, 1), ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, true, true] },
  { name: 'SB+mbs', prog: p([st(x, 1), mb, ld(0, y)], [st(y, 1), mb, ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, false] },
  { name: 'SB+rfi (reads own store first)', prog: p([st(x, 1), ld(1, x), ld(0, y)], [st(y, 1), ld(1, y), ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0 && r(f, 0, 1) === 1 && r(f, 1, 1) === 1, expect: [false, true, true] },
  { name: 'MP', prog: p([st(x, 1), st(y, 1)], [ld(0, y), ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, true] },
  { name: 'MP+wmb (reader unordered)', prog: p([st(x, 1), wmb, st(y, 1)], [ld(0, y), ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, true] },
  { name: 'MP+rmb (writer unordered)', prog: p([st(x, 1), st(y, 1)], [ld(0, y), rmb, ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, true] },
  { name: 'MP+wmb+rmb', prog: p([st(x, 1), wmb, st(y, 1)], [ld(0, y), rmb, ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, false] },
  { name: 'MP+release+acquire', prog: p([st(x, 1), release(y, 1)], [acquire(0, y), ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, false] },
  { name: 'R', prog: p([st(x, 1), st(y, 1)], [st(y, 2), ld(0, x)]),
    exists: (f) => f.mem[y] === 2 && r(f, 1, 0) === 0, expect: [false, true, true] },
  { name: 'R+mbs', prog: p([st(x, 1), mb, st(y, 1)], [st(y, 2), mb, ld(0, x)]),
    exists: (f) => f.mem[y] === 2 && r(f, 1, 0) === 0, expect: [false, false, false] },
  { name: 'S', prog: p([st(x, 2), st(y, 1)], [ld(0, y), st(x, 1)]),
    exists: (f) => f.mem[x] === 2 && r(f, 1, 0) === 1, expect: [false, false, true] },
  { name: 'S+wmb+acquire', prog: p([st(x, 2), wmb, st(y, 1)], [acquire(0, y), st(x, 1)]),
    exists: (f) => f.mem[x] === 2 && r(f, 1, 0) === 1, expect: [false, false, false] },
  { name: 'LB (never in this model)', prog: p([ld(0, x), st(y, 1)], [ld(0, y), st(x, 1)]),
    exists: (f) => r(f, 0, 0) === 1 && r(f, 1, 0) === 1, expect: [false, false, false] },
  { name: '2+2W', prog: p([st(x, 1), st(y, 2)], [st(y, 1), st(x, 2)]),
    exists: (f) => f.mem[x] === 1 && f.mem[y] === 1, expect: [false, false, true] },
  { name: '2+2W+wmbs', prog: p([st(x, 1), wmb, st(y, 2)], [st(y, 1), wmb, st(x, 2)]),
    exists: (f) => f.mem[x] === 1 && f.mem[y] === 1, expect: [false, false, false] },
  { name: 'IRIW', prog: p([st(x, 1)], [ld(0, x), ld(1, y)], [st(y, 1)], [ld(0, y), ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0 && r(f, 3, 0) === 1 && r(f, 3, 1) === 0, expect: [false, false, true] },
  { name: 'IRIW+mbs', prog: p([st(x, 1)], [ld(0, x), mb, ld(1, y)], [st(y, 1)], [ld(0, y), mb, ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0 && r(f, 3, 0) === 1 && r(f, 3, 1) === 0, expect: [false, false, false] },
  { name: 'WRC', prog: p([st(x, 1)], [ld(0, x), st(y, 1)], [ld(0, y), ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 2, 0) === 1 && r(f, 2, 1) === 0, expect: [false, false, true] },
  { name: 'WRC+release+rmb', prog: p([st(x, 1)], [ld(0, x), release(y, 1)], [ld(0, y), rmb, ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 2, 0) === 1 && r(f, 2, 1) === 0, expect: [false, false, false] },
  { name: 'ISA2', prog: p([st(x, 1), st(y, 1)], [ld(0, y), st(z, 1)], [ld(0, z), ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 2, 0) === 1 && r(f, 2, 1) === 0, expect: [false, false, true] },
  { name: 'ISA2+release+acquire', prog: p([st(x, 1), release(y, 1)], [acquire(0, y), release(z, 1)], [acquire(0, z), ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 2, 0) === 1 && r(f, 2, 1) === 0, expect: [false, false, false] },
  // coherence: never, under any model
  { name: 'CoRR', prog: p([st(x, 1)], [ld(0, x), ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, false] },
  { name: 'CoRR, two writers', prog: p([st(x, 1)], [ld(0, x), ld(1, x)], [st(x, 2)]),
    exists: (f) => (r(f, 1, 0) === 1 && r(f, 1, 1) === 2 && f.mem[x] === 1) || (r(f, 1, 0) === 2 && r(f, 1, 1) === 1 && f.mem[x] === 2),
    expect: [false, false, false] },
  { name: 'CoWR', prog: p([st(x, 1), ld(0, x)], [st(x, 2)]),
    exists: (f) => f.mem[x] === 1 && r(f, 0, 0) === 2, expect: [false, false, false] },
  { name: 'CoWR, stale after own drain', prog: p([st(x, 1), ld(0, x)], [st(x, 2)]),
    exists: (f) => r(f, 0, 0) === 0, expect: [false, false, false] },
  { name: 'CoRW', prog: p([ld(0, x), st(x, 1)], [st(x, 2)]),
    exists: (f) => f.mem[x] === 2 && r(f, 0, 0) === 2, expect: [false, false, false] },
  { name: 'CoWW', prog: p([st(x, 1), st(x, 2)]),
    exists: (f) => f.mem[x] === 1, expect: [false, false, false] },
  // atomics
  { name: 'SB with xchg (fully ordered)', prog: p([rmw(1, x, 'xchg', 1, 0, 'full'), ld(0, y)], [rmw(1, y, 'xchg', 1, 0, 'full'), ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, false] },
  // atomic_add/inc as the store of SB: weak buffers it, so only a full barrier (smp_mb,
  // smp_mb__after_atomic) orders it before the later load; tso's locked add is one, sc needs none
  { name: 'SB with atomic_add (unordered)', prog: p([add(x, 1), ld(0, y)], [add(y, 1), ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, true] },
  { name: 'SB with atomic_add + smp_wmb', prog: p([add(x, 1), wmb, ld(0, y)], [add(y, 1), wmb, ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, true] },
  { name: 'SB with atomic_add + smp_rmb', prog: p([add(x, 1), rmb, ld(0, y)], [add(y, 1), rmb, ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, true] },
  { name: 'SB with atomic_add + smp_mb', prog: p([add(x, 1), mb, ld(0, y)], [add(y, 1), mb, ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, false] },
  { name: 'SB with atomic_add + smp_mb__after_atomic', prog: p([add(x, 1), mb, ld(0, y)], [add(y, 1), mb, ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, false] },
  { name: 'SB, atomic_add + smp_rmb against a fully ordered xchg (the 2019 pin side)', prog: p([add(x, 1024), rmb, ld(0, y)], [rmw(1, y, 'xchg', 1, 0, 'full'), ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, true] },
  { name: 'SB with atomic_add, then a value-returning atomic (drains it)', prog: p([add(x, 1), rmw(2, z, 'add', 1, 0, 'full'), ld(0, y)], [add(y, 1), rmw(2, z, 'add', 1, 0, 'full'), ld(0, x)]),
    exists: (f) => r(f, 0, 0) === 0 && r(f, 1, 0) === 0, expect: [false, false, false] },
  { name: 'MP, atomic_inc flag', prog: p([st(x, 1), add(y, 1)], [ld(0, y), rmb, ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, true] },
  { name: 'MP, wmb before atomic_inc flag', prog: p([st(x, 1), wmb, add(y, 1)], [ld(0, y), rmb, ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, false] },
  { name: 'MP, atomic_inc data, wmb, flag', prog: p([add(x, 1), wmb, st(y, 1)], [ld(0, y), rmb, ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, false] },
  { name: 'MP, atomic_inc data, no wmb, flag', prog: p([add(x, 1), st(y, 1)], [ld(0, y), rmb, ld(1, x)]),
    exists: (f) => r(f, 1, 0) === 1 && r(f, 1, 1) === 0, expect: [false, false, true] },
  { name: 'MP, clear_bit_unlock + test_and_set_bit_lock (bit held at start)',
    prog: { ...p([st(x, 1), rmw(1, y, 'andnot', 1, 0, 'release')], [rmw(0, y, 'or', 1, 0, 'acquire'), ld(1, x)]), init: [0, 1, 0] },
    exists: (f) => r(f, 1, 0) === 0 && r(f, 1, 1) === 0, expect: [false, false, false] },
];

const models: MemorySystem[] = [memorySystem('sc'), memorySystem('tso'), memorySystem('weak')];

describe('memory models: litmus shapes (naive explorer)', () => {
  for (const s of shapes) {
    models.forEach((ms, i) => {
      const verb = s.expect[i] ? 'allows' : 'forbids';
      it(`${ms.model} ${verb} ${s.name}`, () => {
        expect(allows(ms, s.prog, s.exists)).toBe(s.expect[i]);
      });
    });
  }
});

describe('memory models: atomicity and coherence of RMWs', () => {
  for (const ms of models) {
    it(`${ms.model}: two unordered atomic_inc never lose an update`, () => {
      const finals = explore(ms, p([add(x, 1)], [add(x, 1)]));
      expect(finals.map((f) => f.mem[x])).toEqual([2, 2].slice(0, finals.length));
      expect(finals.length).toBeGreaterThan(0);
    });
    it(`${ms.model}: an atomic_add commutes with other CPUs' RMWs on the word (no update lost)`, () => {
      const finals = explore(ms, p([add(x, 1), add(x, 2)], [rmw(0, x, 'add', 10, 0, 'full')], [add(x, 100)]));
      expect(finals.every((f) => f.mem[x] === 113)).toBe(true);
      // the fetch-add reads a sum of some of the adds, and never one that skips the first for the second
      const seen = [...new Set(finals.map((f) => f.regs[1][0]))].sort((a, b) => a - b);
      expect(seen.every((v) => [0, 1, 3, 100, 101, 103].includes(v))).toBe(true);
      if (ms.model !== 'sc') expect(seen.length).toBe(6);
    });
    it(`${ms.model}: a CPU reads its own pending adds (store forwarding of a delta)`, () => {
      const finals = explore(ms, p([st(x, 5), add(x, 1), ld(0, x), add(y, 2), ld(1, y)]));
      expect(finals).toEqual([{ regs: [[6, 2, 0, 0]], mem: [6, 2, 0] }]);
    });
    it(`${ms.model}: a value-returning RMW reads the CPU's own pending add first`, () => {
      const finals = explore(ms, p([add(x, 2), rmw(0, x, 'add', 1, 0, 'relaxed')]));
      expect(finals).toEqual([{ regs: [[2, 0, 0, 0]], mem: [3, 0, 0] }]);
    });
    it(`${ms.model}: a load after the CPU's own atomic_inc reads a value some coherence order holds (LKMM's coherence)`, () => {
      // x: 0. CPU 0 atomic_inc(x) then reads x; CPU 1 xchg(x, 5). Coherence 0→1→5 gives r 1 or 5,
      // 0→5→6 gives r 6: reading 1 with x ending at 6 reads a write that no order holds
      const finals = explore(ms, p([add(x, 1), ld(0, x)], [rmw(0, x, 'xchg', 5, 0, 'full')]));
      const seen = new Set(finals.map((f) => `${r(f, 0, 0)}/${f.mem[x]}`));
      expect(seen.has('1/6')).toBe(false);
      expect([...seen].every((v) => ['1/5', '5/5', '6/6'].includes(v))).toBe(true);
    });
    it(`${ms.model}: a full store buffer makes an atomic_add wait, not fail`, () => {
      const prog = { ...p([st(x, 1), add(y, 1), add(z, 1)], [ld(0, z), ld(1, x)]), bufferSlots: 1 };
      expect(explore(ms, prog).every((f) => f.mem.join() === '1,1,1')).toBe(true);
    });
    it(`${ms.model}: an RMW follows the CPU's own earlier store to the same word`, () => {
      const finals = explore(ms, p([st(x, 5), rmw(0, x, 'add', 1, 0, 'relaxed')]));
      expect(finals).toEqual([{ regs: [[5, 0, 0, 0]], mem: [6, 0, 0] }]);
    });
    it(`${ms.model}: a failing cmpxchg writes nothing`, () => {
      const finals = explore(ms, p([rmw(0, x, 'cmpxchg', 7, 9, 'full')]));
      expect(finals).toEqual([{ regs: [[0, 0, 0, 0]], mem: [0, 0, 0] }]);
    });
    it(`${ms.model}: a full store buffer makes the store wait, not fail`, () => {
      const prog = { ...p([st(x, 1), st(y, 1), st(z, 1)], [ld(0, z), ld(1, x)]), bufferSlots: 1 };
      const finals = explore(ms, prog);
      expect(finals.every((f) => f.mem.join() === '1,1,1')).toBe(true);
    });
  }
  for (const s of shapes) {
    it(`weak: retiring finished CPUs changes no final state (${s.name})`, () => {
      const key = (fs: Final[]) => fs.map((f) => JSON.stringify(f)).sort();
      const ms = memorySystem('weak');
      expect(key(explore(ms, s.prog))).toEqual(key(explore(ms, { ...s.prog, retire: false })));
    });
  }
  it('weak: with more words than queue slots, drains wait for room and nothing gets stuck', () => {
    const words = 9; // > QUEUE_SLOTS
    const writes = Array.from({ length: words }, (_, a) => st(a, 1));
    const prog: Program = { words, cpus: [writes, [ld(0, words - 1), ld(1, 0)]], bufferSlots: 1 };
    const finals = explore(memorySystem('weak'), prog); // throws on a stuck state
    expect(finals.every((f) => f.mem.every((v) => v === 1))).toBe(true);
    // message passing without barriers is still visible: the last word seen, the first one stale
    expect(finals.some((f) => f.regs[1][0] === 1 && f.regs[1][1] === 0)).toBe(true);
  });
  it('sc: the relaxed shapes reduce to interleavings (SB has exactly three outcomes)', () => {
    const finals = explore(memorySystem('sc'), p([st(x, 1), ld(0, y)], [st(y, 1), ld(0, x)]));
    expect(finals.map((f) => `${f.regs[0][0]}${f.regs[1][0]}`).sort()).toEqual(['01', '10', '11']);
  });
});
