// Litmus cells: a C litmus test decided under sc, tso, weak (the strategy engine) and lkmm (the
// axiomatic checker). This is the build-time surface (answer.ts and render.ts, which the litmus
// Worker runs too); the page's part is client.ts, loaded by LitmusCell.astro's script on its own
// so the engine never enters the page's bundle.
export { decide, verdictLine, isLitmusModel, LITMUS_MODELS, MODEL_NAMES, type Decided, type LitmusAnswer, type LitmusModel, type Refused } from './answer';
export { renderAnswer } from './render';
export { renderExecutionSvg } from './diagram';
