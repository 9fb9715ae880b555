// The engine in a dedicated Web Worker: the page's main thread never runs a search. One request at
// a time; the bridge cancels a run by terminating this worker and starting a fresh one.
/// <reference lib="webworker" />
import { check } from '../../engine/index';
import type { CheckRequest, CheckResult, SearchProgress } from '../../engine/api';
import { clampToCeiling } from './budget';

export interface WorkerRequest {
  id: number;
  req: CheckRequest;
}
export type WorkerReply =
  | { id: number; result: CheckResult }
  | { id: number; error: string }
  /** sent while the search runs, before the result */
  | { id: number; progress: SearchProgress };

const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * Longest trace sent to the page. A run stopped by a budget can come back with a serial run of
 * thousands of steps; copying and drawing all of them would stall the page for nothing a reader
 * can use, so the trace is cut and the cut is said on its last step.
 */
export const maxTraceSteps = 400;

function bounded(result: CheckResult): CheckResult {
  const trace = result.trace;
  if (!trace || trace.steps.length <= maxTraceSteps) return result;
  const steps = trace.steps.slice(0, maxTraceSteps);
  const last = steps[steps.length - 1];
  steps[steps.length - 1] = { ...last, note: `${last.note ? `${last.note}; ` : ''}trace cut here: ${trace.steps.length} steps in all` };
  return { ...result, trace: { ...trace, steps, schedule: trace.schedule.slice(0, maxTraceSteps) } };
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, req } = event.data;
  let reply: WorkerReply;
  try {
    const onProgress = (progress: SearchProgress) => scope.postMessage({ id, progress } satisfies WorkerReply);
    // The guard: whatever the page asks, a search here stops at the engine's ceiling.
    reply = { id, result: bounded(check({ ...req, budget: clampToCeiling(req.budget) }, { onProgress })) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};

// Tell the bridge the engine module is loaded and compiled, so the first run pays no start-up.
scope.postMessage({ id: 0, ready: true });
