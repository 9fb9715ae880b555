// The measurements of `npm run bench` (bench/engine.ts bundles this file first). Prints, for a
// fixed set of models under each memory model, distinct states per second and transitions per
// second of the search itself, and for each registered scenario the median time to verdict of a
// whole check() (compile, search, counterexample, trace, costs). Figures only, no assertions. The
// figures go to the terminal and, with the date and the machine, to bench/RESULTS.md (this
// script owns that file: rerun it rather than edit the file).
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus as cpuList, platform, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemoryModel } from '../src/engine/api.js';
import { check, listScenarios } from '../src/engine/index.js';
import { boot } from '../src/engine/kernel/boot.js';
import { explore, releaseGraph, type SearchGraph } from '../src/engine/explore/index.js';
import { parseScenario } from '../src/engine/scenarios/format.js';
import { scenarioText } from '../src/engine/scenarios/index.js';

const root = process.env.FAULTLINES_ROOT ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** benchmark models: many interleavings of small tasks */
const MODELS: { name: string; scenario: string; strategy: string; maxStates: number }[] = [
  {
    name: 'counters: 4 tasks, a mutex and two shared counters',
    scenario: `id bench/counters\n${[0, 1, 2, 3].map((i) => `task t${i} cpu ${i} : worker(${i})`).join('\n')}\nmutex big\n`,
    strategy: `int count; int other;
void worker(int id)
{
	int i;
	for (i = 0; i < 3; i++) {
		mutex_lock(big);
		count = count + 1;
		mutex_unlock(big);
		other = other + id;
	}
}`,
    maxStates: 500_000,
  },
  {
    name: 'page locks: 4 tasks taking two of three pages in order',
    scenario: `id bench/pages\npage p0\npage p1\npage p2\ntask t0 cpu 0 : worker(p0, p1)\ntask t1 cpu 1 : worker(p1, p2)\ntask t2 cpu 2 : worker(p0, p2)\ntask t3 cpu 3 : worker(p0, p1)\n`,
    strategy: `int hits;
void worker(struct page *a, struct page *b)
{
	int i;
	for (i = 0; i < 4; i++) {
		lock_page(a);
		lock_page(b);
		hits = hits + 1;
		unlock_page(b);
		unlock_page(a);
	}
}`,
    maxStates: 500_000,
  },
  {
    // barriers, acquire/release and atomics: under tso and weak the store buffers
    // and invalidate queues multiply the interleavings
    name: 'message passing: a producer publishing with smp_wmb and release, three consumers with acquire, smp_rmb and atomics',
    scenario: `id bench/message-passing\ntask producer cpu 0 : producer()\n${[1, 2, 3].map((i) => `task consumer${i} cpu ${i} : consumer()`).join('\n')}\n`,
    strategy: `int data; int flag; int sum; int late;
void producer(void)
{
	int i;
	for (i = 1; i <= 3; i++) {
		WRITE_ONCE(data, i);
		smp_wmb();
		smp_store_release(&flag, i);
	}
}
void consumer(void)
{
	int k;
	for (k = 0; k < 2; k++) {
		int f = smp_load_acquire(&flag);
		int d = READ_ONCE(data);
		smp_rmb();
		if (d < f)
			atomic_inc(&late);
		atomic_add(d, &sum);
	}
}`,
    maxStates: 500_000,
  },
];

function searchRate(name: string, scenarioText: string, strategy: string, maxStates: number, model: MemoryModel) {
  const spec = parseScenario(scenarioText).spec!;
  const b = boot(spec, strategy, model);
  if (!b.machine || !b.initial) throw new Error(`${name}: ${b.diagnostics.map((d) => d.message).join('; ')}`);
  releaseGraph(explore(b.machine, b.initial, { maxStates: 20000, maxMillis: 60000 }, [])); // warm up the JIT
  // The first search runs on memory never touched before (a reader's first large check); the
  // others reuse the memory the one before gave back, as check() does for a reader's next run.
  // A short search is repeated until the runs after the first add up to MIN_CPU seconds, the
  // first half of them counted as warm-up (the JIT settles over many short runs).
  const runs = [];
  let g: SearchGraph | null = null;
  let spent = 0;
  for (let k = 0; k < RUNS || spent < MIN_CPU; k++) {
    if (g) releaseGraph(g);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    g = explore(b.machine, b.initial, { maxStates, maxMillis: 60000 }, []);
    const c = process.cpuUsage(c0);
    // CPU seconds of this process: the machine may be shared, and the search is single-threaded
    runs.push({ seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 });
    if (k > 0) spent += runs[k].cpu;
  }
  const later = runs.slice(1);
  const counted = later.length > RUNS - 1 ? later.slice(Math.floor(later.length / 2)) : later;
  // a long search: the median run; many short ones: their total (CPU time is counted in ticks of
  // a millisecond or more, too coarse for one short run)
  const warm = counted.length === RUNS - 1
    ? counted.sort((x, y) => x.cpu - y.cpu)[Math.floor((counted.length - 1) / 2)]
    : { seconds: counted.reduce((n, r) => n + r.seconds, 0) / counted.length, cpu: counted.reduce((n, r) => n + r.cpu, 0) / counted.length };
  const r = {
    states: g!.store.count, transitions: g!.transitions, exhaustive: g!.exhaustive, words: b.initial.length, blocks: g!.store.blocks,
    cold: runs[0], warm,
  };
  releaseGraph(g!);
  return r;
}

/** searches per benchmark model: one on fresh memory, then the median of the rest */
const RUNS = 4;
/** CPU seconds the runs after the first must add up to */
const MIN_CPU = 1;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** every line printed, for bench/RESULTS.md */
const printed: string[] = [];
function say(line: string): void {
  console.log(line);
  printed.push(line);
}

say(`Faultlines engine benchmark (Node ${process.version}, one thread, engine bundled by esbuild as for the browser)\n`);
say(`Search throughput (explore() alone, after a warm-up run; the median of ${RUNS - 1} runs that reuse memory, or for a short search the mean of the later half of runs repeated until they add up to ${MIN_CPU} s of CPU; and the first run, on fresh memory):`);
for (const m of MODELS) {
  for (const model of ['sc', 'tso', 'weak'] as MemoryModel[]) {
    const r = searchRate(m.name, m.scenario, m.strategy, m.maxStates, model);
    say(`  ${m.name} [${model}]: ${fmt(r.states)} states${r.exhaustive ? ' (exhaustive)' : ''}, ${fmt(r.transitions)} transitions, ${r.words} words/state (stored as ${r.blocks} block numbers), ${r.warm.seconds.toFixed(2)} s wall, ${r.warm.cpu.toFixed(2)} s CPU`);
    say(`      ${fmt(r.states / r.warm.cpu)} distinct states/s, ${fmt(r.transitions / r.warm.cpu)} transitions/s (per CPU second; wall-clock: ${fmt(r.states / r.warm.seconds)} states/s; first run, fresh memory: ${fmt(r.states / r.cold.cpu)} states/s)`);
  }
}

say('\nTime to verdict (whole check(): compile, search, counterexample, trace, costs; median of 15 runs):');
for (const info of listScenarios()) {
  const spec = parseScenario(scenarioText(info.id)!).spec!;
  const strategy = spec.strategyFile ? readFileSync(resolve(root, spec.strategyFile), 'utf8') : '';
  const times: number[] = [];
  const cpus: number[] = [];
  let r = check({ scenario: info.id, strategy, model: info.model });
  for (let k = 0; k < 15; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    r = check({ scenario: info.id, strategy, model: info.model });
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpus.push((c.user + c.system) / 1000);
  }
  say(`  ${info.id.padEnd(28)} ${r.outcome.padEnd(10)} ${String(r.stats.states).padStart(7)} states   median ${median(times).toFixed(1)} ms wall, ${median(cpus).toFixed(1)} ms CPU`);
}

const cpu = cpuList();
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, ${platform()} ${release()} ${arch()}`;
writeFileSync(resolve(root, 'bench/RESULTS.md'), `# Engine benchmark

Written by \`npm run bench\` (bench/measure.ts); rerun it rather than edit this file.

- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}
- machine: ${machine}
- Node ${process.version}

\`\`\`
${printed.join('\n').trim()}
\`\`\`
`);
