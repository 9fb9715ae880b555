// The litmus reader's public surface for other folders (lkmm/ reads tests through it). Running a
// test on the strategy engine is run.ts, which the command line imports directly.
export { LitmusError, type Cond, type Expr, type LitmusTest, type Stmt, type Thread, type Value } from './ast.js';
export { parseLitmus } from './parse.js';
export { compareValue, holds, judge, observedPlaces, placeKey, showCond, type FinalValues, type LitmusResult } from './condition.js';
export { bitOperand, callShape, memoryPrimitive, negatedOperand } from './calls.js';
