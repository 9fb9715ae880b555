// Invariants checked after every transition.
import type { Invariant } from '../explore/index.js';
import type { Machine } from '../kernel/machine.js';
import { P_MAPPING, pageAt, PG_free, P_FLAGS, VMA_MAPPED } from '../kernel/layout.js';

/** a page mapped from a file must still be in that file's page cache (truncate must unmap it first) */
export const mappedPageInCache: Invariant = (m, w) => {
  const L = m.layout;
  for (let mm = 0; mm < L.mms.length; mm++) {
    const info = L.mms[mm];
    for (const v of info.vmas) {
      const vma = L.vmas[v];
      if (vma.file < 0 || !(w[L.vmaBase + v] & VMA_MAPPED)) continue;
      for (let addr = vma.start; addr < vma.end; addr += L.pageSize) {
        const s = info.slots.indexOf(addr / L.pageSize);
        const pte = w[info.base + s];
        if (pte === 0) continue;
        const p = pageAt(L, (pte & 0xfffff) - 1);
        if (w[p + P_MAPPING] === 0 || (w[p + P_FLAGS] & PG_free)) {
          return `${info.name} still maps ${L.pageNames[(pte & 0xfffff) - 1]} at 0x${addr.toString(16)}, but the page is no longer in ${L.files[vma.file].name}'s page cache`;
        }
      }
    }
  }
  return null;
};

export function invariantsFor(m: Machine): Invariant[] {
  return m.layout.vmas.some((v) => v.file >= 0) ? [mappedPageInCache] : [];
}
