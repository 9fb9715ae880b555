// A parsed litmus test in the LKMM C format (the shape herd7 reads). Everything here is plain
// data. The reader accepts what the LKMM checker (lkmm/) models; the operational translation
// (translate.ts) refuses, by name, what the strategy engine does not.

/** a value: a number, or a string naming the location it points to (`&x`) */
export type Value = number | string;

export type Expr =
  | { k: 'num'; value: number }
  | { k: 'reg'; name: string }
  /** the address of a location: `&x`, or a pointer parameter `x` used as a value */
  | { k: 'addr'; name: string }
  /** a plain (unmarked) load: `*x`, or `*r` through a register holding a pointer */
  | { k: 'load'; loc: string; at?: string }
  | { k: 'unary'; op: '!' | '-' | '~'; e: Expr }
  | { k: 'binary'; op: string; l: Expr; r: Expr }
  /**
   * a value-returning primitive: READ_ONCE(*x), smp_load_acquire(x), xchg(x, 1)… `loc` is the
   * location parameter, or '' with `at` the register holding the address (an address dependency)
   */
  | { k: 'prim'; name: string; loc: string; at?: string; args: Expr[] };

export type Stmt =
  | { k: 'assign'; reg: string; e: Expr; line: number }
  /** a primitive called for its effect: WRITE_ONCE, smp_mb, atomic_inc… (loc is '' for fences) */
  | { k: 'prim'; name: string; loc: string; at?: string; args: Expr[]; line: number }
  /** a plain (unmarked) store: `*x = e;` or `*r = e;` */
  | { k: 'store'; loc: string; at?: string; e: Expr; line: number }
  | { k: 'if'; cond: Expr; then: Stmt[]; else: Stmt[]; line: number };

export interface Thread {
  id: number; // the N of PN
  /** registers (locals), in declaration order */
  regs: string[];
  body: Stmt[];
}

export type Cond =
  | { k: 'true' }
  | { k: 'false' }
  | { k: 'not'; c: Cond }
  | { k: 'and' | 'or'; l: Cond; r: Cond }
  /** `1:r0=1` (thread 1's register r0) or `x=2` (location x's final value); op `=` or `!=` */
  | { k: 'eq'; thread: number | null; name: string; op: '=' | '!='; value: Value };

export interface LitmusTest {
  name: string;
  /** shared locations in first-mention order, with initial values */
  locations: { name: string; init: Value }[];
  /** initial register values (`0:r1=2` in the init block) */
  regInit: { thread: number; reg: string; value: Value }[];
  /** spinlock_t parameters (shared words, 0 when free) */
  locks: string[];
  /** struct srcu_struct parameters */
  srcus: string[];
  threads: Thread[];
  quantifier: 'exists' | '~exists' | 'forall';
  condition: Cond;
  filter: Cond | null;
  /** extra values to print (`locations [0:r1; x]`) */
  show: { thread: number | null; name: string }[];
}

/** A test the engine cannot run faithfully, or text that is not a litmus test. */
export class LitmusError extends Error {
  constructor(
    readonly kind: 'syntax' | 'unsupported' | 'budget' | 'engine',
    message: string,
    readonly line = 0,
    /** the memory model that cannot answer (the test itself is readable): `unsupported under weak: …` */
    readonly model: string | null = null,
  ) {
    super(kind === 'unsupported' || kind === 'budget' ? `${kind}${model ? ` under ${model}` : ''}: ${message}` : line > 0 ? `${line}: ${message}` : message);
  }
}
