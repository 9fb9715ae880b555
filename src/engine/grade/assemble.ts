// Joining an exercise's metadata with its code files. Where the files come from differs (fs in
// Node, `import.meta.glob` in the page), so both sides hand this function a `read` callback
// with the layout below and get the same Exercise back.
//
//   src/content/exercises/<id>.yaml            metadata (exercise.ts)
//   src/content/exercises/<id>/starter.<ext>   what the reader starts from   (or `starter: cell:…` in the YAML)
//   src/content/exercises/<id>/solution.<ext>  a solution that passes       (or `solution: cell:…`)
//   src/content/exercises/<id>/<name>.c        reference strategies named `file:<name>.c`
//   src/content/exercises/<id>/<name>.scn      scenarios of the exercise's own, named `file:<name>.scn`
//   src/content/exercises/<id>/wrong/<file>    wrong-but-plausible answers (tests only; or `cell:…`)
//   src/content/cells/<chapter>/<cell>.c       reference strategies named `cell:<chapter>/<cell>`
import type { Exercise, ExerciseKind, ExerciseMeta } from './exercise.js';

/** Reader code is a strategy in C, or a scenario file. */
export const CODE_EXT: Record<ExerciseKind, string> = { strategy: 'c', scenario: 'scn' };

/** Paths relative to src/content/. */
export function codePaths(meta: ExerciseMeta): { starter: string; solution: string; references: Record<string, string> } {
  const dir = `exercises/${meta.id}`;
  const ext = CODE_EXT[meta.kind];
  const resolve = (ref: string) => (ref.startsWith('cell:') ? `cells/${ref.slice(5)}.c` : `${dir}/${ref.slice(5)}`);
  const references: Record<string, string> = {};
  for (const [name, ref] of Object.entries(meta.references)) references[name] = resolve(ref);
  return {
    starter: meta.starterFrom ? resolve(meta.starterFrom) : `${dir}/starter.${ext}`,
    solution: meta.solutionFrom ? resolve(meta.solutionFrom) : `${dir}/solution.${ext}`,
    references,
  };
}

/**
 * Path under src/content/ of a wrong answer: a file in `wrong/`, a chapter cell
 * (`cell:<chapter>/<id>`), or another exercise's file (`exercise:<id>/<file>`: one exercise's
 * solution is often a plausible wrong answer to a harder one).
 */
export function wrongPath(meta: ExerciseMeta, file: string): string {
  if (file.startsWith('cell:')) return `cells/${file.slice(5)}.c`;
  if (file.startsWith('exercise:')) return `exercises/${file.slice(9)}`;
  return `exercises/${meta.id}/wrong/${file}`;
}

/** `read` returns a file's text, or null when it does not exist. */
export function assemble(meta: ExerciseMeta, read: (path: string) => string | null): { exercise: Exercise; errors: string[] } {
  const paths = codePaths(meta);
  const errors: string[] = [];
  const need = (path: string): string => {
    const text = read(path);
    if (text === null) errors.push(`${meta.id}: missing src/content/${path}`);
    return text ?? '';
  };
  const referenceCode: Record<string, string> = {};
  for (const [name, path] of Object.entries(paths.references)) referenceCode[name] = need(path);
  const scenarioCode: Record<string, string> = {};
  for (const ref of [...meta.runs, ...meta.costs].map((r) => r.scenario)) {
    if (ref?.startsWith('file:')) scenarioCode[ref] = need(`exercises/${meta.id}/${ref.slice(5)}`);
  }
  // `forbidden` is filled where the engine's prelude can be read (protect.ts: Node and the build)
  const exercise: Exercise = { ...meta, starter: need(paths.starter), solution: need(paths.solution), referenceCode, scenarioCode, forbidden: [] };
  return { exercise, errors };
}
