// The reference memory models, over plain JavaScript arrays, written from their definitions
// (docs/engine/memory-models.md) and not from the engine's code:
//
// sc   one memory; every access is immediate.
// tso  x86-TSO: a FIFO store buffer per CPU with store forwarding (a load reads the CPU's newest
//      buffered store to the word, else memory); a drain moves the oldest entry to memory.
//      smp_mb() and every locked instruction (each atomic RMW, atomic_add included, and each
//      acquire or release of a sleeping lock, as x86 implements them) empty the buffer first.
// weak the store-buffer and invalidate-queue machine of McKenney's "Memory Barriers: a Hardware
//      View for Software Hackers". A buffered entry (a store, or an atomic_add's delta) reaches
//      memory in any order, except that it never passes an older entry to the same word nor a
//      barrier mark (smp_wmb(), a release) placed after an older entry. When a word in memory
//      changes, every other CPU still running keeps reading the value it had cached (a stale
//      copy) until it processes the invalidation, one at a time in any order, or all at once at
//      smp_rmb(), an acquire or smp_mb(). A CPU that buffers an entry for a word, or writes it in
//      memory, owns the line: it has no stale copy of that word while the entry is pending. A
//      load of a word the CPU has a delta buffered for first drains, as an acquire RMW does, the
//      entries to the word and every entry before the youngest barrier mark, then reads memory
//      (so it reads a value some coherence order holds); else it reads the CPU's newest buffered
//      store to the word, else its cached copy. smp_mb() drains the buffer and processes every
//      invalidation. A fully ordered RMW does as smp_mb() before acting on memory; an acquire RMW
//      first drains the entries to its word and every entry before the youngest barrier mark,
//      then acts on memory, then processes every invalidation. A sleeping lock's state is not a
//      memory word here: taking it is an acquire (process the invalidations) and releasing it
//      drains the buffer, so that whoever takes it next sees the critical section's stores.
//
// Store buffers hold SLOTS entries (the engine's size): a store or delta into a full buffer
// waits for a drain. Both definitions bound the buffer the same way.
export type ModelName = 'sc' | 'tso' | 'weak';

export const SLOTS = 2;

/** a buffer entry: [word, value, 1 if a delta]; a barrier mark is [-1, 0, 0] */
export type Entry = [number, number, number];
const MARK = -1;

export interface MemState {
  mem: number[];
  /** per CPU, oldest entry first */
  buf: Entry[][];
  /** per CPU, per word: the stale value the CPU still reads, or null (fresh) */
  stale: (number | null)[][];
  /** per CPU: every task on it has returned (no load can look at its copies any more) */
  retired: boolean[];
}

export function initialMemory(words: number, cpus: number): MemState {
  return {
    mem: new Array(words).fill(0),
    buf: Array.from({ length: cpus }, () => []),
    stale: Array.from({ length: cpus }, () => new Array(words).fill(null)),
    retired: new Array(cpus).fill(false),
  };
}

const entries = (b: Entry[]) => b.filter((e) => e[0] !== MARK).length;

/** a mark with no entry before it orders nothing, and two marks in a row are one */
function tidy(b: Entry[]): void {
  while (b.length && b[0][0] === MARK) b.shift();
  for (let i = b.length - 1; i > 0; i--) if (b[i][0] === MARK && b[i - 1][0] === MARK) b.splice(i, 1);
}

/** weak: a word in memory takes a new value; other running CPUs keep their old copies for now */
function writeMemory(s: MemState, cpu: number, a: number, v: number): void {
  if (s.mem[a] !== v) {
    for (let d = 0; d < s.buf.length; d++) {
      if (d === cpu || s.retired[d] || s.stale[d][a] !== null || s.buf[d].some((e) => e[0] === a)) continue;
      s.stale[d][a] = s.mem[a];
    }
  }
  s.mem[a] = v;
  s.stale[cpu][a] = null;
  // a stale copy equal to memory reads as a fresh one
  for (let d = 0; d < s.buf.length; d++) if (s.stale[d][a] === v) s.stale[d][a] = null;
}

/** may entry j of the buffer reach memory now? (weak) */
function drainable(b: Entry[], j: number): boolean {
  if (b[j][0] === MARK) return false;
  for (let i = 0; i < j; i++) if (b[i][0] === MARK || b[i][0] === b[j][0]) return false;
  return true;
}

function drainAt(model: ModelName, s: MemState, cpu: number, j: number): void {
  const [a, v, delta] = s.buf[cpu][j];
  const value = delta ? s.mem[a] + v : v;
  s.buf[cpu].splice(j, 1);
  if (model === 'weak') writeMemory(s, cpu, a, value);
  else s.mem[a] = value;
  tidy(s.buf[cpu]);
}

/** drain every entry, oldest first */
function drainAll(model: ModelName, s: MemState, cpu: number): void {
  const b = s.buf[cpu];
  while (b.length) {
    const j = b.findIndex((e) => e[0] !== MARK);
    if (j < 0) { b.length = 0; break; }
    drainAt(model, s, cpu, j);
  }
}

/** weak, before an acquire RMW of word a: drain the entries to a and all those before the youngest mark */
function drainBefore(s: MemState, cpu: number, a: number): void {
  const b = s.buf[cpu];
  let lastMark = -1;
  for (let i = 0; i < b.length; i++) if (b[i][0] === MARK) lastMark = i;
  const must = b.map((e, i) => e[0] !== MARK && (i < lastMark || e[0] === a));
  for (let i = 0, k = 0; k < must.length; k++) {
    if (must[k]) { drainRaw(s, cpu, i); } else i++;
  }
  // marks left with nothing older are dropped
  tidy(b);
}

/** weak: drain entry i without tidying (drainBefore keeps its own indexes) */
function drainRaw(s: MemState, cpu: number, i: number): void {
  const b = s.buf[cpu];
  if (b[i][0] === MARK) { b.splice(i, 1); return; }
  const [a, v, delta] = b[i];
  b.splice(i, 1);
  writeMemory(s, cpu, a, delta ? s.mem[a] + v : v);
}

const clearStale = (s: MemState, cpu: number) => s.stale[cpu].fill(null);

/** what a load by cpu reads: its own buffered entries for the word first (weak: a delta drains first) */
export function load(model: ModelName, s: MemState, cpu: number, a: number): number {
  if (model === 'weak' && s.buf[cpu].some((e) => e[0] === a && e[2])) {
    drainBefore(s, cpu, a);
    return s.mem[a];
  }
  const b = s.buf[cpu];
  let base: number | null = null;
  let sum = 0;
  let own = false;
  for (const [w, v, delta] of b) {
    if (w !== a) continue;
    own = true;
    if (delta) sum += v;
    else { base = v; sum = 0; }
  }
  if (own) return (base ?? s.mem[a]) + sum;
  if (model === 'weak' && s.stale[cpu][a] !== null) return s.stale[cpu][a]!;
  return s.mem[a];
}

/** what an RMW by cpu would read now (the line taken exclusive: never a stale copy) */
export function latest(s: MemState, cpu: number, a: number): number {
  const b = s.buf[cpu];
  let base: number | null = null;
  let sum = 0;
  for (const [w, v, delta] of b) {
    if (w !== a) continue;
    if (delta) sum += v;
    else { base = v; sum = 0; }
  }
  return (base ?? s.mem[a]) + sum;
}

/** can the CPU's buffer take one more store or delta now? */
export function canBuffer(model: ModelName, s: MemState, cpu: number, delta: boolean): boolean {
  if (model === 'sc' || (model === 'tso' && delta)) return true;
  return entries(s.buf[cpu]) < SLOTS;
}

export function store(model: ModelName, s: MemState, cpu: number, a: number, v: number, release: boolean): void {
  if (model === 'sc') { s.mem[a] = v; return; }
  if (model === 'weak' && release) mark(s, cpu);
  s.buf[cpu].push([a, v, 0]);
  s.stale[cpu][a] = null;
}

/** atomic_add: sc adds, tso is a locked add, weak buffers a delta */
export function add(model: ModelName, s: MemState, cpu: number, a: number, d: number): void {
  if (model === 'sc') { s.mem[a] += d; return; }
  if (model === 'tso') { drainAll(model, s, cpu); s.mem[a] += d; return; }
  s.buf[cpu].push([a, d, 1]);
  s.stale[cpu][a] = null;
}

function mark(s: MemState, cpu: number): void {
  const b = s.buf[cpu];
  if (b.length && b[b.length - 1][0] !== MARK) b.push([MARK, 0, 0]);
}

export type Fence = 'mb' | 'wmb' | 'rmb' | 'acquire';

export function fence(model: ModelName, s: MemState, cpu: number, f: Fence): void {
  if (model === 'sc') return;
  if (model === 'tso') { if (f === 'mb') drainAll(model, s, cpu); return; }
  if (f === 'mb') { drainAll(model, s, cpu); clearStale(s, cpu); }
  else if (f === 'wmb') mark(s, cpu);
  else clearStale(s, cpu);
}

/** an atomic read-modify-write of word a; returns the old value */
export function rmw(model: ModelName, s: MemState, cpu: number, a: number, op: (old: number) => number, order: 'full' | 'acquire'): number {
  if (model === 'sc') { const old = s.mem[a]; s.mem[a] = op(old); return old; }
  if (model === 'tso') { drainAll(model, s, cpu); const old = s.mem[a]; s.mem[a] = op(old); return old; }
  if (order === 'full') { drainAll(model, s, cpu); clearStale(s, cpu); } else drainBefore(s, cpu, a);
  const old = s.mem[a];
  writeMemory(s, cpu, a, op(old));
  if (order === 'acquire') clearStale(s, cpu);
  return old;
}

/** a sleeping lock taken (acquire) or released, as the definitions above say */
export function sleepingLock(model: ModelName, s: MemState, cpu: number, how: 'acquire' | 'release'): void {
  if (model === 'sc') return;
  if (model === 'tso') { drainAll(model, s, cpu); return; }
  if (how === 'acquire') clearStale(s, cpu);
  else drainAll(model, s, cpu);
}

/** wait_for_other_tasks(): every other task has exited, and exit is fully ordered */
export function settleAll(model: ModelName, s: MemState): void {
  for (let c = 0; c < s.buf.length; c++) { drainAll(model, s, c); if (model === 'weak') clearStale(s, c); }
}

/** every task of the CPU has returned: its copies can never be read again */
export function retire(s: MemState, cpu: number): void {
  s.retired[cpu] = true;
  clearStale(s, cpu);
}

export interface MemStep { cpu: number; kind: 'drain' | 'invalidate'; at: number }

/** the memory system's own steps enabled now */
export function internalSteps(model: ModelName, s: MemState): MemStep[] {
  const out: MemStep[] = [];
  if (model === 'sc') return out;
  for (let c = 0; c < s.buf.length; c++) {
    const b = s.buf[c];
    if (model === 'tso') { if (b.length) out.push({ cpu: c, kind: 'drain', at: 0 }); continue; }
    for (let j = 0; j < b.length; j++) if (drainable(b, j)) out.push({ cpu: c, kind: 'drain', at: j });
    for (let a = 0; a < s.stale[c].length; a++) if (s.stale[c][a] !== null) out.push({ cpu: c, kind: 'invalidate', at: a });
  }
  return out;
}

export function applyStep(model: ModelName, s: MemState, step: MemStep): void {
  if (step.kind === 'drain') drainAt(model, s, step.cpu, step.at);
  else s.stale[step.cpu][step.at] = null;
}

export const quiescent = (s: MemState) => s.buf.every((b) => b.length === 0);
