// Golden tests for the arguments of the January 2019 get_user_pages() pinning thread: each
// proposal, run by the engine on the chapter's scenarios, pinned to the verdict the chapter
// reports, and the key traces pinned as text in golden/ (reviewed by eye when they change;
// regenerate with UPDATE_GOLDEN=1, never in CI).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden, stepOf } from '../../test/golden-trace.js';
import { check, scenarioText } from '../../index.js';
import type { CheckResult, MemoryModel } from '../../api.js';

const here = dirname(fileURLToPath(import.meta.url));
const cells = resolve(here, '../../../content/cells/2019-gup-pinning');
const cell = (id: string) => readFileSync(join(cells, `${id}.c`), 'utf8');
const run = (scenario: string, id: string, model: MemoryModel = 'sc', strategy = cell(id)) => check({ scenario, strategy, model });

const golden = (name: string, r: CheckResult) => expectGolden(here, name, r, 9);
const okUnderEveryModel = (scenario: string, id: string) => {
  for (const model of ['sc', 'tso', 'weak'] as const) {
    const r = run(scenario, id, model);
    expect(r.outcome, model).toBe('ok');
    expect(r.stats.exhaustive).toBe(true);
  }
};

describe('the 2018 crash: get_user_pages() with a plain reference against writeback and reclaim', () => {
  const r = run('2019/gup-writeback', 'gup-writeback-2018');
  it('is a bug: ext4 BUG_ON(!PagePrivate(page)) in the last writeback', () => {
    expect(r.outcome).toBe('bug');
    expect(r.trace!.steps.at(-1)!.stack[0].fn).toBe('ext4_writepage');
    expect(r.headline).toMatch(/^Bug: kernel BUG/);
  });
  it('in the order of Hubbard\'s report: clean, release the buffers, DMA, dirty, crash', () => {
    const t = r.trace!;
    const clean = stepOf(t, 'writeback', 'page_mkclean');
    const release = stepOf(t, 'writeback', 'try_to_release_page');
    const dma = stepOf(t, 'device', 'dma_write');
    const dirty = stepOf(t, 'device', 'set_page_dirty');
    expect(clean).toBeGreaterThanOrEqual(0);
    expect(clean < release && release < dirty && dma < dirty).toBe(true);
    golden('gup-writeback-2018', r);
  });
  it('is a bug under tso and weak too', () => {
    expect(run('2019/gup-writeback', 'gup-writeback-2018', 'tso').outcome).toBe('bug');
    expect(run('2019/gup-writeback', 'gup-writeback-2018', 'weak').outcome).toBe('bug');
  });
});

describe('the page-lock pin (Hubbard) and GUP-fast (Glisse, Kara)', () => {
  it('slow GUP: ok, exhaustively, under every model', () => okUnderEveryModel('2019/gup-writeback', 'page-lock-pin'));
  it('GUP-fast: lock_page() with interrupts off is a bug even uncontended', () => {
    const r = run('2019/gup-fast-writeback', 'page-lock-gup-fast');
    expect(r.outcome).toBe('bug');
    expect(r.headline).toContain('sleeping function called from invalid context');
    expect(r.headline).toContain('lock_page');
  });
  it('trylock_page() with a fallback to slow GUP: ok under every model', () => {
    for (const model of ['sc', 'tso', 'weak'] as const) expect(run('2019/gup-fast-writeback', 'trylock-fallback', model).outcome, model).toBe('ok');
  });
});

describe("Jérôme Glisse's post-pass: the page lock once GUP-fast has re-enabled interrupts", () => {
  it('as he sketched it (an ordinary reference in the walk, the locked pin after): the 2018 crash under every model', () => {
    for (const model of ['sc', 'tso', 'weak'] as const) {
      const r = run('2019/gup-fast-writeback', 'post-pass', model);
      expect(r.outcome, model).toBe('bug');
      expect(r.trace!.steps.at(-1)!.stack[0].fn, model).toBe('ext4_writepage');
    }
  });
  it('in the window between the walk and the lock: writeback cleans, reclaim drops the buffers, then the pin', () => {
    const t = run('2019/gup-fast-writeback', 'post-pass').trace!;
    const walk = stepOf(t, 'driver', 'gup_fast_walk');
    const clean = stepOf(t, 'writeback', 'page_mkclean');
    const release = stepOf(t, 'writeback', 'try_to_release_page');
    const lock = stepOf(t, 'driver', 'lock_page', 'get_page_pin');
    const pin = stepOf(t, 'driver', 'atomic_add', 'get_page_pin');
    expect(walk).toBeGreaterThanOrEqual(0);
    expect(walk < clean && clean < release && release < lock && lock < pin).toBe(true);
  });
  it('with the page table checked again under the lock, backing out to slow GUP: ok, exhaustively, under every model', () =>
    okUnderEveryModel('2019/gup-fast-writeback', 'post-pass-recheck'));
  it('the post-pass costs one page lock more than the 2018 kernel, and the re-check one walk more', () => {
    const base = run('2019/gup-fast-writeback', 'gup-writeback-2018').costs!;
    const post = run('2019/gup-fast-writeback', 'post-pass').costs!;
    const recheck = run('2019/gup-fast-writeback', 'post-pass-recheck').costs!;
    expect(post.pageLocks).toBe(base.pageLocks + 1);
    expect(recheck.pageLocks).toBe(post.pageLocks);
    expect(recheck.pageTableWalks).toBe(post.pageTableWalks + 1);
  });
});

// mm/gup.c of 5.0: __get_user_pages() -> follow_page_mask() -> follow_page_pte(), which checks
// pte_write() for FOLL_WRITE and takes the reference (get_page()) under pte_offset_map_lock(), the
// lock page_mkclean() and try_to_unmap() take too; no PTE, or a read-only one: faultin_page() and
// walk again. The model's slow GUP grabs the cell's pin there, in an interrupts-off section.
describe('slow GUP pins in its page-table walk (mm/gup.c follow_page_pte() of 5.0)', () => {
  const wrong = (exercise: string, file: string) =>
    readFileSync(resolve(here, `../../../content/exercises/${exercise}/wrong/${file}`), 'utf8');
  it('lock_page() in the pin is sleeping under the PTE lock: a bug, even uncontended', () => {
    const r = run('2019/gup-writeback', '', 'sc', wrong('writeback-sees-pin', 'lock-in-walk.c'));
    expect(r.outcome).toBe('bug');
    expect(r.headline).toContain('sleeping function called from invalid context');
    expect(r.trace!.steps.at(-1)!.stack.map((f) => f.fn)).toContain('get_user_pages_slow');
  });
  it('a bare bias taken in the walk is ok against writeback and reclaim: a pin after page_mkclean() faults first', () => {
    const r = run('2019/gup-writeback', 'bias-snapshot-race');
    expect(r.outcome).toBe('ok');
    expect(r.stats.exhaustive).toBe(true);
  });
  it('a pin hook returning -1 (busy) sends GUP through the fault and back to the walk', () => {
    const busyOnce = `${cell('bias-snapshot-race')}
int tried;
int grab_page_pin(struct page *page)
{
	if (!tried) {
		tried = 1;
		return -1;
	}
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	return 1;
}`;
    const r = run('2019/gup-writeback', '', 'sc', busyOnce);
    expect(r.outcome).toBe('ok');
    const t = r.trace!;
    const fault = stepOf(t, 'driver', 'lock_page', 'ext4_page_mkwrite');
    expect(fault).toBeGreaterThanOrEqual(0);
  });
  it('the snapshot race with the new pin through GUP-fast or slow GUP: the bare bias is ok', () => {
    // the pin lands in a walk right after the write check: before writeback's page_mkclean(), and
    // the snapshot counts it, or after, and GUP faults and waits in page_mkwrite()
    const fast = scenarioText('2019/snapshot-race-gup')!;
    const slow = fast.replace('\tdriver_fast(addr);', '\tdriver_slow(addr);');
    expect(slow).not.toBe(fast);
    for (const scenario of [fast, slow]) {
      const r = check({ scenario, strategy: cell('bias-snapshot-race') });
      expect(r.outcome, r.headline).toBe('ok');
      expect(r.stats.exhaustive).toBe(true);
    }
  });
});

describe("Jérôme Glisse's three CPUs: a page_pinned() snapshot between an unpin and a pin", () => {
  const r = run('2019/snapshot-race', 'bias-snapshot-race');
  it('is corruption under the stable-pages oracle', () => {
    expect(r.outcome).toBe('corruption');
    expect(r.headline).toContain('changed while it was under writeback');
  });
  it('finds exactly the interleaving of his table: PUP, then the snapshot, then GUP', () => {
    const t = r.trace!;
    const pup = stepOf(t, 'old_io', 'atomic_sub', 'put_page_pin');
    const snapshot = stepOf(t, 'writeback', 'atomic_read', 'page_pinned');
    const gup = stepOf(t, 'new_io', 'atomic_add', 'get_page_pin');
    expect(pup).toBeGreaterThanOrEqual(0);
    expect(pup < snapshot && snapshot < gup).toBe(true);
    expect(t.steps[snapshot].result).toBe('2'); // cache + mapping: no pin counted
    golden('bias-snapshot-race', r);
  });
  it("Jan Kara's locked pin with wait_for_stable_page(): ok under every model", () => {
    for (const model of ['sc', 'tso', 'weak'] as const) expect(run('2019/snapshot-race', 'lock-stable-page', model).outcome, model).toBe('ok');
  });
});

describe("Jérôme Glisse's barrier scheme, exactly as written (smp_wmb() on the pin side)", () => {
  it('ok when memory is sequentially consistent', () => {
    expect(run('2019/barrier-race', 'barrier-scheme-sc', 'sc').outcome).toBe('ok');
    expect(run('2019/barrier-race', 'barrier-scheme-weak', 'sc').outcome).toBe('ok');
  });
  it('ok under x86-TSO, where atomic_add() is a locked instruction and a full barrier', () => {
    expect(run('2019/barrier-race', 'barrier-scheme-weak', 'tso').outcome).toBe('ok');
  });
  it('corruption under weak: each side reads the other\'s old value (the SB shape)', () => {
    const r = run('2019/barrier-race', 'barrier-scheme-weak', 'weak');
    expect(r.outcome).toBe('corruption');
    const t = r.trace!;
    const tsw = stepOf(t, 'writeback', 'TestSetPageWriteback');
    const wbRead = stepOf(t, 'writeback', 'atomic_read', 'page_pinned');
    const pin = stepOf(t, 'pinner', 'atomic_add', 'get_page_pin');
    const pinRead = stepOf(t, 'pinner', 'PageWriteback', 'get_page_pin');
    expect(tsw < wbRead && wbRead < pin && pin < pinRead).toBe(true);
    expect(t.steps[wbRead].result).toBe('2'); // writeback saw no pin
    expect(t.steps[pinRead].result).toBe('0'); // and the pin side saw no writeback, after it was set
    golden('barrier-scheme-weak', r);
  });
  it('with smp_mb() on the pin side too: ok under every model', () => okUnderEveryModel('2019/barrier-race', 'barrier-scheme-full'));
  it('smp_mb__after_atomic() is as good as smp_mb() there', () => {
    const src = cell('barrier-scheme-full').replace('\tsmp_mb();\n\tif (PageWriteback', '\tsmp_mb__after_atomic();\n\tif (PageWriteback');
    expect(src).toContain('smp_mb__after_atomic');
    expect(run('2019/barrier-race', '', 'weak', src).outcome).toBe('ok');
  });
});

describe('the store-buffering litmus shape', () => {
  it('sc forbids both reading 0; tso and weak allow it', () => {
    expect(run('2019/sb', 'sb-litmus', 'sc').outcome).toBe('ok');
    expect(run('2019/sb', 'sb-litmus', 'tso').outcome).toBe('corruption');
    expect(run('2019/sb', 'sb-litmus', 'weak').outcome).toBe('corruption');
  });
  it('with smp_mb() on both sides it is forbidden everywhere', () => {
    const src = cell('sb-litmus').replace('\tsmp_wmb();', '\tsmp_mb();');
    expect(src).not.toContain('\tsmp_wmb();');
    for (const model of ['sc', 'tso', 'weak'] as const) expect(run('2019/sb', '', model, src).outcome, model).toBe('ok');
  });
});

describe("Jan Kara's bias arithmetic", () => {
  const finals = (refs: number) => {
    const r = run('2019/bias-count', '', 'sc', cell('bias-count').replace('#define REFS 1023', `#define REFS ${refs}`));
    expect(r.outcome).toBe('ok');
    return r.finals!.map((f) => f.values.pinned);
  };
  it('1023 ordinary references (1024 with the page cache\'s): not pinned', () => expect(finals(1023)).toEqual([0]));
  it('one more: a false positive', () => expect(finals(1024)).toEqual([1]));
  it('a _refcount pushed past 2^31 - 1 is a bug, not a wrap', () => {
    const src = `#define PAGE_PIN_BIAS 1024
void count_refs(struct page *page)
{
	atomic_add(0x7ffffc00, &page->_refcount);
	atomic_add(PAGE_PIN_BIAS, &page->_refcount);
	pinned = 1;
}`;
    const r = run('2019/bias-count', '', 'sc', src);
    expect(r.outcome).toBe('bug');
    expect(r.headline).toContain('page refcount overflow');
  });
});

describe('the reader\'s scheme of the closing cell', () => {
  it('passes every scenario of the chapter under every model', () => {
    for (const scenario of ['2019/gup-writeback', '2019/gup-fast-writeback', '2019/snapshot-race', '2019/barrier-race']) {
      for (const model of ['sc', 'tso', 'weak'] as const) expect(run(scenario, 'your-pin-scheme', model).outcome, `${scenario} ${model}`).toBe('ok');
    }
  });
});

describe('determinism', () => {
  it('the same input gives the same trace', () => {
    const a = run('2019/barrier-race', 'barrier-scheme-weak', 'weak');
    const b = run('2019/barrier-race', 'barrier-scheme-weak', 'weak');
    expect(a.trace!.schedule).toEqual(b.trace!.schedule);
  });
});
