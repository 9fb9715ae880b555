// Scheduling points a strategy can name explicitly.
import type { Builtin } from '../builtin.js';

const yieldPoint = (name: string, doc: string): Builtin => ({ name, nargs: 0, visible: true, sleeps: name !== 'cpu_relax', doc, run: () => 0 });

export const schedBuiltins: Builtin[] = [
  yieldPoint('schedule', 'give up the CPU: any other task may run'),
  yieldPoint('cond_resched', 'a voluntary preemption point'),
  yieldPoint('yield', 'let another task run'),
  yieldPoint('cpu_relax', 'a busy-wait pause (does not sleep)'),
];
