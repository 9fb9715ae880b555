// Which compile errors a reader sees, and in what order: the reader's own code first (the
// strategy, then the scenario, then the prelude), each by line and column, so the headline is
// the reader's first real error. While any text has a syntax error, errors that only say a name
// is unknown are hidden everywhere: the definition may be the code that did not parse.
// Empty code that leaves the scenario's calls undefined gets one message saying so.
import type { Diagnostic } from '../api.js';

const RANK: Record<Diagnostic['source'], number> = { strategy: 0, scenario: 1, prelude: 2 };

const list = (names: string[]) =>
  names.length === 1 ? `${names[0]}()` : `${names.slice(0, -1).map((n) => `${n}()`).join(', ')} and ${names[names.length - 1]}()`;

export function arrangeDiagnostics(
  diagnostics: Diagnostic[],
  missing: ReadonlyMap<Diagnostic, { kind: 'function' | 'name'; name: string; inTaskEntry: boolean }>,
  syntaxError: boolean,
  emptyStrategy: boolean,
): Diagnostic[] {
  let out = diagnostics;
  if (syntaxError) out = out.filter((d) => !missing.has(d)); // knock-on: shown again once the code parses
  else if (emptyStrategy) {
    // only the calls on the scenario's task lines ask for the reader's code; a misspelt call in
    // the scenario's own code is the scenario's error and keeps its message
    const calls = out.filter((d) => d.source === 'scenario' && missing.get(d)?.kind === 'function' && missing.get(d)!.inTaskEntry);
    if (calls.length) {
      const names = [...new Set(calls.map((d) => missing.get(d)!.name))];
      out = [
        { line: 1, column: 1, severity: 'error', source: 'strategy', message: `the code is empty: the scenario calls ${list(names)}, so define ${names.length === 1 ? 'it' : 'them'} here` },
        ...out.filter((d) => !calls.includes(d)),
      ];
    }
  }
  return [...out].sort((a, b) => RANK[a.source] - RANK[b.source] || a.line - b.line || a.column - b.column);
}
