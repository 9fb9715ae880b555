// Walking expression trees: every sub-expression in order, and the height check that bounds
// an expression's longest path without recursion (so no input can overflow the stack).
import type { Expr } from './ast.js';

/** Visit every sub-expression (pre-order). */
export function walkExpr(e: Expr, f: (e: Expr) => void): void {
  f(e);
  for (const k of children(e)) walkExpr(k, f);
}

/** the children of an expression node */
function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'unary': case 'incdec': case 'cast': return [e.arg];
    case 'binary': case 'comma': return [e.left, e.right];
    case 'assign': return [e.target, e.value];
    case 'cond': return [e.test, e.then, e.else];
    case 'call': return e.via ? [...e.args, e.via] : e.args;
    case 'field': return [e.object];
    case 'index': return [e.object, e.index];
    case 'let': return [e.value, e.body];
    default: return [];
  }
}

/** the first node (in source order) more than `limit` operations above a leaf, or null; no recursion */
export function tooTall(root: Expr, limit: number): Expr | null {
  const height = new Map<Expr, number>();
  const stack: [Expr, boolean][] = [[root, false]];
  let found: Expr | null = null;
  while (stack.length) {
    const [e, done] = stack.pop()!;
    const kids = children(e);
    if (!done) { stack.push([e, true]); for (const k of kids) stack.push([k, false]); continue; }
    let h = 0;
    for (const k of kids) h = Math.max(h, height.get(k)! + 1);
    height.set(e, h);
    if (h === limit + 1 && (!found || e.pos.line < found.pos.line || (e.pos.line === found.pos.line && e.pos.column < found.pos.column))) found = e;
  }
  return found;
}
