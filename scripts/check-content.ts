// Content check: every <Cell … /> placed in a chapter (src/content/docs/**/*.mdx) is run through the
// engine, exactly as the build does, and its verdict compared with the cell's `expect`. Exits 1
// with a list of every mismatch or malformed cell. Exercises add their own checks beside this one;
// every page's commit ids must link to their commits where first named (check-citations.ts).
//   npm run check:content            all pages
//   npm run check:content -- primer  only files whose path contains "primer"
//   npm run check:content -- --strict  also fail on pending cells (placed in a chapter, code not written yet)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check, scenarioInfo } from '../src/engine/index';
import type { MemoryModel } from '../src/engine/api';
import { buildBudget } from '../src/components/cell/budget';
import { cellTags, type CellTag } from './cell-tags';
import { checkExercises } from './check-exercises';
import { placementProblems, type PlacementContext } from './check-placement';
import { citationProblems } from './check-citations';
import { loadExercises } from '../src/engine/grade/node-loader';
import { checkLitmusCells } from './check-litmus-cells';

const root = new URL('..', import.meta.url).pathname;
const docs = join(root, 'src/content/docs');
const strict = process.argv.includes('--strict');
const filter = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';

class Pending {
  constructor(readonly message: string) {}
}

function mdxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
  );
}


function checkTag(tag: CellTag): string | Pending | null {
  const where = `${relative(root, tag.file)}:${tag.line} cell "${tag.attrs.id ?? '?'}"`;
  if (tag.problems.length) return `${where}: ${tag.problems.join('; ')}`;
  const { id, chapter, scenario, expect } = tag.attrs;
  const codeFile = join(root, 'src/content/cells', chapter, `${id}.c`);
  if (!existsSync(codeFile)) return new Pending(`${where}: no code file ${relative(root, codeFile)} yet`);
  if (!scenarioInfo(scenario)) return new Pending(`${where}: scenario ${scenario} is not registered yet`);
  let params: Record<string, number | boolean> = {};
  if (tag.attrs.params) {
    try {
      params = JSON.parse(tag.attrs.params);
    } catch {
      return `${where}: params is not JSON`;
    }
  }
  const models = (tag.attrs.models ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const model = (tag.attrs.model ?? models[0]) as MemoryModel | undefined;
  const result = check({ scenario, strategy: readFileSync(codeFile, 'utf8'), model, params, budget: buildBudget });
  if (result.outcome !== expect) return `${where}: expected ${expect}, the engine says ${result.outcome}: ${result.headline}`;
  return null;
}

/** Cell code, exercise bets and scenario models for the placement check, read from the repository. */
function placementContext(): PlacementContext {
  const { exercises } = loadExercises();
  const modelOf = (scenario: string): string => scenarioInfo(scenario)?.model ?? 'sc';
  return {
    cellCode(chapter, id) {
      const file = join(root, 'src/content/cells', chapter, `${id}.c`);
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    },
    bet(id) {
      const ex = exercises.find((e) => e.id === id);
      const run = ex?.bet ? ex.runs[ex.bet.run] : undefined;
      if (!ex?.bet || !run?.scenario) return null;
      return { id, code: ex.starter, scenario: run.scenario, model: ex.bet.model ?? run.models[0] ?? modelOf(run.scenario) };
    },
    defaultModel: modelOf,
  };
}

function main(): void {
  const files = mdxFiles(docs).filter((f) => f.includes(filter));
  const failures: string[] = [];
  const pending: string[] = [];
  let count = 0;
  const placement = placementContext();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    failures.push(...placementProblems(relative(root, file), text, placement));
    failures.push(...citationProblems(relative(root, file), text));
    const tags = cellTags(file, text);
    // a finished page opts in to strictness: {/* content-check: strict */} (the 2007 chapters)
    const pageStrict = strict || text.includes('content-check: strict');
    const seen = new Set<string>();
    for (const tag of tags) {
      count++;
      const id = tag.attrs.id;
      if (id && seen.has(id)) failures.push(`${relative(root, file)}:${tag.line}: cell id "${id}" used twice on one page`);
      if (id) seen.add(id);
      const started = performance.now();
      const failure = checkTag(tag);
      const ms = Math.round(performance.now() - started);
      if (failure instanceof Pending) (pageStrict ? failures : pending).push(failure.message);
      else if (failure) failures.push(failure);
      else console.log(`ok  ${relative(root, file)}:${tag.line} ${tag.attrs.id} → ${tag.attrs.expect} (${ms} ms)`);
    }
  }
  const exercises = checkExercises(filter);
  failures.push(...exercises.failures.map((f) => `exercise ${f}`));
  const litmus = checkLitmusCells(files);
  failures.push(...litmus.failures);
  if (pending.length) {
    console.warn(`\n${pending.length} cells are placed but not written yet (--strict fails on these):`);
    for (const p of pending) console.warn(`  … ${p}`);
  }
  if (failures.length) {
    console.error(`\n${failures.length} problems in the content check (${count} cells):`);
    for (const f of failures) console.error(`  ✗ ${f}`);
    process.exit(1);
  }
  console.log(`content check: ${count - pending.length} cells and ${litmus.count} litmus cells in ${files.length} pages agree with their expected verdicts`);
}

main();
