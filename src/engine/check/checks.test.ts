// One or more tests per check: deadlock (cycles, self, no cycle), bug, each corruption oracle,
// livelock, budgets, and the properties every verdict has (determinism, replayable traces).
import { describe, expect, it } from 'vitest';
import { check } from '../index.js';
import { run } from '../test/helpers.js';

const PAGES = 'page page0\npage page1\npage page2';
const MM = 'file A "abcd" pages 2\npage pageA file A index 0 uptodate\npool 2\nmm m0\nmap m0 0x1000 file A writable\nanon m0 0x2000 "xy" writable';

describe('deadlock', () => {
  it('names a three-task cycle edge by edge', () => {
    const r = run('void t(struct page *a, struct page *b) { lock_page(a); lock_page(b); unlock_page(b); unlock_page(a); }',
      { x: 't(page0, page1)', y: 't(page1, page2)', z: 't(page2, page0)' }, PAGES);
    expect(r.outcome).toBe('deadlock');
    expect(r.cycle).toEqual([
      { task: 'x', holds: 'lock of page0', wants: 'lock of page1' },
      { task: 'y', holds: 'lock of page1', wants: 'lock of page2' },
      { task: 'z', holds: 'lock of page2', wants: 'lock of page0' },
    ]);
    // fewest context switches: each task runs its first lock, then they block in turn
    expect(r.trace!.steps.filter((s) => s.switched).length).toBeLessThanOrEqual(5);
  });
  it('a page locked from the start that no task unlocks: deadlock without a cycle, the sleeper named', () => {
    const r = run('void victim(void) { lock_page(page0); unlock_page(page0); }', { victim: 'victim()' }, 'page page0 locked');
    expect(r.outcome).toBe('deadlock');
    expect(r.cycle).toBeUndefined();
    expect(r.headline).toBe('Deadlock: victim waits for lock of page0');
  });
  it('the trace ends with one blocked step per sleeping task, not in the schedule', () => {
    const r = run('void t(struct page *a, struct page *b) { lock_page(a); lock_page(b); unlock_page(b); unlock_page(a); }', { x: 't(page0, page1)', y: 't(page1, page0)' }, PAGES);
    const t = r.trace!;
    expect(t.steps.filter((s) => s.blocked).map((s) => t.actors[s.actor].name)).toEqual(['x', 'y']);
    expect(t.schedule.length).toBe(t.steps.length - 2);
  });
});

describe('bug', () => {
  it('BUG_ON and WARN_ON name the task, the function and the line', () => {
    const r = run('int flag;\nvoid t(void) {\n\tflag = 1;\n\tBUG_ON(flag == 1);\n}', { a: 't()' });
    expect(r.headline).toBe('Bug: kernel BUG at line 4 (a, at t:4)');
    expect(run('void t(void) { WARN_ON(1); }', { a: 't()' }).headline).toMatch(/^Bug: WARNING at line 1/);
  });
  it('division by zero and NULL dereference', () => {
    expect(run('int z;\nvoid t(void) { int x = 1 / z; }', { a: 't()' }).headline).toMatch(/^Bug: division by zero/);
    expect(run('void t(void) { struct page *p = NULL; int x = p->index; }', { a: 't()' }).headline).toMatch(/^Bug: NULL pointer dereference reading ->index/);
  });
  it('a bug reached only by one interleaving is found, with its schedule', () => {
    const r = run('int x;\nvoid a(void) { x = 1; x = 0; }\nvoid b(void) { BUG_ON(x == 1); }', { a: 'a()', b: 'b()' });
    expect(r.outcome).toBe('bug');
    expect(r.trace!.schedule).toEqual([0, 1, 1]); // b reads x, then BUG_ON is its own step
  });
});

describe('corruption oracles', () => {
  it('a read of bytes nobody wrote (primer/flag-race)', () => {
    const r = check({ scenario: 'primer/flag-race', strategy: 'void writer(void) { SetPageUptodate(page0); copy_from_user(page0, 0, 0x2000, 2); }\nvoid reader(void) { if (PageUptodate(page0)) copy_to_user(0x1000, page0, 0, 2); }' });
    expect(r.outcome).toBe('corruption');
    const fixed = check({ scenario: 'primer/flag-race', strategy: 'void writer(void) { copy_from_user(page0, 0, 0x2000, 2); SetPageUptodate(page0); }\nvoid reader(void) { if (PageUptodate(page0)) copy_to_user(0x1000, page0, 0, 2); }' });
    expect(fixed.outcome).toBe('ok');
  });
  it('stale disk data exposed', () => {
    const r = run('void t(void) { struct page *p = page_cache_alloc(A); add_to_page_cache(p, A, 1); i_size_write(A, 8); readpage(A, p); copy_to_user(0x2000, p, 0, 2); }', { 'a@m0': 't()' }, MM);
    expect(r.headline).toMatch(/^Corruption: a read returned stale data from disk \(byte 4 of file A/);
  });
  it('a mapped page no longer in the page cache', () => {
    const r = run('void t(void) { struct vm_area_struct *vma = find_vma(current->mm, 0x1000); install_pte(vma, 0x1000, pageA); lock_page(pageA); delete_from_page_cache(pageA); unlock_page(pageA); }', { 'a@m0': 't()' }, MM);
    expect(r.headline).toMatch(/^Corruption: m0 still maps pageA at 0x1000, but the page is no longer in A's page cache/);
  });
  it('final disk contents that no serial order of the tasks leaves', () => {
    const scn = 'file A "ab"\npage pageA file A index 0 uptodate\ncheck serial';
    // each task writes its byte and dirties the page; without the page lock the two read-modify-writes of the page interleave
    const racy = 'void put(int off, int v) { struct page *tmp = alloc_page(); memcpy_page(tmp, 0, pageA, 0, 4); zero_user(tmp, off, 1); memcpy_page(pageA, 0, tmp, 0, 4); set_page_dirty(pageA); put_page(tmp); }';
    const r = run(racy, { a: 'put(0, 0)', b: 'put(1, 0)' }, `${scn}\npool 2`);
    expect(r.outcome).toBe('corruption');
    expect(r.headline).toMatch(/^Corruption: after every task and sync, the disk holds A=/);
    const locked = racy.replace('{ struct page *tmp', '{ lock_page(pageA); struct page *tmp').replace('put_page(tmp); }', 'put_page(tmp); unlock_page(pageA); }');
    expect(run(locked, { a: 'put(0, 0)', b: 'put(1, 0)' }, `${scn}\npool 2`).outcome).toBe('ok');
  });
});

describe('livelock', () => {
  it('spinning on trylock of a page held by a task that waits for the spinner', () => {
    const r = run('int go;\nvoid holder(void) { lock_page(page0); while (!go) cpu_relax(); unlock_page(page0); }\nvoid spinner(void) { while (!trylock_page(page0)) cpu_relax(); go = 1; unlock_page(page0); }',
      { holder: 'holder()', spinner: 'spinner()' }, PAGES);
    expect(r.outcome).toBe('livelock');
    expect(r.headline).toMatch(/^Livelock: the tasks can run forever without finishing/);
  });
  it('a spin that another task can always end is not a livelock', () => {
    const r = run('int go;\nvoid setter(void) { go = 1; }\nvoid spinner(void) { while (!go) cpu_relax(); }', { setter: 'setter()', spinner: 'spinner()' });
    expect(r.outcome).toBe('ok');
  });
});

describe('budgets', () => {
  it('the step budget stops a loop without scheduling points (mid-search too)', () => {
    const r = run('int go;\nvoid a(void) { go = 1; }\nvoid b(void) { if (go) { while (1) { } } }', { a: 'a()', b: 'b()' });
    expect(r.outcome).toBe('budget');
    expect(r.headline).toMatch(/^Budget: b ran 100000 instructions without reaching a scheduling point/);
    expect(r.stats.stoppedBy).toBe('steps');
  });
  it('the time budget stops a search and says so', () => {
    const r = run('int x;\nvoid t(int k) { int i; for (i = 0; i < 100000; i++) x = i + k; }', { a: 't(1)', b: 't(2)', c: 't(3)' });
    void r;
    const t = check({ scenario: 'id t\ntask a : t(1)\ntask b : t(2)\ntask c : t(3)\n', strategy: 'int x;\nvoid t(int k) { int i; for (i = 0; i < 100000; i++) x = i + k; }', budget: { maxMillis: 50, maxStates: 1e7 } });
    expect(t.outcome).toBe('budget');
    expect(t.stats.stoppedBy).toBe('time');
    expect(t.stats.exhaustive).toBe(false);
  });
});

describe('every verdict', () => {
  const ids = ['primer/abba', '2007/same-page', '2007/two-writers', '2007/mlock'];
  it('is deterministic: same input, same verdict, same trace', () => {
    for (const id of ids) {
      const a = check({ scenario: id, strategy: cell(id) });
      const b = check({ scenario: id, strategy: cell(id) });
      expect(JSON.stringify({ ...a, stats: { ...a.stats, millis: 0 } })).toBe(JSON.stringify({ ...b, stats: { ...b.stats, millis: 0 } }));
    }
  });
});

import { readFileSync } from 'node:fs';
function cell(id: string): string {
  const files: Record<string, string> = {
    'primer/abba': 'abba.c', '2007/same-page': 'original-same-page.c', '2007/two-writers': 'original-two-writers.c', '2007/mlock': 'original-mlock.c',
  };
  return readFileSync(new URL(`../../content/cells/2007-pagecache-write-deadlocks/${files[id]}`, import.meta.url), 'utf8');
}
