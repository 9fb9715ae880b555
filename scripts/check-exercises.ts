// The exercises' part of `npm run check:content` (called by scripts/check-content.ts): every
// exercise loads and validates, its starter fails its goal, its solution passes, each wrong
// answer kept for the tests is caught on the check it names, and every <Exercise id="…" /> placed
// in a chapter names an exercise that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from '../src/engine/index';
import { auditExercise } from '../src/engine/grade/index';
import { loadExercises, readWrong, REPO_ROOT } from '../src/engine/grade/node-loader';

function mdxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
  );
}

/** `<Exercise id="…" />` tags in the chapters, each with the file and line it sits on. */
export function exerciseTags(root = REPO_ROOT): { file: string; line: number; id: string | null }[] {
  return mdxFiles(join(root, 'src/content/docs')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/<Exercise\b([^>]*?)\/>/gs)].map((m) => ({
      file: relative(root, file),
      line: text.slice(0, m.index).split('\n').length,
      id: /\bid\s*=\s*["']([^"']+)["']/.exec(m[1])?.[1] ?? null,
    }));
  });
}

/** Runs every exercise check; prints what it proved, returns the failures. */
export function checkExercises(filter = ''): { count: number; failures: string[] } {
  const { exercises, errors } = loadExercises();
  const failures = [...errors];
  const ids = new Set(exercises.map((e) => e.id));
  const tags = exerciseTags();
  for (const tag of tags) {
    if (tag.id === null) failures.push(`${tag.file}:${tag.line}: <Exercise> needs id="…" as a plain string`);
    else if (!ids.has(tag.id)) failures.push(`${tag.file}:${tag.line}: no exercise "${tag.id}"`);
  }
  // each exercise is placed where it belongs: in its own chapter's page
  for (const ex of exercises) {
    const page = `src/content/docs/chapters/${ex.chapter}.mdx`;
    if (!tags.some((t) => t.id === ex.id && t.file === page)) failures.push(`${ex.id}: not placed in its chapter (<Exercise id="${ex.id}" /> in ${page})`);
  }
  let count = 0;
  for (const ex of exercises.filter((e) => e.id.includes(filter) || e.chapter.includes(filter))) {
    count++;
    const started = performance.now();
    const audit = auditExercise(ex, check, (file) => readWrong(ex, file));
    const ms = Math.round(performance.now() - started);
    for (const line of audit.passed) console.log(`ok  exercise ${line}`);
    console.log(`    exercise ${ex.id}: ${ms} ms`);
    failures.push(...audit.failures);
  }
  return { count, failures };
}

// Run on its own: `npx tsx scripts/check-exercises.ts [filter]`
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { count, failures } = checkExercises(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '');
  for (const f of failures) console.error(`  ✗ ${f}`);
  console.log(`exercise check: ${count} exercises, ${failures.length} failures`);
  process.exit(failures.length ? 1 : 0);
}
