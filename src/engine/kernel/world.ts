// The initial world: the scenario's pages, files, disk, mms and tasks laid into one vector.
import { handle, Kind } from './handles.js';
import {
  F_CACHE, F_SIZE, fileDisk, P_BYTES, P_FLAGS, P_INDEX, P_MAP, P_MAPPING, P_REF, PAGE_FLAG_NAMES, pageAt, PG_free, PTE_WRITE,
  TAG_DISK, TAG_NOBODY, TAG_STALE, TAG_ZERO, VMA_MAPPED,
} from './layout.js';
import type { Machine } from './machine.js';

const STALE_BYTE = 0x3f; // '?': what an unwritten block happens to hold

export function initialWorld(m: Machine): Int32Array {
  const L = m.layout;
  const spec = m.spec;
  const w = new Int32Array(L.size);
  const initial = m.program.globals.map((g) => g.init);
  m.memory.init(w, L.memBase, L.mem, initial);
  for (let f = 0; f < spec.files.length; f++) {
    const fs = spec.files[f];
    w[L.files[f].base + F_SIZE] = fs.size ?? fs.content.length;
    const d = fileDisk(L, f);
    for (let k = 0; k < fs.pages * L.pageSize; k++) {
      const size = fs.size ?? fs.content.length;
      // past the content but inside i_size: a hole (no block yet, reads as zeros; see builtins/blocks.ts)
      w[d + k] = k < fs.content.length ? fs.content.charCodeAt(k) | (TAG_DISK << 8)
        : k < size ? TAG_NOBODY << 8 : STALE_BYTE | (TAG_STALE << 8);
    }
  }
  for (let i = 0; i < spec.pages.length; i++) {
    const ps = spec.pages[i];
    const p = pageAt(L, i);
    for (const name of ps.flags) {
      const bit = PAGE_FLAG_NAMES.find(([, n]) => n === name)?.[0];
      if (bit) w[p + P_FLAGS] |= bit;
    }
    w[p + P_REF] = 1;
    const f = ps.file === undefined ? -1 : spec.files.findIndex((x) => x.name === ps.file);
    if (f >= 0) {
      w[p + P_MAPPING] = handle(Kind.FILE, f);
      w[p + P_INDEX] = ps.index ?? 0;
      w[L.files[f].base + F_CACHE + (ps.index ?? 0)] = handle(Kind.PAGE, i);
    }
    for (let k = 0; k < L.pageSize; k++) {
      if (ps.content !== undefined) w[p + P_BYTES + k] = k < ps.content.length ? ps.content.charCodeAt(k) | (TAG_DISK << 8) : TAG_NOBODY << 8;
      else if (f >= 0 && ps.flags.includes('uptodate')) {
        const disk = w[fileDisk(L, f) + (ps.index ?? 0) * L.pageSize + k];
        w[p + P_BYTES + k] = disk === TAG_NOBODY << 8 ? TAG_ZERO << 8 : disk; // a cached hole holds zeros
      }
    }
  }
  for (let i = spec.pages.length; i < L.nPages; i++) w[pageAt(L, i) + P_FLAGS] = PG_free;
  for (let v = 0; v < L.vmas.length; v++) w[L.vmaBase + v] = VMA_MAPPED;
  // populated mappings: PTEs present from the start
  let vi = 0;
  for (let mm = 0; mm < spec.mms.length; mm++) {
    for (const vs of spec.mms[mm].vmas) {
      const info = L.vmas[vi++];
      if (!vs.populated) continue;
      for (let k = 0; k < vs.pages; k++) {
        const target = vs.file !== undefined
          ? spec.pages.findIndex((p) => p.file === vs.file && (p.index ?? 0) === vs.pgoff + k)
          : spec.pages.findIndex((p) => p.name === anonPageName(spec.mms[mm].name, vs.start + k * L.pageSize));
        if (target < 0) continue;
        const slot = L.mms[mm].slots.indexOf(vs.start / L.pageSize + k);
        w[L.mms[mm].base + slot] = (target + 1) | (info.writable ? PTE_WRITE : 0);
        w[pageAt(L, target) + P_MAP]++;
        w[pageAt(L, target) + P_REF]++;
      }
    }
  }
  return w;
}

/** the name the scenario format gives an anonymous page holding user data */
export const anonPageName = (mm: string, addr: number) => `${mm}@0x${addr.toString(16)}`;
