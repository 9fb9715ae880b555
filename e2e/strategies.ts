// Edits a reader makes to the ABBA cell, written against its original text so the tests follow
// the cell if its comments or layout change.

/** Make task_b take the pages in the same order as task_a. */
export function fixLockOrder(code: string): string {
  const at = code.indexOf('void task_b');
  if (at < 0) throw new Error('the ABBA cell has no task_b');
  const head = code.slice(0, at);
  const tail = code.slice(at).replace(/lock_page\(page1\);(\s*)lock_page\(page0\);/, 'lock_page(page0);$1lock_page(page1);');
  return head + tail;
}

/** task_a spins forever before taking any lock: no scheduling point, so the step budget stops it. */
export function endlessLoop(code: string): string {
  return code.replace(/void task_a\(void\)\s*\{/, (m) => `${m}\n\tint spins = 0;\n\twhile (1)\n\t\tspins++;`);
}

/** task_a counts forever, taking a lock each time: every count is a new state, so the search never ends. */
export function runawaySearch(code: string): string {
  return code.replace(
    /void task_a\(void\)\s*\{/,
    (m) => `${m}\n\tint n = 0;\n\twhile (1) {\n\t\tlock_page(page0);\n\t\tn++;\n\t\tunlock_page(page0);\n\t}`,
  );
}

/** A statement missing its semicolon inside task_a. */
export function withSyntaxError(code: string): string {
  return code.replace('lock_page(page0);', 'lock_page(page0)');
}
