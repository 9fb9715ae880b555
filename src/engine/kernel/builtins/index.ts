// The table of every kernel primitive (the memory-ordering ones are generated in ordering.ts). Order fixes builtin ids in compiled code; add new
// groups (pins, writeback, DMA…) as files of their own and list them here.
import type { Builtin } from '../builtin.js';
import { blockBuiltins } from './blocks.js';
import { compatBuiltins } from './compat.js';
import { dmaBuiltins } from './dma.js';
import { DOWN_WRITE_ID, lockBuiltins } from './locks.js';
import { memoryBuiltins } from './ordering.js';
import { pageCacheBuiltins } from './pagecache.js';
import { pageBuiltins } from './pages.js';
import { schedBuiltins } from './sched.js';
import { userMemoryBuiltins } from './usermem.js';
import { writebackBuiltins } from './writeback.js';

const extraGroups: Builtin[][] = [];

/** add a group of builtins (called at module load by extension files, before any compile) */
export function registerBuiltins(group: Builtin[]) {
  extraGroups.push(group);
  table = null;
}

let table: Builtin[] | null = null;

export function builtinTable(): Builtin[] {
  if (table) return table;
  table = [...lockBuiltins, ...pageBuiltins, ...pageCacheBuiltins, ...userMemoryBuiltins, ...memoryBuiltins, ...schedBuiltins, ...writebackBuiltins, ...dmaBuiltins, ...blockBuiltins, ...compatBuiltins, ...extraGroups.flat()];
  const seen = new Set<string>();
  for (const b of table) {
    if (seen.has(b.name)) throw new Error(`builtin ${b.name} is defined twice`);
    seen.add(b.name);
  }
  DOWN_WRITE_ID.id = table.findIndex((b) => b.name === 'down_write');
  return table;
}
