// The page cache and the backing store: lookups, insertion and removal, i_size, block reads
// (readpage) and writes (writepage), and copies between pages. A file, its inode and its
// address_space are one object in the model.
import type { Builtin } from '../builtin.js';
import { cacheSlot, diskByte, expect, pageBase } from '../access.js';
import { handle, indexOf, Kind } from '../handles.js';
import {
  F_SIZE, P_BYTES, P_FLAGS, P_INDEX, P_MAPPING, P_OWNER, P_REF, PG_dirty, PG_locked, PG_uptodate, TAG_NOBODY, TAG_ZERO,
} from '../layout.js';
import type { Machine } from '../machine.js';
import { commitRef, fileOf, livePage, putPage, refInc } from './pages.js';

const EEXIST = 17;

function mustBeLocked(m: Machine, w: Int32Array, p: number, h: number, fn: string): boolean {
  if (w[p + P_FLAGS] & PG_locked) return true;
  m.bug(`${fn}() on ${m.layout.pageNames[indexOf(h)]}, which is not locked`);
  return false;
}

/** take page p (handle h) out of file f's cache and drop the cache's reference */
function dropFromCache(m: Machine, w: Int32Array, t: number, p: number, f: number, h: number): void {
  w[cacheSlot(m.layout, f, w[p + P_INDEX])] = 0;
  w[p + P_MAPPING] = 0;
  putPage(m, w, t, p, m.layout.pageNames[indexOf(h)]);
}

export const pageCacheBuiltins: Builtin[] = [
  {
    name: 'find_get_page', nargs: 2, visible: true, doc: '(mapping, index): the cached page with a new reference, or NULL',
    run(m, w, t, a) {
      const f = expect(m, w[a], Kind.FILE, 'find_get_page');
      if (f < 0) return 0;
      const s = cacheSlot(m.layout, f, w[a + 1]);
      if (s < 0 || w[s] === 0) return 0;
      if (!refInc(m, w, t, m.layout.pageBase + indexOf(w[s]) * m.layout.pageWords, m.layout.pageNames[indexOf(w[s])])) return 0;
      return w[s];
    },
  },
  {
    name: 'add_to_page_cache', nargs: 3, visible: true, doc: '(page, mapping, index): insert a new page, locked; -EEXIST if the slot is taken',
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], 'add_to_page_cache');
      const f = expect(m, w[a + 1], Kind.FILE, 'add_to_page_cache');
      if (p < 0 || f < 0) return 0;
      const s = cacheSlot(m.layout, f, w[a + 2]);
      if (s < 0) return m.bug(`add_to_page_cache: index ${w[a + 2]} is beyond the file's ${m.layout.files[f].pages} pages`);
      if (w[s] !== 0) return -EEXIST;
      if (w[p + P_FLAGS] & PG_locked) return m.bug('add_to_page_cache() of a locked page');
      w[s] = w[a];
      w[p + P_FLAGS] |= PG_locked;
      w[p + P_OWNER] = t + 1;
      w[p + P_MAPPING] = w[a + 1];
      w[p + P_INDEX] = w[a + 2];
      refInc(m, w, t, p, m.layout.pageNames[indexOf(w[a])]);
      return 0;
    },
  },
  {
    name: 'delete_from_page_cache', nargs: 1, visible: true, doc: 'remove a locked page from its file\'s cache (drops the cache\'s reference)',
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], 'delete_from_page_cache');
      if (p < 0 || !mustBeLocked(m, w, p, w[a], 'delete_from_page_cache')) return 0;
      const f = fileOf(w, p);
      if (f < 0) return m.bug('delete_from_page_cache() of a page not in the page cache');
      dropFromCache(m, w, t, p, f, w[a]);
      return 0;
    },
  },
  {
    // mm/vmscan.c __remove_mapping(): the count is tested and the page taken out under the
    // mapping's tree_lock, which find_get_page() also takes, so no lookup can slip in between
    name: 'remove_mapping', nargs: 1, visible: true, doc: 'remove a locked page from its file\'s cache if only the cache and the caller hold references (2); 1 if removed, 0 if kept',
    run(m, w, t, a) {
      const p = livePage(m, w, w[a], 'remove_mapping');
      if (p < 0 || !mustBeLocked(m, w, p, w[a], 'remove_mapping')) return 0;
      const f = fileOf(w, p);
      if (f < 0) return 0;
      // somebody else holds a reference (a fault that just found it, a pin): reclaim keeps the page
      commitRef(m, w, t, p);
      if (w[p + P_REF] !== 2) return 0;
      dropFromCache(m, w, t, p, f, w[a]);
      return 1;
    },
  },
  {
    name: 'i_size_read', nargs: 1, visible: true, doc: 'the file size',
    run: (m, w, _t, a) => { const f = expect(m, w[a], Kind.FILE, 'i_size_read'); return f < 0 ? 0 : w[m.layout.files[f].base + F_SIZE]; },
  },
  {
    name: 'i_size_write', nargs: 2, visible: true, doc: '(inode, size): set the file size',
    run(m, w, _t, a) {
      const f = expect(m, w[a], Kind.FILE, 'i_size_write');
      if (f < 0) return 0;
      if (w[a + 1] < 0 || w[a + 1] > m.layout.files[f].pages * m.layout.pageSize) return m.bug(`i_size_write: size ${w[a + 1]} is beyond the model's file`);
      w[m.layout.files[f].base + F_SIZE] = w[a + 1];
      return 0;
    },
  },
  {
    name: 'readpage', nargs: 2, visible: true, doc: '(file, page): read the locked page from disk (zeros past EOF), mark it uptodate, unlock it',
    run(m, w, _t, a) {
      const f = expect(m, w[a], Kind.FILE, 'readpage');
      const p = livePage(m, w, w[a + 1], 'readpage');
      if (f < 0 || p < 0 || !mustBeLocked(m, w, p, w[a + 1], 'readpage')) return 0;
      readBlock(m, w, f, p, w[p + P_INDEX], 0, m.layout.pageSize);
      w[p + P_FLAGS] = (w[p + P_FLAGS] | PG_uptodate) & ~PG_locked;
      w[p + P_OWNER] = 0;
      return 0;
    },
  },
  {
    name: 'block_read_page', nargs: 4, visible: true, doc: '(file, page, from, to): read bytes outside [from, to) of the page from disk (prepare_write\'s read-modify-write)',
    run(m, w, _t, a) {
      const f = expect(m, w[a], Kind.FILE, 'block_read_page');
      const p = livePage(m, w, w[a + 1], 'block_read_page');
      if (f < 0 || p < 0) return 0;
      readBlock(m, w, f, p, w[p + P_INDEX], 0, w[a + 2]);
      readBlock(m, w, f, p, w[p + P_INDEX], w[a + 3], m.layout.pageSize);
      return 0;
    },
  },
  {
    name: 'writepage', nargs: 1, visible: true, doc: 'write the locked page\'s bytes to its blocks on disk and clear PG_dirty',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'writepage');
      if (p < 0 || !mustBeLocked(m, w, p, w[a], 'writepage')) return 0;
      const f = fileOf(w, p);
      if (f < 0) return m.bug('writepage() of a page that is not in the page cache');
      const ps = m.layout.pageSize;
      const d = diskByte(m.layout, f, w[p + P_INDEX] * ps);
      for (let k = 0; k < ps; k++) w[d + k] = w[p + P_BYTES + k];
      w[p + P_FLAGS] &= ~PG_dirty;
      m.count('pagesWritten');
      return 0;
    },
  },
  {
    name: 'zero_user', nargs: 3, visible: true, doc: '(page, offset, len): zero bytes of the page (they show as zeros written by the kernel)',
    run(m, w, _t, a) {
      const p = livePage(m, w, w[a], 'zero_user');
      if (p < 0 || !inPage(m, w[a + 1], w[a + 2], 'zero_user')) return 0;
      for (let k = 0; k < w[a + 2]; k++) w[p + P_BYTES + w[a + 1] + k] = TAG_ZERO << 8;
      return 0;
    },
  },
  {
    name: 'memcpy_page', nargs: 5, visible: true, doc: '(dst, dst_off, src, src_off, len): copy bytes between pages (kmap + memcpy), keeping who wrote them',
    run(m, w, _t, a) {
      const d = livePage(m, w, w[a], 'memcpy_page');
      const s = livePage(m, w, w[a + 2], 'memcpy_page');
      if (d < 0 || s < 0 || !inPage(m, w[a + 1], w[a + 4], 'memcpy_page') || !inPage(m, w[a + 3], w[a + 4], 'memcpy_page')) return 0;
      for (let k = 0; k < w[a + 4]; k++) w[d + P_BYTES + w[a + 1] + k] = w[s + P_BYTES + w[a + 3] + k];
      m.count('bytesCopied', w[a + 4]);
      return 0;
    },
  },
  {
    name: 'nr_files', nargs: 0, visible: false, doc: 'how many files the scenario has',
    run: (m) => m.layout.files.length,
  },
  {
    name: 'file_at', nargs: 1, visible: false, doc: '(i): the i-th file of the scenario, or NULL',
    run: (m, _w, _t, a) => (0 <= _w[a] && _w[a] < m.layout.files.length ? handle(Kind.FILE, _w[a]) : 0),
  },
  {
    name: 'file_max_pages', nargs: 1, visible: false, doc: '(mapping): page-cache slots of the file in the model',
    run: (m, w, _t, a) => { const f = expect(m, w[a], Kind.FILE, 'file_max_pages'); return f < 0 ? 0 : m.layout.files[f].pages; },
  },
  {
    name: 'count_vm_event', nargs: 1, visible: false, doc: '(PGFAULT): count an event in the cost counters',
    run: (m, w, _t, a) => { if (w[a] === 1) m.count('faults'); return 0; },
  },
  {
    name: 'page_file', nargs: 1, visible: true, doc: 'the file whose cache holds the page (page->mapping), or NULL',
    run: (m, w, _t, a) => { const p = pageBase(m, w[a], 'page_file'); return p < 0 ? 0 : w[p + P_MAPPING]; },
  },
];

function inPage(m: Machine, off: number, len: number, fn: string): boolean {
  if (off >= 0 && len >= 0 && off + len <= m.layout.pageSize) return true;
  m.bug(`${fn}: bytes ${off}..${off + len} are outside the ${m.layout.pageSize}-byte page`);
  return false;
}

/** copy bytes [from, to) of block `index` of file f into page p; past i_size the page gets zeros */
export function readBlock(m: Machine, w: Int32Array, f: number, p: number, index: number, from: number, to: number) {
  const L = m.layout;
  const size = w[L.files[f].base + F_SIZE];
  for (let k = from; k < to; k++) {
    const pos = index * L.pageSize + k;
    const disk = pos < size ? w[diskByte(L, f, pos)] : TAG_ZERO << 8;
    w[p + P_BYTES + k] = disk === TAG_NOBODY << 8 ? TAG_ZERO << 8 : disk; // a hole reads as zeros (builtins/blocks.ts)
  }
  m.count('blockReads');
}

export { handle };
