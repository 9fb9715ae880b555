// Golden tests for the 2006 fault-vs-invalidate chapter: each fault path of the thread, run by the
// engine on the chapter's scenarios, pinned to the verdict the chapter reports, with the race's
// trace pinned as text in golden/ (reviewed by eye when it changes; regenerate with
// UPDATE_GOLDEN=1, never in CI).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden, stepOf } from '../../test/golden-trace.js';
import { check } from '../../index.js';
import type { CheckResult } from '../../api.js';

const here = dirname(fileURLToPath(import.meta.url));
const cells = resolve(here, '../../../content/cells/2006-fault-vs-invalidate');
const cell = (id: string) => readFileSync(join(cells, `${id}.c`), 'utf8');
const run = (scenario: string, id: string) => check({ scenario, strategy: cell(id) });

const golden = (name: string, r: CheckResult) => expectGolden(here, name, r, 11);

describe('do_no_page() without the page lock (2.6.15, Andrea\'s report)', () => {
  it('against invalidate_inode_pages2(): corruption, the PTE set after the page left the cache', () => {
    const r = run('2006/invalidate', 'nopage-unlocked');
    expect(r.outcome).toBe('corruption');
    expect(r.headline).toContain('no longer in A\'s page cache');
    const t = r.trace!;
    const lookup = stepOf(t, 'faulter', 'find_get_page');
    const removed = stepOf(t, 'invalidator', 'delete_from_page_cache');
    const mapped = stepOf(t, 'faulter', 'install_pte');
    expect(lookup >= 0 && lookup < removed && removed < mapped).toBe(true);
    golden('nopage-unlocked-invalidate', r);
  });
  it('against truncate(): corruption too (what truncate_count was added for)', () => {
    expect(run('2006/truncate', 'nopage-unlocked').outcome).toBe('corruption');
  });
});

describe('the truncate_count retry', () => {
  it('covers truncate, exhaustively', () => {
    const r = run('2006/truncate', 'truncate-count');
    expect(r.outcome).toBe('ok');
    expect(r.stats.exhaustive).toBe(true);
  });
  it('does not cover invalidation: the count moved before the fault read it, and i_size never did', () => {
    const r = run('2006/invalidate', 'truncate-count');
    expect(r.outcome).toBe('corruption');
    const t = r.trace!;
    const bump = t.steps.findIndex((s) => t.actors[s.actor].name === 'invalidator' && s.op === 'store');
    const read = t.steps.findIndex((s) => t.actors[s.actor].name === 'faulter' && s.op === 'load');
    expect(bump >= 0 && bump < read).toBe(true);
    golden('truncate-count-invalidate', r);
  });
});

describe('the page lock in the fault path (2.6.23)', () => {
  for (const scenario of ['2006/invalidate', '2006/truncate@2.6.20-fault-lock', '2006/fault']) {
    it(`${scenario}: ok, exhaustively`, () => {
      const r = run(scenario, 'lock-page-fault');
      expect(r.outcome).toBe('ok');
      expect(r.stats.exhaustive).toBe(true);
    });
  }
  // mm/truncate.c truncate_inode_pages_range() of 2.6.20 drops a page without looking at its
  // mappings (vmtruncate() unmapped the range before, once): d00806b18315 also made truncate
  // unmap each mapped page under its lock, and the fault side alone does not close the race
  it('on 2.6.20\'s truncate it is not enough: the fault maps the page after the unmap, and truncate drops it mapped', () => {
    const r = run('2006/truncate', 'lock-page-fault');
    expect(r.outcome).toBe('corruption');
    expect(r.headline).toContain('no longer in A\'s page cache');
    const t = r.trace!;
    const unmapped = stepOf(t, 'truncator', 'unmap_mapping_page');
    const mapped = stepOf(t, 'faulter', 'install_pte');
    const removed = stepOf(t, 'truncator', 'delete_from_page_cache');
    expect(unmapped >= 0 && unmapped < mapped && mapped < removed).toBe(true);
  });
  it('the truncate_count retry covers 2.6.20\'s truncate and the fixed one alike', () => {
    for (const scenario of ['2006/truncate', '2006/truncate@2.6.20-fault-lock']) {
      expect(run(scenario, 'truncate-count').outcome, scenario).toBe('ok');
    }
  });
  it('with the unlock moved above install_pte(), the race is back (the lock must cover the mapping)', () => {
    const src = cell('lock-page-fault');
    const early = src.replace(
      /(\tmutex_lock\(&ptl\);[^\n]*\n\tinstall_pte\(vma, address, page\);\n\tmutex_unlock\(&ptl\);\n)(\tunlock_page\(page\);[^\n]*\n)/,
      '$2$1',
    );
    expect(early).not.toBe(src);
    for (const scenario of ['2006/invalidate', '2006/truncate@2.6.20-fault-lock']) {
      expect(check({ scenario, strategy: early }).outcome, scenario).toBe('corruption');
    }
  });
  it('costs one page lock per fault where the unlocked paths cost none', () => {
    expect(run('2006/fault', 'lock-page-fault').costs?.pageLocks).toBe(1);
    expect(run('2006/fault', 'nopage-unlocked').costs?.pageLocks).toBe(0);
    expect(run('2006/fault', 'truncate-count').costs?.pageLocks).toBe(0);
  });
});

describe('Andrea\'s sketch: lock_page after ->nopage, bail out if ->mapping is gone', () => {
  it('is OK wherever the fix that landed is OK, and fails only on 2.6.20\'s truncate, as that fix does', () => {
    for (const s of ['2006/invalidate', '2006/invalidate@2.6.20-fault-lock', '2006/truncate@2.6.20-fault-lock', '2006/fault']) {
      expect([s, run(s, 'lock-after-nopage').outcome]).toEqual([s, 'ok']);
      expect([s, run(s, 'lock-page-fault').outcome]).toEqual([s, 'ok']);
    }
    expect(run('2006/truncate', 'lock-after-nopage').outcome).toBe('corruption');
    expect(run('2006/truncate', 'lock-page-fault').outcome).toBe('corruption');
  });
});
