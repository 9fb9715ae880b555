// The bridge's queue, with a stand-in Worker that answers when the test says so: at most one
// search per core (two here) runs at once, runs for tables ('later') leave one of them to a
// cell's Run, a cell's Run goes before waiting table runs, and a newer run for a key drops the
// one waiting or in flight.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../engine/api';

class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  posted: { id: number; req: { scenario?: string } }[] = [];
  terminated = false;
  constructor() { FakeWorker.all.push(this); }
  postMessage(msg: { id: number; req: { scenario?: string } }) { this.posted.push(msg); }
  terminate() { this.terminated = true; }
  /** answer the last request this worker was given */
  answer() {
    const last = this.posted[this.posted.length - 1];
    this.onmessage?.({ data: { id: last.id, result: { outcome: 'ok', scenario: last.req.scenario } } });
  }
}

/** the scenarios being searched now, in the order they started */
const inFlight = () => FakeWorker.all.filter((w) => w.onmessage && !w.terminated).map((w) => w.posted[w.posted.length - 1].req.scenario);
/** let the promise callbacks run (a finished search starts the next one from one) */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const workerFor = (scenario: string) => FakeWorker.all.find((w) => w.onmessage && w.posted[w.posted.length - 1]?.req.scenario === scenario)!;

describe('bridge queue', () => {
  let bridge: typeof import('./bridge');
  beforeEach(async () => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    vi.resetModules();
    bridge = await import('./bridge');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('runs table searches one at a time on two cores, and a cell\'s Run at once beside them', async () => {
    const table = ['a', 'b', 'c'].map((s) => bridge.run(`table:${s}`, { scenario: s, strategy: '' }, 'later'));
    expect(inFlight()).toEqual(['a']);
    const cell = bridge.run('cell', { scenario: 'mine', strategy: '' });
    expect(inFlight()).toEqual(['a', 'mine']);
    workerFor('mine').answer();
    expect(((await cell) as CheckResult & { scenario: string }).scenario).toBe('mine');
    workerFor('a').answer();
    await settle();
    expect(inFlight()).toEqual(['b']);
    workerFor('b').answer();
    await settle();
    workerFor('c').answer();
    expect((await Promise.all(table)).map((r) => (r as CheckResult & { scenario: string }).scenario)).toEqual(['a', 'b', 'c']);
  });

  it('starts a waiting cell Run before waiting table runs', async () => {
    bridge.run('cell:1', { scenario: 'one', strategy: '' });
    bridge.run('cell:2', { scenario: 'two', strategy: '' });
    void bridge.run('table:x', { scenario: 'x', strategy: '' }, 'later').catch(() => {});
    void bridge.run('cell:3', { scenario: 'three', strategy: '' });
    expect(inFlight()).toEqual(['one', 'two']);
    workerFor('one').answer();
    await settle();
    expect(inFlight()).toContain('three');
    expect(inFlight()).not.toContain('x');
  });

  it('drops a waiting run when a newer run for its key comes, and cancels one in flight', async () => {
    const first = bridge.run('cell:1', { scenario: 'one', strategy: '' });
    bridge.run('cell:2', { scenario: 'two', strategy: '' });
    const waiting = bridge.run('table:x', { scenario: 'x', strategy: '' }, 'later');
    const again = bridge.run('table:x', { scenario: 'x2', strategy: '' }, 'later');
    await expect(waiting).rejects.toBeInstanceOf(bridge.Cancelled);
    bridge.cancel('cell:1');
    await expect(first).rejects.toBeInstanceOf(bridge.Cancelled);
    expect(inFlight()).toEqual(['two', 'x2']);
    workerFor('x2').answer();
    expect(((await again) as CheckResult & { scenario: string }).scenario).toBe('x2');
  });

  it('passes a running search\'s progress to the run that asked, and only to it', async () => {
    const seen: number[] = [];
    const result = bridge.run('cell:p', { scenario: 'p', strategy: '' }, 'now', (p) => seen.push(p.states));
    const w = workerFor('p');
    const id = w.posted[0].id;
    w.onmessage?.({ data: { id, progress: { states: 4096, transitions: 9000 } } });
    w.onmessage?.({ data: { id: id + 1000, progress: { states: 1, transitions: 1 } } }); // another run's
    w.onmessage?.({ data: { id, progress: { states: 8192, transitions: 18000 } } });
    expect(seen).toEqual([4096, 8192]);
    w.answer();
    expect(((await result) as CheckResult & { scenario: string }).scenario).toBe('p');
  });
});
