// The kernel's prototypes of the memory-ordering primitives, so a call with its arguments in
// the wrong order (`atomic_add(&v, 1)`) or a counter passed without its `&` is rejected when
// compiling, with the kernel's signature in the message, as a C compiler would reject it.
// Only what is certain is checked: an argument is a pointer when it is `&…`, a cast to a
// pointer or a variable declared as one; an integer when it is a number, a #define, a shared
// global's value, or a variable declared as an integer. Anything else passes.
import type { Expr, Pos, TypeRef } from './ast.js';
import { CompileError } from './errors.js';

interface Prototype { text: string; params: { name: string; pointer: boolean; type: string }[] }

const ORDERS = ['', '_relaxed', '_acquire', '_release'];
const TEXTS: string[] = [
  'int atomic_read(const atomic_t *v)', 'int atomic_read_acquire(const atomic_t *v)',
  'void atomic_set(atomic_t *v, int i)', 'void atomic_set_release(atomic_t *v, int i)',
  'void atomic_add(int i, atomic_t *v)', 'void atomic_sub(int i, atomic_t *v)',
  'void atomic_inc(atomic_t *v)', 'void atomic_dec(atomic_t *v)',
  'int atomic_sub_return(int i, atomic_t *v)',
  'bool atomic_dec_and_test(atomic_t *v)', 'bool atomic_inc_and_test(atomic_t *v)', 'bool atomic_sub_and_test(int i, atomic_t *v)',
  ...ORDERS.flatMap((o) => [
    `int atomic_add_return${o}(int i, atomic_t *v)`, `int atomic_fetch_add${o}(int i, atomic_t *v)`,
    `int atomic_inc_return${o}(atomic_t *v)`, `int atomic_dec_return${o}(atomic_t *v)`,
    `int atomic_fetch_inc${o}(atomic_t *v)`, `int atomic_fetch_dec${o}(atomic_t *v)`,
    `int atomic_xchg${o}(atomic_t *v, int new)`, `int atomic_cmpxchg${o}(atomic_t *v, int old, int new)`,
    `T xchg${o}(T *ptr, T new)`, `T cmpxchg${o}(T *ptr, T old, T new)`,
  ]),
  'void set_bit(long nr, volatile unsigned long *addr)', 'void clear_bit(long nr, volatile unsigned long *addr)',
  'void clear_bit_unlock(long nr, volatile unsigned long *addr)',
  'bool test_and_set_bit(long nr, volatile unsigned long *addr)', 'bool test_and_clear_bit(long nr, volatile unsigned long *addr)',
  'bool test_and_set_bit_lock(long nr, volatile unsigned long *addr)',
  'T smp_load_acquire(T *p)', 'void smp_store_release(T *p, T v)',
  ...['spin_lock', 'spin_unlock', 'raw_spin_lock', 'raw_spin_unlock'].map((n) => `void ${n}(spinlock_t *lock)`),
  'int spin_trylock(spinlock_t *lock)', 'int raw_spin_trylock(spinlock_t *lock)',
];

const PROTOTYPES = new Map<string, Prototype>(TEXTS.map((text) => {
  const m = /^.*?(\w+)\((.*)\)$/.exec(text)!;
  const params = m[2].split(',').map((p) => {
    const q = p.trim();
    const name = /(\w+)$/.exec(q)![1];
    return { name, pointer: q.includes('*'), type: q.slice(0, q.length - name.length).trim() };
  });
  return [m[1], { text, params }];
}));

/** what the compiler knows about a name at the call */
export interface ArgContext {
  /** the declared type of a local variable or parameter */
  localType(name: string): TypeRef | undefined;
  /** a #define's name, or a shared global read by value */
  isIntegerName(name: string): boolean;
}

type Shape = 'pointer' | 'integer' | 'unknown';

const INTEGER_TYPES = /^(unsigned |signed )?(int|long|long long|short|char|bool|_Bool|size_t|ssize_t|loff_t|pgoff_t|u8|u16|u32|u64|s32|s64)$/;

function shape(e: Expr, ctx: ArgContext): Shape {
  switch (e.kind) {
    case 'num': return 'integer';
    case 'unary':
      if (e.op === '&') return 'pointer';
      if (e.op === '-' || e.op === '~' || e.op === '+') return shape(e.arg, ctx) === 'integer' ? 'integer' : 'unknown';
      return 'unknown';
    case 'cast': return e.type.ptr > 0 ? 'pointer' : 'unknown';
    case 'binary': return shape(e.left, ctx) === 'integer' && shape(e.right, ctx) === 'integer' ? 'integer' : 'unknown';
    case 'name': {
      const t = ctx.localType(e.name);
      if (t) return t.ptr > 0 ? 'pointer' : INTEGER_TYPES.test(t.base) ? 'integer' : 'unknown';
      return ctx.isIntegerName(e.name) ? 'integer' : 'unknown';
    }
    default: return 'unknown';
  }
}

/** reject a call to a primitive whose arguments cannot match the kernel's prototype */
export function checkArguments(name: string, args: Expr[], pos: Pos, ctx: ArgContext): void {
  const proto = PROTOTYPES.get(name);
  if (!proto || proto.params.length !== args.length) return;
  const shapes = args.map((a) => shape(a, ctx));
  const wrong = proto.params.findIndex((p, k) => shapes[k] === (p.pointer ? 'integer' : 'pointer'));
  if (wrong < 0) return;
  const swapped = proto.params.every((p, k) => shapes[k] !== (p.pointer ? 'pointer' : 'integer')) && args.length > 1
    && proto.params.some((p) => p.pointer) && proto.params.some((p) => !p.pointer);
  const p = proto.params[wrong];
  const decl = `${p.type}${p.type.endsWith('*') ? '' : ' '}${p.name}`;
  const what = p.pointer ? `a pointer (${decl}), as in &x` : `${decl}, not a pointer`;
  throw new CompileError(args[wrong]?.pos ?? pos, swapped
    ? `arguments in the wrong order: the kernel's is ${proto.text}`
    : `argument ${wrong + 1} of ${name}() must be ${what}: the kernel's is ${proto.text}`);
}

