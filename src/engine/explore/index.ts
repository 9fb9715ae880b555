// The explorer's entry: the search (bfs.ts) and its specification (reference.ts), what a search
// returns (graph.ts), which tasks can run, and the paths and traces read from a finished search.
export { explore } from './bfs.js';
export { referenceSearch, type ReferenceSearch, type ReferenceEdge } from './reference.js';
export { releaseGraph, searchBytes, PROGRESS_EVERY, type BadTransition, type Invariant, type SearchGraph, type SearchLimits } from './graph.js';
export { taskEnabled } from './machine.js';
