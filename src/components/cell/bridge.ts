// The bridge between cells and engine workers. A small pool: idle workers are kept warm (the first
// one is started when the page is idle), a run takes one, and a new run for the same cell key
// cancels the one in flight by terminating its worker (a synchronous search cannot be interrupted
// any other way). A watchdog terminates a worker that overruns its time budget, so whatever a
// reader types, the main thread only ever waits on a message.
import type { CheckRequest, CheckResult, SearchProgress } from '../../engine/api';
import { browserBudget, watchdogGraceMillis } from './budget';
import type { WorkerReply } from './engine.worker';


interface Flight {
  worker: Worker;
  id: number;
  timer: ReturnType<typeof setTimeout>;
  settle: (outcome: { result: CheckResult } | { cancelled: true } | { error: string }) => void;
  onProgress?: (p: SearchProgress) => void;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled by a newer run');
  }
}

let nextId = 1;
const idle: Worker[] = [];
const flights = new Map<string, Flight>();

function spawn(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'faultlines-engine' });
}

function whenIdle(fn: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  if (ric) ric(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
}

/** Start one worker when the page is idle, so the first Run does not pay for loading the engine. */
export function warmUp(): void {
  whenIdle(() => {
    if (idle.length === 0) idle.push(spawn());
  });
}

function release(worker: Worker): void {
  if (idle.length < maxIdle) idle.push(worker);
  else worker.terminate();
}

/** Cancel the run for this key, waiting or in flight, if any. */
export function cancel(key: string): void {
  const waiting = queue.findIndex((q) => q.key === key);
  if (waiting >= 0) queue.splice(waiting, 1)[0].cancelled();
  const flight = flights.get(key);
  if (!flight) return;
  flights.delete(key);
  clearTimeout(flight.timer);
  flight.worker.terminate();
  flight.settle({ cancelled: true });
  warmUp();
}

function stuckResult(millis: number): CheckResult {
  return {
    outcome: 'budget',
    verdict: null,
    headline: `Budget: no answer within ${(millis / 1000).toFixed(1)} s; the run was stopped (is there a loop that never reaches a scheduling point?)`,
    diagnostics: [],
    stats: { states: 0, transitions: 0, millis, exhaustive: false, stoppedBy: 'time' },
    costs: null,
    trace: null,
  };
}

/** a run a cell waits on now, or one for a table or a cost row that can follow it */
export type Priority = 'now' | 'later';

/**
 * Searches at once: one per core (at least two). Runs for tables and cost rows ('later') leave one
 * of them free, so a reader's Run never waits behind a table's fifteen scenarios competing for
 * the same cores; the rest wait in a queue, 'now' first.
 */
const hardware = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 2;
const maxRunning = Math.max(2, Math.min(6, hardware));
// Warm workers kept for reuse (creating or terminating one costs the main thread tens of
// milliseconds): as many as can run at once. Each keeps its own pool of search memory (up to
// 64 MB, engine/explore/pool.ts), so keeping more would only hold memory.
const maxIdle = maxRunning;
let running = 0;
let runningLater = 0;

interface Queued { key: string; priority: Priority; start: () => void; cancelled: () => void }
const queue: Queued[] = [];

function pump(): void {
  while (queue.length > 0 && running < maxRunning) {
    let i = queue.findIndex((q) => q.priority === 'now');
    if (i < 0) {
      if (runningLater >= maxRunning - 1) return;
      i = 0;
    }
    const [job] = queue.splice(i, 1);
    job.start();
  }
}

/**
 * Run one check for `key` (a cell, or a cell × scenario of a table). Rejects with Cancelled when a
 * newer run for the same key replaces it.
 */
export function run(key: string, request: CheckRequest, priority: Priority = 'now', onProgress?: (p: SearchProgress) => void): Promise<CheckResult> {
  cancel(key);
  return new Promise<CheckResult>((resolve, reject) => {
    queue.push({
      key,
      priority,
      start: () => {
        running++;
        if (priority === 'later') runningLater++;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          running--;
          if (priority === 'later') runningLater--;
          pump();
        };
        start(key, request, onProgress).then(
          (result) => { finish(); resolve(result); },
          (error) => { finish(); reject(error); },
        );
      },
      cancelled: () => reject(new Cancelled()),
    });
    pump();
  });
}

function start(key: string, request: CheckRequest, onProgress?: (p: SearchProgress) => void): Promise<CheckResult> {
  const req: CheckRequest = { ...request, budget: { ...browserBudget, ...request.budget } };
  const worker = idle.pop() ?? spawn();
  const id = nextId++;
  const limit = (req.budget?.maxMillis ?? browserBudget.maxMillis) + watchdogGraceMillis;
  return new Promise<CheckResult>((resolve, reject) => {
    const flight: Flight = {
      worker,
      id,
      onProgress,
      timer: setTimeout(() => {
        if (flights.get(key) !== flight) return;
        flights.delete(key);
        worker.terminate();
        warmUp();
        resolve(stuckResult(limit));
      }, limit),
      settle: (outcome) => {
        worker.onmessage = null;
        worker.onerror = null;
        if ('result' in outcome) resolve(outcome.result);
        else if ('cancelled' in outcome) reject(new Cancelled());
        else reject(new Error(outcome.error));
      },
    };
    flights.set(key, flight);
    worker.onmessage = (event: MessageEvent<WorkerReply | { id: 0; ready: true }>) => {
      const data = event.data;
      if (data.id !== id || flights.get(key) !== flight) return;
      // a running search's count (every 4096 expanded states): the flight goes on
      if ('progress' in data) return void flight.onProgress?.(data.progress);
      flights.delete(key);
      clearTimeout(flight.timer);
      release(worker);
      flight.settle('result' in data ? { result: data.result } : { error: 'error' in data ? data.error : 'no result' });
    };
    worker.onerror = (event) => {
      if (flights.get(key) !== flight) return;
      event.preventDefault();
      flights.delete(key);
      clearTimeout(flight.timer);
      worker.terminate();
      warmUp();
      flight.settle({ error: `the engine failed: ${event.message || 'worker error'}` });
    };
    worker.postMessage({ id, req });
  });
}
