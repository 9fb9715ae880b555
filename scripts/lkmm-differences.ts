// The differential run (src/engine/litmus/differential.ts) as docs/engine/lkmm.md's "Known
// differences between weak and LKMM" section: random litmus programs decided under sc, tso, weak
// and LKMM, their final states compared.
//   npx tsx scripts/lkmm-differences.ts                 print the section for the test's run (seed 1, 20 programs)
//   npx tsx scripts/lkmm-differences.ts --write         and rewrite it in docs/engine/lkmm.md
//   npx tsx scripts/lkmm-differences.ts --long          a longer run (seed 2, 300 programs), written to bench/lkmm-differences-long.md
//   npx tsx scripts/lkmm-differences.ts --seed S --count N
import { readFileSync, writeFileSync } from 'node:fs';
import { differential, differencesMarkdown } from '../src/engine/litmus/differential.js';
import { DIFFERENTIAL_COUNT, DIFFERENTIAL_SEED, README_END, README_START } from '../src/engine/litmus/test/differential-run.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const long = args.includes('--long');
const seed = opt('--seed', long ? 2 : DIFFERENTIAL_SEED);
const count = opt('--count', long ? 300 : DIFFERENTIAL_COUNT);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
  console.error('usage: npx tsx scripts/lkmm-differences.ts [--write | --long] [--seed S] [--count N]');
  process.exit(2);
}
const t0 = performance.now();
const report = differential(seed, count);
const md = differencesMarkdown(report, seed, count);
console.log(md);
console.error(`${report.programs} programs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const v of report.violations) console.error(`VIOLATION ${v.what}:\n${v.program}`);
if (long) {
  writeFileSync('bench/lkmm-differences-long.md', `# Known differences between weak and LKMM: a longer run\n\n${md}`);
  console.error('wrote bench/lkmm-differences-long.md');
} else if (args.includes('--write')) {
  const path = 'docs/engine/lkmm.md';
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(README_START);
  const b = text.indexOf(README_END);
  if (a < 0 || b < a) {
    console.error(`${path} has no ${README_START} … ${README_END} markers`);
    process.exit(2);
  }
  writeFileSync(path, `${text.slice(0, a + README_START.length)}\n${md}\n${text.slice(b)}`);
  console.error(`rewrote the known differences in ${path}`);
}
