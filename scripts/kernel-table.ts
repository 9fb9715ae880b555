// Prints the engine's fidelity table: every function of every simulated kernel, the kernels it is
// in, and the kernel source it follows (its `follows:` comment), into src/engine/kernel/kernels.md.
//   npx tsx scripts/kernel-table.ts           write the file
//   npx tsx scripts/kernel-table.ts --check   exit 1 if the file is not what the code says
import { readFileSync, writeFileSync } from 'node:fs';
import { kernelTable } from '../src/engine/kernel/kernel-table';

const file = new URL('../src/engine/kernel/kernels.md', import.meta.url).pathname;
const text = kernelTable();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is out of date: run npx tsx scripts/kernel-table.ts`);
    process.exit(1);
  }
  console.log(`${file} is current`);
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
