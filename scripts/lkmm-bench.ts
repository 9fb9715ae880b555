// Speed of the LKMM checker on the kernel's litmus tests (../shared/lkmm-litmus, or
// FAULTLINES_LITMUS_DIR): every test decided once to warm up (the first pass, as a cold page
// would see it, is printed too), then each `runs` times; prints the median
// time per test, the slowest tests, and candidate executions judged per second over all of them.
// Writes the same text to bench/lkmm-bench.txt.
//   npx tsx scripts/lkmm-bench.ts [runs]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runLkmm } from '../src/engine/lkmm/index.js';

const runs = Number(process.argv[2] ?? 9);
const dir = process.env.FAULTLINES_LITMUS_DIR ?? resolve('../shared/lkmm-litmus');
if (!existsSync(dir) || !Number.isInteger(runs) || runs < 1) {
  console.error(`usage: npx tsx scripts/lkmm-bench.ts [runs]  (tests from ${dir})`);
  process.exit(2);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: { test: string; ms: number; candidates: number; result: string }[] = [];
const files = readdirSync(dir).filter((x) => x.endsWith('.litmus')).sort();
const cold = performance.now();
for (const f of files) runLkmm(readFileSync(resolve(dir, f), 'utf8'));
const coldMs = performance.now() - cold;
for (const f of files) {
  const text = readFileSync(resolve(dir, f), 'utf8');
  const first = runLkmm(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    runLkmm(text);
    times.push(performance.now() - t0);
  }
  rows.push({ test: f.replace(/\.litmus$/, ''), ms: median(times), candidates: first.candidates, result: first.result });
}
const total = rows.reduce((a, r) => a + r.ms, 0);
const cands = rows.reduce((a, r) => a + r.candidates, 0);
const out = [
  `LKMM checker on ${rows.length} kernel litmus tests, median of ${runs} runs each (Node ${process.version})`,
  `first pass over all tests (cold): ${coldMs.toFixed(1)} ms`,
  `all tests: ${total.toFixed(1)} ms, ${cands} candidate executions, ${Math.round(cands / (total / 1000))} candidates/s`,
  `slowest: ${Math.max(...rows.map((r) => r.ms)).toFixed(1)} ms (limit 100 ms per test)`,
  '',
  'slowest tests:',
  ...[...rows].sort((a, b) => b.ms - a.ms).slice(0, 8).map((r) => `  ${r.ms.toFixed(2).padStart(8)} ms  ${String(r.candidates).padStart(5)} candidates  ${r.result.padEnd(9)} ${r.test}`),
];
console.log(out.join('\n'));
writeFileSync('bench/lkmm-bench.txt', `${out.join('\n')}\n`);
