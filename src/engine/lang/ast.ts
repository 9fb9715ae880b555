// The syntax tree of the strategy language. Every node carries its position for diagnostics.

export interface Pos { line: number; column: number }

/** A C type, checked lightly: `struct page *` is { base: 'struct page', ptr: 1 }. */
export interface TypeRef { base: string; ptr: number }

export type Expr =
  | { kind: 'num'; value: number; pos: Pos }
  | { kind: 'name'; name: string; pos: Pos }
  | { kind: 'unary'; op: string; arg: Expr; pos: Pos } // - ! ~ * & +
  | { kind: 'incdec'; op: '++' | '--'; prefix: boolean; arg: Expr; pos: Pos }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; pos: Pos }
  | { kind: 'assign'; op: string; target: Expr; value: Expr; pos: Pos } // = += -= …
  | { kind: 'cond'; test: Expr; then: Expr; else: Expr; pos: Pos }
  /** `via`: the object of a method call through an operations table (`mapping->a_ops->readpage(…)`) */
  | { kind: 'call'; callee: string; args: Expr[]; pos: Pos; via?: Expr }
  | { kind: 'field'; object: Expr; field: string; arrow: boolean; pos: Pos }
  | { kind: 'index'; object: Expr; index: Expr; pos: Pos }
  | { kind: 'cast'; type: TypeRef; arg: Expr; pos: Pos }
  | { kind: 'comma'; left: Expr; right: Expr; pos: Pos }
  /** a type written as an argument (`min_t(size_t, a, b)`); only the compat lowering reads it */
  | { kind: 'type'; type: TypeRef; pos: Pos }
  /** compiler-made: evaluate `value` once into hidden temporary `id`, then `body` (lang/compat.ts) */
  | { kind: 'let'; id: number; value: Expr; body: Expr; pos: Pos }
  | { kind: 'temp'; id: number; pos: Pos };

export interface VarDecl { name: string; type: TypeRef; init: Expr | null; pos: Pos }

export type Stmt =
  | { kind: 'expr'; expr: Expr; pos: Pos }
  | { kind: 'decl'; decls: VarDecl[]; pos: Pos }
  | { kind: 'block'; body: Stmt[]; pos: Pos }
  | { kind: 'if'; test: Expr; then: Stmt; else: Stmt | null; pos: Pos }
  | { kind: 'while'; test: Expr; body: Stmt; pos: Pos }
  | { kind: 'do'; body: Stmt; test: Expr; pos: Pos }
  | { kind: 'for'; init: Stmt | null; test: Expr | null; update: Expr | null; body: Stmt; pos: Pos }
  | { kind: 'return'; value: Expr | null; pos: Pos }
  | { kind: 'break'; pos: Pos }
  | { kind: 'continue'; pos: Pos }
  | { kind: 'goto'; label: string; pos: Pos }
  | { kind: 'label'; label: string; body: Stmt; pos: Pos }
  | { kind: 'empty'; pos: Pos };

export interface Param { name: string; type: TypeRef; pos: Pos }

export interface FunctionDecl {
  name: string;
  returns: TypeRef;
  params: Param[];
  body: Stmt & { kind: 'block' };
  pos: Pos;
}

export interface Define { name: string; value: Expr; pos: Pos }

export interface Unit {
  functions: FunctionDecl[];
  globals: VarDecl[];
  defines: Define[];
}
