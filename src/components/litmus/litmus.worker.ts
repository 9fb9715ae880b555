// The litmus checkers in a Web Worker of their own: the page's main thread never enumerates an
// execution. One request at a time; the page stops a run by terminating this worker. The answer
// comes back rendered, so the page itself carries no drawing code.
/// <reference lib="webworker" />
import { decide, isLitmusModel, type LitmusAnswer } from './answer';
import { renderAnswer } from './render';

export interface LitmusRequest {
  id: number;
  text: string;
  model: string;
}
export interface LitmusReply {
  id: number;
  answer: LitmusAnswer;
  html: string;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LitmusRequest>) => {
  const { id, text, model } = event.data;
  const answer: LitmusAnswer = isLitmusModel(model)
    ? decide(text, model)
    : { ok: false, model: 'lkmm', message: `no memory model '${model}' (sc, tso, weak or lkmm)`, line: 0, source: null };
  const reply: LitmusReply = { id, answer, html: renderAnswer(answer) };
  scope.postMessage(reply);
};
