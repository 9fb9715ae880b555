// What the kernel model tells the compiler (its builtins, fields and named objects), and the
// texts a program is compiled from.
import type { SharedGlobal, SourceName } from './bytecode.js';

export interface BuiltinSig { id: number; nargs: number }
export interface FieldSig { id: number; writable: boolean; addressable: boolean; structs?: string[] }

/** What the kernel model tells the compiler: its builtins, fields and named objects. */
export interface CompileEnv {
  builtins: ReadonlyMap<string, BuiltinSig>;
  fields: ReadonlyMap<string, FieldSig>;
  /** named integers: scenario objects (`page0`), parameters, kernel constants (`EFAULT`) */
  constants: ReadonlyMap<string, number>;
  /** shared words the scenario declares, before the code's own globals */
  presetGlobals: readonly SharedGlobal[];
  /** the handle of shared word `addr` (what `&flag` evaluates to) */
  wordHandle(addr: number): number;
}

export interface SourceText { source: SourceName; text: string }

/** the name prefix of the functions a scenario's task lines compile to (kernel/boot.ts writes them) */
export const TASK_ENTRY_PREFIX = '__task_';
