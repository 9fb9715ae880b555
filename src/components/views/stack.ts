// How a step's call stack and operation read as text, shared by the swimlane tooltip and the
// scrubber's announcement so the two never disagree.
import type { StackFrame, TraceStep } from '../../engine/api.js';

export function frameText(f: StackFrame): string {
  return `${f.fn}:${f.line}`;
}

/**
 * `filemap_fault:52 ← handle_mm_fault:86 ← sys_write:264`: innermost frame first, as the
 * engine records it, each arrow reading "called from".
 */
export function stackText(stack: StackFrame[] | undefined): string {
  if (!stack || stack.length === 0) return 'no call stack';
  return stack.map(frameText).join(' ← ');
}

/** `lock_page(page 0) → 1` */
export function opText(step: TraceStep): string {
  const args = (step.args ?? []).join(', ');
  const result = step.result !== undefined && step.result !== '' ? ` → ${step.result}` : '';
  return `${step.op}(${args})${result}`;
}
