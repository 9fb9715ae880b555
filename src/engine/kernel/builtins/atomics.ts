// Barriers and atomics on shared words, through the per-CPU memory system, so that under
// `tso` and `weak` they order (or fail to order) accesses as the hardware would. The builtins are
// generated from memory/primitives.ts, the one table the litmus reader shares (WEAK's area), with
// the kernel's argument order: `atomic_add(i, &v)`, `smp_store_release(&flag, 1)`.
export { memoryBuiltins as atomicBuiltins } from '../../memory/builtins.js';
