// The kernel's macros and old names that the mailing-list threads use, lowered to the strategy
// language at compile time, so a snippet pasted from an email compiles as written:
// `page_cache_release`, `min_t(size_t, a, b)`, `kmap_atomic(page, KM_USER0)`, the 2007
// eight-argument `get_user_pages`, `mapping->a_ops->prepare_write(…)`. Each lowering is what the
// kernel's own definition does, in the model's terms; anything it cannot model is an error that
// says why. A program's own function of the same name always wins over a lowering here, except
// for `smp_store_mb`, whose lvalue form is the kernel's signature.
import type { Expr, Pos } from './ast.js';
import { CompileError } from './errors.js';

/** what a lowering needs to know about the program around the call */
export interface LowerContext {
  /** parameters of the program's function of this name, or the builtin's argument count */
  arity(name: string): number | undefined;
  /** is `name` a local variable or parameter here? */
  isLocal(name: string): boolean;
  /** a fresh hidden temporary (evaluated once by a `let`) */
  temp(): number;
}

/** named constants of the threads' kernels that the model has no use for beyond their value */
const CONSTANTS = new Map<string, number>([
  ['KM_USER0', 0], ['KM_USER1', 1], // 2.6.20's kmap_atomic slots: the model has one kernel mapping per page
]);

export function compatConstant(name: string): number | undefined {
  return CONSTANTS.get(name);
}

/** kernel functions the threads call that the model leaves out, and what it has instead */
const UNMODELLED = new Map<string, string>([
  ...['pte_offset_map_lock', 'pte_unmap_unlock', 'pte_offset_map', 'pte_unmap'].map((n): [string, string] =>
    [n, 'the model has no page-table locks: a PTE changes in one step (install_pte, zap_pte, follow_page)']),
  ['page_add_file_rmap', 'the reverse map is implicit: install_pte() counts the mapping (page_mapcount)'],
  ['page_remove_rmap', 'the reverse map is implicit: zap_pte() drops the mapping'],
  ['get_user', 'single user loads are not modelled: fault the range in with fault_in_pages_readable(), or read a byte with user_byte()'],
  ['put_user', 'single user stores are not modelled: copy with copy_to_user()'],
  ['unmap_mapping_range', 'the model unmaps a page at a time: unmap_mapping_page(page)'],
  ['filemap_nopage', "2.6.20's ->nopage is the model's filemap_fault(vma, address)"],
  ['lock_page_killable', 'signals are not modelled: lock_page(page)'],
  ...['rcu_read_lock', 'rcu_read_unlock', 'synchronize_rcu', 'call_rcu'].map((n): [string, string] => [n, 'RCU is not modelled']),
]);

/** why a kernel function the model leaves out is missing, or undefined for a name it does not know */
export function unmodelled(name: string): string | undefined {
  return UNMODELLED.get(name);
}

const call = (callee: string, args: Expr[], pos: Pos): Expr => ({ kind: 'call', callee, args, pos });
const num = (value: number, pos: Pos): Expr => ({ kind: 'num', value, pos });
const comma = (left: Expr, right: Expr, pos: Pos): Expr => ({ kind: 'comma', left, right, pos });

/** evaluate each value once into a temporary, then build the body from the temporaries */
function once(ctx: LowerContext, values: Expr[], pos: Pos, body: (t: Expr[]) => Expr): Expr {
  const ids = values.map(() => ctx.temp());
  let e = body(ids.map((id) => ({ kind: 'temp', id, pos })));
  for (let k = values.length - 1; k >= 0; k--) e = { kind: 'let', id: ids[k], value: values[k], body: e, pos };
  return e;
}

function arity(name: string, args: Expr[], pos: Pos, ...counts: number[]) {
  if (!counts.includes(args.length)) {
    const want = counts.join(' or ');
    throw new CompileError(pos, `'${name}' takes ${want} argument${want === '1' ? '' : 's'} but was given ${args.length}`);
  }
}

function minMax(name: string, args: Expr[], pos: Pos, ctx: LowerContext): Expr {
  const typed = name.endsWith('_t');
  arity(name, args, pos, typed ? 3 : 2);
  if (typed && args[0].kind !== 'type') throw new CompileError(args[0].pos, `${name}(type, x, y): the first argument is a type, as in ${name}(size_t, a, b)`);
  const [a, b] = typed ? args.slice(1) : args;
  const op = name.startsWith('min') ? '<' : '>';
  // the kernel's min()/max() evaluate each argument once (typeof temporaries); so does this
  return once(ctx, [a, b], pos, ([x, y]) => ({ kind: 'cond', test: { kind: 'binary', op, left: x, right: y, pos }, then: x, else: y, pos }));
}

/** a kernel virtual address (from kmap) as the page and offset the model's copies take */
const inPage = (k: Expr, pos: Pos): Expr[] => [call('virt_to_page', [k], pos), call('offset_in_page', [k], pos)];

/** lowerings that apply when no function of the name exists */
const FALLBACKS: Record<string, (args: Expr[], pos: Pos, ctx: LowerContext, name: string) => Expr> = {
  // 2.6.20 include/linux/pagemap.h: #define page_cache_get(page) get_page(page), and so on
  page_cache_get: (args, pos, _c, n) => { arity(n, args, pos, 1); return call('get_page', args, pos); },
  page_cache_release: (args, pos, _c, n) => { arity(n, args, pos, 1); return call('put_page', args, pos); },
  // include/linux/page-flags.h: set_page_writeback() is test_set_page_writeback() without the result
  set_page_writeback: (args, pos, _c, n) => { arity(n, args, pos, 1); return call('test_set_page_writeback', args, pos); },
  // the model's disk always wants stable pages: wait for writeback to end (2019 kernels)
  wait_for_stable_page: (args, pos, _c, n) => { arity(n, args, pos, 1); return call('wait_on_page_writeback', args, pos); },
  min: (args, pos, ctx, n) => minMax(n, args, pos, ctx),
  max: (args, pos, ctx, n) => minMax(n, args, pos, ctx),
  min_t: (args, pos, ctx, n) => minMax(n, args, pos, ctx),
  max_t: (args, pos, ctx, n) => minMax(n, args, pos, ctx),
  // kmap_atomic() disables page faults until kunmap_atomic(); the slot argument of 2.6.20 is ignored
  kmap_atomic: (args, pos, _c, n) => { arity(n, args, pos, 1, 2); return comma(call('pagefault_disable', [], pos), call('kmap', [args[0]], pos), pos); },
  kunmap_atomic: (args, pos, _c, n) => { arity(n, args, pos, 1, 2); return comma(args[0], call('pagefault_enable', [], pos), pos); },
  kunmap: (args, pos, _c, n) => { arity(n, args, pos, 1); return comma(args[0], num(0, pos), pos); },
  flush_dcache_page: (args, pos, _c, n) => { arity(n, args, pos, 1); return comma(args[0], num(0, pos), pos); },
  memcpy: (args, pos, ctx, n) => {
    arity(n, args, pos, 3);
    return once(ctx, [args[0], args[1]], pos, ([d, s]) => call('memcpy_page', [...inPage(d, pos), ...inPage(s, pos), args[2]], pos));
  },
  __copy_from_user_inatomic_nocache: (args, pos, ctx, n) => {
    arity(n, args, pos, 3);
    return once(ctx, [args[0]], pos, ([k]) => call('__copy_from_user_inatomic', [...inPage(k, pos), args[1], args[2]], pos));
  },
};

/**
 * get_user_pages(tsk, mm, start, nr_pages, write, force, pages, vmas), the 2.6.20 signature,
 * over the model's five-argument get_user_pages (fault in, no references kept) and
 * get_user_page (one page, with a reference): `pages` must be NULL or `&page` with nr_pages 1.
 */
function getUserPages8(args: Expr[], pos: Pos, ctx: LowerContext): Expr {
  const [tsk, mm, start, nr, write, , pages, vmas] = args;
  const isNull = (e: Expr) => (e.kind === 'num' && e.value === 0) || (e.kind === 'name' && e.name === 'NULL');
  if (!isNull(vmas)) throw new CompileError(vmas.pos, "get_user_pages(): the model returns no vmas: pass NULL");
  if (isNull(pages)) return call('get_user_pages', [tsk, mm, start, nr, write], pos);
  if (pages.kind !== 'unary' || pages.op !== '&' || pages.arg.kind !== 'name' || !ctx.isLocal(pages.arg.name)) {
    throw new CompileError(pages.pos, 'get_user_pages(): the model fills one page into a local: pass &page (or NULL)');
  }
  if (nr.kind !== 'num' || nr.value !== 1) throw new CompileError(nr.pos, 'get_user_pages(): the model pins one page at a time here: nr_pages must be 1 when pages is given');
  const got: Expr = { kind: 'assign', op: '=', target: pages.arg, value: call('get_user_page', [mm, start, write], pos), pos };
  // one page pinned: 1; none: -EFAULT, as a fault on the address would give
  return { kind: 'cond', test: got, then: num(1, pos), else: { kind: 'unary', op: '-', arg: { kind: 'name', name: 'EFAULT', pos }, pos }, pos };
}

/** calls through an operations table that the model has one of: the prelude's (or the reader's) */
const METHODS = new Set(['readpage', 'writepage', 'prepare_write', 'commit_write', 'set_page_dirty']);

function opsTable(e: Expr): boolean {
  return (e.kind === 'name' && e.name === 'a_ops') || (e.kind === 'field' && e.field === 'a_ops');
}

/**
 * The call this call stands for, or null when it is an ordinary call. `defined`: a function or
 * builtin of this name exists (then only a different argument count is lowered).
 */
export function lowerCall(x: Expr & { kind: 'call' }, defined: boolean, ctx: LowerContext): Expr | null {
  const { callee, args, pos } = x;
  if (x.via) {
    // the object is not evaluated: the model has one address_space_operations
    if (!opsTable(x.via) || !METHODS.has(callee)) {
      throw new CompileError(pos, `'->${callee}(…)': calls through function pointers are not modelled, except the address_space operations a_ops->{${[...METHODS].join(', ')}}`);
    }
    return call(callee, args, pos);
  }
  if (callee === 'smp_store_mb') return storeMb(args, pos, ctx);
  if (callee === 'get_user_pages' && args.length === 8 && ctx.arity(callee) === 5) return getUserPages8(args, pos, ctx);
  const f = Object.hasOwn(FALLBACKS, callee) ? FALLBACKS[callee] : undefined;
  return f && !defined ? f(args, pos, ctx, callee) : null;
}

/**
 * smp_store_mb(var, value): the kernel's asm-generic definition, WRITE_ONCE(var, value) then
 * smp_mb(). `var` is the variable itself (a shared global, `*p` or a field), not its address.
 */
function storeMb(args: Expr[], pos: Pos, ctx: LowerContext): Expr {
  arity('smp_store_mb', args, pos, 2);
  const [v, value] = args;
  if (v.kind === 'unary' && v.op === '&') {
    throw new CompileError(v.pos, 'smp_store_mb(var, value) takes the variable itself, as WRITE_ONCE does: write smp_store_mb(x, v), not smp_store_mb(&x, v)');
  }
  if (v.kind === 'name' && ctx.isLocal(v.name)) {
    throw new CompileError(v.pos, `smp_store_mb(var, value) stores to shared memory: '${v.name}' is a local variable (through a pointer, write smp_store_mb(*${v.name}, value))`);
  }
  return comma(call('WRITE_ONCE', [v, value], pos), call('smp_mb', [], pos), pos);
}
