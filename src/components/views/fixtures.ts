// Hand-written results in the shapes of src/engine/api.ts, for the views' tests: a two-task
// ABBA deadlock on page locks, a weak-memory trace with a store-buffer actor, and a write
// that exposes zeros nobody wrote and stale disk data. Small enough to check by eye.
import type { CheckResult, PageView, StackFrame, Trace, TraceStep, WorldSnapshot } from '../../engine/api.js';

type Byte = { value: number; writer: string };
const bytes = (writer: string, ...values: number[]): Byte[] => values.map((value) => ({ value, writer }));
const frames = (...names: string[]): StackFrame[] =>
  names.map((n) => {
    const [fn, line] = n.split(':');
    return { fn, line: Number(line), source: 'strategy' };
  });

function page(id: number, over: Partial<PageView> = {}): PageView {
  return { id, name: `page ${id}`, flags: ['uptodate'], refcount: 1, mapcount: 0, lockOwner: null, waiters: [], bytes: bytes('disk', 0x61, 0x62), inCache: true, ...over };
}

function world(over: Partial<WorldSnapshot> = {}): WorldSnapshot {
  return { pages: [], locks: [], tasks: [], ptes: [], disk: [], ...over };
}

function step(actor: number, op: string, args: string[], stack: StackFrame[], w: WorldSnapshot, over: Partial<TraceStep> = {}): TraceStep {
  return { actor, op, args, stack, world: w, switched: false, ...over };
}

function result(over: Partial<CheckResult>): CheckResult {
  return {
    outcome: 'ok',
    verdict: 'ok',
    headline: 'OK: no interleaving fails',
    diagnostics: [],
    stats: { states: 1234, transitions: 5678, millis: 12.4, exhaustive: true, stoppedBy: null },
    costs: { mmap_sem: 1, pageTableWalks: 2, pageLocks: 2, pagesAllocated: 0, bytesCopied: 8, faults: 1 },
    trace: null,
    ...over,
  };
}

// --- ABBA: A locks page 0 then page 1, B locks page 1 then page 0 ---------------------------
const tasks = (a: 'running' | 'blocked', b: 'running' | 'blocked') => [
  { name: 'A', state: a, cpu: 0 },
  { name: 'B', state: b, cpu: 1 },
];
const abbaWorlds = [
  world({ pages: [page(0), page(1)], tasks: tasks('running', 'running') }),
  world({ pages: [page(0, { flags: ['locked', 'uptodate'], lockOwner: 'A' }), page(1)], tasks: tasks('running', 'running') }),
  world({ pages: [page(0, { flags: ['locked', 'uptodate'], lockOwner: 'A' }), page(1, { flags: ['locked', 'uptodate'], lockOwner: 'B' })], tasks: tasks('running', 'running') }),
  world({
    pages: [page(0, { flags: ['locked', 'uptodate'], lockOwner: 'A' }), page(1, { flags: ['locked', 'uptodate'], lockOwner: 'B', waiters: ['A'] })],
    tasks: tasks('blocked', 'running'),
  }),
  world({
    pages: [page(0, { flags: ['locked', 'uptodate'], lockOwner: 'A', waiters: ['B'] }), page(1, { flags: ['locked', 'uptodate'], lockOwner: 'B', waiters: ['A'] })],
    tasks: tasks('blocked', 'blocked'),
    locks: [{ name: 'mmap_sem', state: 'free', holders: [], waiters: [] }],
  }),
];

export const abbaTrace: Trace = {
  actors: [
    { name: 'A', kind: 'task', cpu: 0 },
    { name: 'B', kind: 'task', cpu: 1 },
  ],
  initial: abbaWorlds[0],
  steps: [
    step(0, 'lock_page', ['page 0'], frames('lock_both:5', 'task_a:2'), abbaWorlds[1]),
    step(1, 'lock_page', ['page 1'], frames('lock_both:5', 'task_b:2'), abbaWorlds[2], { switched: true }),
    step(0, 'lock_page', ['page 1'], frames('lock_both:6', 'task_a:2'), abbaWorlds[3], { switched: true, blocked: true }),
    // a reader-controlled name that must arrive escaped
    step(1, 'lock_page', ['page 0'], frames('<img src=x onerror=alert(1)>:6', 'task_b:2'), abbaWorlds[4], { switched: true, blocked: true, note: 'waits "forever" & more' }),
  ],
  schedule: [0, 1, 0, 1],
};

export const abbaCycle = [
  { task: 'A', holds: 'page 0', wants: 'page 1' },
  { task: 'B', holds: 'page 1', wants: 'page 0' },
];

export const abbaResult = result({
  outcome: 'deadlock',
  verdict: 'deadlock',
  headline: 'Deadlock: A and B wait for each other’s page lock',
  cycle: abbaCycle,
  trace: abbaTrace,
});

// --- weak memory: P0's store sits in CPU 0's buffer while P1 reads the old value ---------------
const mem = (x: number, r0: number) => [
  { name: 'x', value: x },
  { name: 'r0', value: r0 },
];
export const weakTrace: Trace = {
  actors: [
    { name: 'P0', kind: 'task', cpu: 0 },
    { name: 'P1', kind: 'task', cpu: 1 },
    { name: 'CPU 0 buffer', kind: 'buffer', cpu: 0 },
  ],
  initial: world({ memory: mem(0, 0), buffers: [{ cpu: 0, entries: [] }, { cpu: 1, entries: [] }] }),
  steps: [
    step(0, 'WRITE_ONCE', ['x', '1'], frames('P0:1'), world({ memory: mem(0, 0), buffers: [{ cpu: 0, entries: ['x = 1'] }, { cpu: 1, entries: [] }] })),
    step(1, 'READ_ONCE', ['x'], frames('P1:1'), world({ memory: mem(0, 0), buffers: [{ cpu: 0, entries: ['x = 1'] }, { cpu: 1, entries: [] }] }), { result: '0', switched: true }),
    step(2, 'drain', ['x = 1'], [], world({ memory: mem(1, 0), buffers: [{ cpu: 0, entries: [] }, { cpu: 1, entries: [] }] }), { switched: true }),
  ],
  schedule: [0, 1, 2],
};

export const weakResult = result({
  outcome: 'bug',
  verdict: 'bug',
  headline: 'Bug: P1 read x = 0 after P0 wrote it',
  stats: { states: 40, transitions: 61, millis: 0.4, exhaustive: false, stoppedBy: 'states' },
  trace: weakTrace,
  finals: [{ values: { r0: 0 }, count: 1 }, { values: { r0: 1 }, count: 1 }],
});

// --- corruption: W adds a page and copies two bytes; R reads all four, two that nobody wrote.
// Index 1 holds kernel zeros and a stale block, so every special writer shows up.
const disk = [{ file: 'file A', bytes: [...bytes('disk', 0x61), ...bytes('stale', 0x3f, 0x3f, 0x3f)] }];
const tail = page(1, { name: 'file A, index 1', bytes: [...bytes('zero', 0, 0), ...bytes('stale', 0x3f, 0x3f)] });
const pte = (present: boolean) => [{ mm: 'R', addr: 0x1000, page: present ? 0 : null, writable: present }];
const head = (over: Partial<PageView>) => page(0, { name: 'file A, index 0', ...over });
export const corruptionTrace: Trace = {
  actors: [
    { name: 'W', kind: 'task', cpu: 0 },
    { name: 'R', kind: 'task', cpu: 1 },
  ],
  initial: world({ disk, pages: [tail], ptes: pte(false) }),
  steps: [
    step(0, 'add_to_page_cache', ['file A', 'index 0'], frames('generic_perform_write:4'), world({
      disk,
      pages: [head({ flags: ['locked'], lockOwner: 'W', refcount: 2, bytes: bytes('nobody', 0, 0, 0, 0) }), tail],
      ptes: pte(false),
    })),
    step(0, 'copy_from_user', ['page 0', '2 bytes'], frames('generic_perform_write:7'), world({
      disk,
      pages: [head({ flags: ['uptodate'], refcount: 2, bytes: [...bytes('W', 0x41, 0x41), ...bytes('nobody', 0, 0)] }), tail],
      ptes: pte(false),
    })),
    step(1, 'copy_to_user', ['page 0', '4 bytes'], frames('generic_file_read:3'), world({
      disk,
      pages: [head({ flags: ['uptodate'], refcount: 1, mapcount: 1, bytes: [...bytes('W', 0x41, 0x41), ...bytes('nobody', 0, 0)] }), tail],
      ptes: pte(true),
    }), { switched: true, note: 'R sees bytes nobody wrote' }),
  ],
  schedule: [0, 0, 1],
};

export const corruptionResult = result({
  outcome: 'corruption',
  verdict: 'corruption',
  headline: 'Corruption: a read returned a byte nobody wrote (byte 2 of file A)',
  trace: corruptionTrace,
});

export const errorResult = result({
  outcome: 'error',
  verdict: null,
  headline: "Error: 3:14: unknown function 'lock_pgae'",
  diagnostics: [{ line: 3, column: 14, message: "unknown function 'lock_pgae' (did you mean <lock_page>?)", severity: 'error', source: 'strategy' }],
  costs: null,
  trace: null,
  stats: { states: 0, transitions: 0, millis: 0, exhaustive: false, stoppedBy: null },
});
