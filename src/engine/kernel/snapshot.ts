// The world as people read it (api.ts WorldSnapshot): pages with flags, owners, waiters and
// bytes coloured by writer; locks; tasks; page tables; disk; shared variables.
import type { PageView, WorldSnapshot } from '../api.js';
import type { Resource } from './builtin.js';
import { indexOf } from './handles.js';
import {
  F_CACHE, F_SIZE, fileDisk, L_OWNER, L_READERS, lockAt, P_BYTES, P_FLAGS, P_MAP, P_MAPPING, P_OWNER, P_REF, PAGE_FLAG_NAMES,
  pageAt, PG_free, PTE_WRITE, T_STATUS, TAG_DISK, TAG_NOBODY, TAG_STALE, TAG_TASK, TAG_ZERO, taskAt, TASK_DONE,
} from './layout.js';
import { pendingArgs, pendingBuiltin, type Machine } from './machine.js';
import { memoryWordNames } from './pagewords.js';

export function tagName(m: Machine, tag: number): string {
  switch (tag) {
    case TAG_NOBODY: return 'nobody';
    case TAG_STALE: return 'stale';
    case TAG_DISK: return 'disk';
    case TAG_ZERO: return 'zero';
  }
  return m.taskNames[tag - TAG_TASK] ?? `writer ${tag}`;
}

const byteView = (m: Machine, x: number) => ({ value: x & 0xff, writer: tagName(m, x >>> 8) });

/** what a task sleeps on in state w, or null when it can run */
export function waitOf(m: Machine, w: Int32Array, t: number): Resource | null {
  const b = pendingBuiltin(m, w, t);
  if (b < 0) return null;
  const bi = m.builtins[b];
  const a = pendingArgs(m, w, t);
  if (!bi.blocks || !bi.blocks(m, w, t, a)) return null;
  return bi.waitsFor ? bi.waitsFor(m, w, t, a) : { name: bi.name, holders: [] };
}

export function snapshot(m: Machine, w: Int32Array): WorldSnapshot {
  const L = m.layout;
  const waits = m.taskNames.map((_, t) => waitOf(m, w, t));
  const pages: PageView[] = [];
  for (let i = 0; i < L.nPages; i++) {
    const p = pageAt(L, i);
    const flags = PAGE_FLAG_NAMES.filter(([bit]) => w[p + P_FLAGS] & bit).map(([, n]) => n);
    if (flags.includes('free') && i >= m.spec.pages.length) continue;
    const mapping = w[p + P_MAPPING];
    const owner = w[p + P_OWNER];
    const name = L.pageNames[i];
    const bytes = [];
    for (let k = 0; k < L.pageSize; k++) bytes.push(byteView(m, w[p + P_BYTES + k]));
    pages.push({
      id: i, name: mapping ? `${name} (${L.files[indexOf(mapping)].name}, index ${w[p + 5]})` : name, flags,
      refcount: w[p + P_REF], mapcount: w[p + P_MAP], lockOwner: owner ? m.taskNames[owner - 1] : null,
      waiters: m.taskNames.filter((_, t) => waits[t]?.name === `lock of ${name}`),
      bytes, inCache: mapping !== 0 && !(w[p + P_FLAGS] & PG_free),
    });
  }
  const locks = L.locks.map((info, k) => {
    const l = lockAt(L, k);
    const holders: string[] = [];
    if (w[l + L_OWNER]) holders.push(m.taskNames[w[l + L_OWNER] - 1]);
    for (let t = 0; t < L.nTasks; t++) if ((w[l + L_READERS] >>> (4 * t)) & 15) holders.push(`${m.taskNames[t]} (read)`);
    const state = w[l + L_OWNER] ? (info.kind === 'rwsem' ? 'write-locked' : 'locked') : w[l + L_READERS] ? 'read-locked' : 'free';
    return { name: info.name, state, holders, waiters: m.taskNames.filter((_, t) => waits[t]?.name.startsWith(info.name)) };
  });
  const tasks = m.taskNames.map((name, t) => {
    const done = w[taskAt(L, t) + T_STATUS] === TASK_DONE;
    const wait = waits[t];
    return {
      name, cpu: m.taskCpu[t], state: done ? 'done' as const : wait ? 'blocked' as const : 'running' as const,
      ...(wait ? { note: `waits for ${wait.name}` } : {}),
    };
  });
  const ptes = [];
  for (const mm of L.mms) {
    for (let s = 0; s < mm.slots.length; s++) {
      const pte = w[mm.base + s];
      ptes.push({ mm: mm.name, addr: mm.slots[s] * L.pageSize, page: pte ? (pte & 0xfffff) - 1 : null, writable: (pte & PTE_WRITE) !== 0 });
    }
  }
  const disk = L.files.map((f, i) => {
    const d = fileDisk(L, i);
    const bytes = [];
    for (let k = 0; k < f.pages * L.pageSize; k++) bytes.push(byteView(m, w[d + k]));
    return { file: `${f.name} (i_size ${w[f.base + F_SIZE]})`, bytes };
  });
  void F_CACHE;
  const snap: WorldSnapshot = { pages, locks, tasks, ptes, disk };
  if (m.program.globals.length) {
    snap.memory = m.program.globals.map((g) => ({ name: g.name, value: m.memory.settled(w, L.memBase, L.mem, g.addr) }));
    const buffers = m.memory.describeBuffers(w, L.memBase, L.mem, memoryWordNames(m));
    if (buffers.length) snap.buffers = buffers;
  }
  return snap;
}
