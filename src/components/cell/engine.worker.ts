// The engine in a dedicated Web Worker: the page's main thread never runs a search. One request at
// a time; the bridge cancels a run by terminating this worker and starting a fresh one.
/// <reference lib="webworker" />
import { check } from '../../engine/index';
import type { CheckRequest, CheckResult } from '../../engine/api';

export interface WorkerRequest {
  id: number;
  req: CheckRequest;
}
export type WorkerReply = { id: number; result: CheckResult } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, req } = event.data;
  let reply: WorkerReply;
  try {
    reply = { id, result: check(req) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};

// Tell the bridge the engine module is loaded and compiled, so the first run pays no start-up.
scope.postMessage({ id: 0, ready: true });
