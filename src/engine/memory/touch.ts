// Whether memory-system code has read or written a CPU's buffer or queue on behalf of another
// CPU (a store reaching memory sends every other CPU an invalidation; the settled value reads
// every buffer). Private to the memory systems: the explorer learns it through
// MemorySystem.touchedOtherCpus(), after each step.
let touched = false;

/** memory-system code: this operation reads or writes another CPU's part */
export function touchOtherCpus(): void {
  touched = true;
}

/** whether the operations since the last call touched another CPU's part; starts the count again */
export function takeTouchedOtherCpus(): boolean {
  const t = touched;
  touched = false;
  return t;
}
