// The `exercises` content collection: src/content/exercises/<id>.yaml, validated by the same
// function the Node loader uses (src/engine/grade/exercise.ts), so Astro and the CLI can never
// disagree about what an exercise says.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { validateExercise, type ExerciseMeta } from '../../engine/grade';

const schema = z.unknown().transform((raw, ctx): ExerciseMeta => {
  const v = validateExercise(raw);
  if (v.ok) return v.value;
  for (const message of v.errors) ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});

export const exercisesCollection = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './src/content/exercises' }),
  schema,
});
