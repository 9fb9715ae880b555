// The Linux-kernel memory model as an axiomatic checker of litmus tests: the folder's public
// surface. Pure TypeScript (no Node APIs), so it runs in the page's Worker as in the CLI.
export { checkLitmus, runLkmm, type LkmmRun } from './check.js';
export { DEFAULT_LIMITS, forEachCandidate, type Limits } from './candidates.js';
export { judgeCandidate, AXIOMS, type Axiom, type Judgement } from './model.js';
export { formatCycle, formatExecution, type Cycle, type ExecutionText } from './explain.js';
export type { Candidate } from './execution.js';
export { executionGraph, type ExecutionGraph, type GraphEdge, type GraphEvent } from './graph.js';
export { compareFinals, describeUnreached, type Beyond, type Comparison } from './compare.js';
export { showValues } from './show.js';
