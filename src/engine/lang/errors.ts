// A compile error at a position. `missing` names a function or variable the code uses but no
// source defines: after a syntax error that may be a knock-on (the definition did not parse).
import type { Pos } from './ast.js';

export class CompileError extends Error {
  constructor(readonly pos: Pos, message: string, readonly missing?: { kind: 'function' | 'name'; name: string }) {
    super(message);
  }
}
