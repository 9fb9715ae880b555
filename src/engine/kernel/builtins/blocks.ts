// Blocks of a file on disk: holes and their allocation (for the 2006 short-commit
// problem). A file's bytes between the end of its scenario content and its i_size are a hole:
// no block is allocated, so a read returns zeros (readBlock). A filesystem's prepare_write
// allocates the block under a page it is about to fill (get_block with create: BH_New). A newly
// allocated block comes from free space and holds whatever was written there last, stale data,
// until the page is written back: reading it before then exposes someone else's old bytes.
import type { Builtin } from '../builtin.js';
import { diskByte, expect } from '../access.js';
import { Kind } from '../handles.js';
import { TAG_NOBODY, TAG_STALE } from '../layout.js';

/** a disk byte word for "no block here": value 0, no writer (world.ts lays holes out this way) */
export const HOLE_BYTE = TAG_NOBODY << 8;
const STALE_BYTE = 0x3f; // '?', as world.ts fills unwritten blocks

export const blockBuiltins: Builtin[] = [
  {
    name: 'get_block_create', nargs: 2, visible: true,
    doc: '(file, index): map block `index` of the file for writing, allocating it if it is a hole; 1 if it was newly allocated (BH_New: it holds stale data until written)',
    run(m, w, _t, a) {
      const f = expect(m, w[a], Kind.FILE, 'get_block_create');
      if (f < 0) return 0;
      const L = m.layout;
      const index = w[a + 1];
      if (index < 0 || index >= L.files[f].pages) return m.bug(`get_block_create: block ${index} is beyond file ${L.files[f].name}'s ${L.files[f].pages} block(s)`);
      let allocated = 0;
      for (let k = 0; k < L.pageSize; k++) {
        const d = diskByte(L, f, index * L.pageSize + k);
        if (w[d] === HOLE_BYTE) { w[d] = STALE_BYTE | (TAG_STALE << 8); allocated = 1; }
      }
      if (allocated) m.count('blocksAllocated');
      return allocated;
    },
  },
];
