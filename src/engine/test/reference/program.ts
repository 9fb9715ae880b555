// The random programs of the reference property test, as data: one small AST that is printed as
// a strategy (kernel C) and a scenario for the engine, and interpreted directly by the reference
// (interpret.ts). Nothing here imports the engine: the two sides share only this AST.

/** data words the tasks read and write; `c` is only ever touched by atomics */
export type Data = 'x' | 'y' | 'z' | 'c';
export const DATA: readonly Data[] = ['x', 'y', 'z', 'c'];

/** registers r0..r2 of a task, then loop counters (i0, i1) */
export const REGS = 3;
export const COUNTERS = 2;

export type Expr =
  | { k: 'const'; v: number }
  | { k: 'reg'; r: number }
  | { k: '+' | '==' | '<' | '&&'; a: Expr; b: Expr };

export type Lock = 'spin' | 'mutex' | 'read' | 'write';

export type Stmt =
  /** WRITE_ONCE(g, v), or smp_store_release(&g, v) */
  | { k: 'store'; g: Data; v: Expr; release: boolean }
  /** r = READ_ONCE(g) (r += … with acc), or r = smp_load_acquire(&g) */
  | { k: 'load'; r: number; g: Data; acquire: boolean; acc: boolean }
  | { k: 'fence'; f: 'mb' | 'wmb' | 'rmb' }
  /** atomic_add(d, &g): no value, unordered */
  | { k: 'add'; g: Data; d: number }
  /** value-returning, fully ordered: r = atomic_add_return(a, &g) / atomic_fetch_add(a, &g) / xchg(&g, a) / cmpxchg(&g, a, b) */
  | { k: 'rmw'; r: number; g: Data; op: 'add_return' | 'fetch_add' | 'xchg' | 'cmpxchg'; a: number; b: number }
  /** take the lock, run the body, release it (spin: the word s; mutex mx; rwsem sem for read or write) */
  | { k: 'lock'; lock: Lock; body: Stmt[] }
  | { k: 'if'; c: Expr; then: Stmt[]; else: Stmt[] }
  /** for (i = 0; i < n && r == 0; i++) body (`until` names r; without it just i < n) */
  | { k: 'loop'; n: number; until: number | null; body: Stmt[] }
  /** BUG_ON(c) */
  | { k: 'bug'; c: Expr }
  /** wait_for_other_tasks(): the oracle task waits until every other task has returned */
  | { k: 'wait' };

export interface Task {
  cpu: number;
  body: Stmt[];
  /** store the registers, packed (see packRegs), into out<t> at the end */
  out: boolean;
}

export interface Program { seed: number; tasks: Task[] }

/** the value a task stores into its out word: its registers packed 6 bits each */
export function packRegs(regs: readonly number[]): number {
  return regs[0] + 64 * regs[1] + 4096 * regs[2];
}
function expr(e: Expr): string {
  switch (e.k) {
    case 'const': return String(e.v);
    case 'reg': return reg(e.r);
    default: return `(${expr(e.a)} ${e.k} ${expr(e.b)})`;
  }
}

const reg = (r: number) => (r < REGS ? `r${r}` : `i${r - REGS}`);

const TAKE: Record<Lock, [string, string]> = {
  spin: ['spin_lock(&s)', 'spin_unlock(&s)'],
  mutex: ['mutex_lock(mx)', 'mutex_unlock(mx)'],
  read: ['down_read(sem)', 'up_read(sem)'],
  write: ['down_write(sem)', 'up_write(sem)'],
};

function stmts(body: Stmt[], depth: number): string {
  return body.map((s) => stmt(s, depth)).join(' ');
}

function stmt(s: Stmt, depth: number): string {
  switch (s.k) {
    case 'store': return s.release ? `smp_store_release(&${s.g}, ${expr(s.v)});` : `WRITE_ONCE(${s.g}, ${expr(s.v)});`;
    case 'load':
      return s.acquire ? `${reg(s.r)} = smp_load_acquire(&${s.g});` : `${reg(s.r)} ${s.acc ? '+=' : '='} READ_ONCE(${s.g});`;
    case 'fence': return `smp_${s.f}();`;
    case 'add': return s.d === 1 ? `atomic_inc(&${s.g});` : `atomic_add(${s.d}, &${s.g});`;
    case 'rmw':
      switch (s.op) {
        case 'add_return': return `${reg(s.r)} = atomic_add_return(${s.a}, &${s.g});`;
        case 'fetch_add': return `${reg(s.r)} = atomic_fetch_add(${s.a}, &${s.g});`;
        case 'xchg': return `${reg(s.r)} = xchg(&${s.g}, ${s.a});`;
        case 'cmpxchg': return `${reg(s.r)} = cmpxchg(&${s.g}, ${s.a}, ${s.b});`;
      }
      break;
    case 'lock': return `${TAKE[s.lock][0]}; ${stmts(s.body, depth)} ${TAKE[s.lock][1]};`;
    case 'if': return `if (${expr(s.c)}) { ${stmts(s.then, depth)} } else { ${stmts(s.else, depth)} }`;
    case 'loop': {
      const i = `i${depth}`;
      const cond = s.until === null ? `${i} < ${s.n}` : `${i} < ${s.n} && ${reg(s.until)} == 0`;
      return `for (${i} = 0; ${cond}; ${i}++) { ${stmts(s.body, depth + 1)} }`;
    }
    case 'bug': return `BUG_ON(${expr(s.c)});`;
    case 'wait': return 'wait_for_other_tasks();';
  }
  throw new Error(`unknown statement ${(s as Stmt).k}`);
}

/** the program as a strategy: shared words, then one function per task */
export function strategyText(p: Program): string {
  const words = ['x', 'y', 'z', 'c', 's', ...p.tasks.flatMap((t, i) => (t.out ? [`out${i}`] : []))];
  const fns = p.tasks.map((t, i) => {
    const out = t.out ? ` WRITE_ONCE(out${i}, r0 + 64 * r1 + 4096 * r2);` : '';
    return `void t${i}(void) {\n  int r0 = 0; int r1 = 0; int r2 = 0; int i0 = 0; int i1 = 0;\n  ${stmts(t.body, 0)}${out}\n}`;
  });
  return `${words.map((w) => `int ${w};`).join(' ')}\n${fns.join('\n')}\n`;
}

/** the scenario: the locks, and each task on its CPU */
export function scenarioText(p: Program): string {
  const tasks = p.tasks.map((t, i) => `task t${i} cpu ${t.cpu} : t${i}()`);
  return `id prop/reference/${p.seed}\nmutex mx\nrwsem sem\n${tasks.join('\n')}\n`;
}

/** the words an outcome reports: the data words, then each out word */
export function outcomeWords(p: Program): string[] {
  return [...DATA, ...p.tasks.flatMap((t, i) => (t.out ? [`out${i}`] : []))];
}
