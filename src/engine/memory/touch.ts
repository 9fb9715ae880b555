// Raised when memory-system code reads or writes a CPU's buffer or queue on behalf of another
// CPU (a store reaching memory sends every other CPU an invalidation; the settled value reads
// every buffer). The explorer clears it before a task's step and, when it stayed down, knows the
// step depended only on its own CPU's parts and the common words (explore/memo.ts).
export const touch = { otherCpus: false };
