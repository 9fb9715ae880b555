// Disclosure: every simplification of the simulated kernels (simplifications.ts) that a chapter's
// scenarios reach has a line in that chapter's "What the model leaves out", marked
// {/* model: <id> */}. A scenario reaches a function when its tasks can call it, with the code
// of the chapter's cells (or, for a table, the scenario's default strategy) in place.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../lang/compiler.js';
import { resolveScenario } from '../scenarios/index.js';
import { compileEnv, scenarioSource } from './boot.js';
import { kernelText } from './kernels.js';
import { SIMPLIFICATIONS } from './simplifications.js';

const root = new URL('../../../', import.meta.url).pathname;
const chapters = join(root, 'src/content/docs/chapters');

/** the functions the scenario's tasks can reach with this strategy, and its kernel */
function reached(ref: string, strategy: string): { kernel: string; names: Set<string> } {
  const spec = resolveScenario(ref).spec;
  if (!spec) throw new Error(`scenario ${ref} does not resolve`);
  const { program } = compile([
    { source: 'prelude', text: kernelText(spec.kernel) },
    { source: 'scenario', text: scenarioSource(spec) },
    { source: 'strategy', text: strategy },
  ], compileEnv(spec));
  if (!program) throw new Error(`scenario ${ref} does not compile with its strategy`);
  const names = new Set<string>();
  const stack = program.functions.flatMap((f, i) => (f.name.startsWith('__task_') ? [i] : []));
  const seen = new Set(stack);
  while (stack.length) {
    const f = program.functions[stack.pop()!];
    names.add(f.name);
    for (const g of f.calls) if (!seen.has(g)) { seen.add(g); stack.push(g); }
  }
  return { kernel: spec.kernel, names };
}

function runs(mdx: string, chapter: string): { ref: string; strategy: string }[] {
  const out: { ref: string; strategy: string }[] = [];
  for (const m of mdx.matchAll(/<Cell\s[^>]*?id="([^"]+)"[^>]*?scenario="([^"]+)"/g)) {
    const file = join(root, 'src/content/cells', chapter, `${m[1]}.c`);
    if (existsSync(file)) out.push({ ref: m[2], strategy: readFileSync(file, 'utf8') });
  }
  for (const m of mdx.matchAll(/\sscenarios?="([^"]+)"/g)) {
    for (const ref of m[1].split(',').map((s) => s.trim()).filter(Boolean)) {
      const spec = resolveScenario(ref).spec;
      const file = spec?.strategyFile ? join(root, spec.strategyFile) : '';
      out.push({ ref, strategy: file && existsSync(file) ? readFileSync(file, 'utf8') : '' });
    }
  }
  return out;
}

/** the text of the chapter's "What the model leaves out" section, or null */
function leavesOut(mdx: string): string | null {
  const m = /^(#{2,3}) What the model leaves out\s*$/m.exec(mdx);
  if (!m) return null;
  const rest = mdx.slice(m.index + m[0].length);
  const next = new RegExp(`^#{2,${m[1].length}} `, 'm').exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

describe('every chapter discloses the simplifications its scenarios reach', () => {
  it('simplification ids are unique', () => {
    expect(new Set(SIMPLIFICATIONS.map((s) => s.id)).size).toBe(SIMPLIFICATIONS.length);
  });
  for (const file of readdirSync(chapters).filter((f) => f.endsWith('.mdx'))) {
    const chapter = file.replace(/\.mdx$/, '');
    it(chapter, () => {
      const mdx = readFileSync(join(chapters, file), 'utf8');
      const needed = new Set<string>();
      for (const { ref, strategy } of runs(mdx, chapter)) {
        const { kernel, names } = reached(ref, strategy);
        for (const s of SIMPLIFICATIONS) {
          if (s.kernels && !s.kernels.includes(kernel)) continue;
          if (s.functions.some((f) => names.has(f))) needed.add(s.id);
        }
      }
      if (!needed.size) return;
      const section = leavesOut(mdx);
      expect(section, `${chapter} has no "What the model leaves out" section (it needs: ${[...needed].join(', ')})`).not.toBeNull();
      const lines = section!.split('\n');
      for (const id of needed) {
        const line = lines.find((l) => l.includes(`{/* model: ${id} */}`));
        expect(line, `${chapter}: "What the model leaves out" has no line for ${id}`).toBeDefined();
        expect(line!.replace(/\{\/\*.*?\*\/\}/g, '').trim().length, `${chapter}: the line for ${id} says nothing`).toBeGreaterThan(20);
      }
    });
  }
});
