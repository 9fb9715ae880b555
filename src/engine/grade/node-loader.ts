// Loads exercises in Node from the same files Astro's `exercises` collection reads, with the
// same YAML parser Astro uses (js-yaml), so the CLI and the content checks need no Astro.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { assemble, wrongPath } from './assemble.js';
import { validateExercise, type Exercise } from './exercise.js';
import { withForbidden } from './protect.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const contentDir = (root = REPO_ROOT) => join(root, 'src/content');

function reader(root: string) {
  return (path: string): string | null => {
    const file = join(contentDir(root), path);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
}

export interface Loaded {
  exercises: Exercise[];
  /** problems, each naming its file: a bad field, a missing code file */
  errors: string[];
}

export function exerciseIds(root = REPO_ROOT): string[] {
  const dir = join(contentDir(root), 'exercises');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

export function loadExercise(id: string, root = REPO_ROOT): { exercise: Exercise | null; errors: string[] } {
  const read = reader(root);
  const text = read(`exercises/${id}.yaml`) ?? read(`exercises/${id}.yml`);
  if (text === null) return { exercise: null, errors: [`no exercise "${id}" (src/content/exercises/${id}.yaml)`] };
  let raw: unknown;
  try {
    raw = yaml.load(text);
  } catch (e) {
    return { exercise: null, errors: [`${id}.yaml: ${(e as Error).message}`] };
  }
  const v = validateExercise(raw, id);
  if (!v.ok) return { exercise: null, errors: v.errors.map((e) => `${id}.yaml: ${e}`) };
  const { exercise, errors } = assemble(v.value, read);
  return { exercise: withForbidden(exercise), errors };
}

/** Every exercise, sorted by chapter then order. */
export function loadExercises(root = REPO_ROOT): Loaded {
  const exercises: Exercise[] = [];
  const errors: string[] = [];
  for (const id of exerciseIds(root)) {
    const r = loadExercise(id, root);
    errors.push(...r.errors);
    if (r.exercise) exercises.push(r.exercise);
  }
  exercises.sort((a, b) => a.chapter.localeCompare(b.chapter) || a.order - b.order || a.id.localeCompare(b.id));
  return { exercises, errors };
}

/** A wrong answer's code (tests). */
export function readWrong(ex: Exercise, file: string, root = REPO_ROOT): string {
  return readFileSync(join(contentDir(root), wrongPath(ex, file)), 'utf8');
}
