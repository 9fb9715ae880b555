// Every exercise, graded by the real engine: the starter fails its goal, the solution passes,
// and each wrong-but-plausible answer is caught on the check its YAML names (one that passes
// one scenario but deadlocks another, one that is correct but breaks the cost ceiling…).
import { describe, expect, it } from 'vitest';
import { check } from '../index.js';
import { auditExercise } from './audit.js';
import { loadExercises, readWrong } from './node-loader.js';

const { exercises, errors } = loadExercises();

describe('the exercises', () => {
  it('load and validate', () => {
    expect(errors).toEqual([]);
    expect(exercises.length).toBeGreaterThan(0);
  });

  it('include at least four per chapter, in a strict order', () => {
    for (const chapter of ['2007-pagecache-write-deadlocks', '2019-gup-pinning']) {
      const orders = exercises.filter((e) => e.chapter === chapter).map((e) => e.order);
      expect(orders.length, chapter).toBeGreaterThanOrEqual(4);
      expect(new Set(orders).size, `${chapter}: duplicate order`).toBe(orders.length);
    }
  });

  it('each keep at least two wrong answers for the tests', () => {
    for (const ex of exercises) expect(ex.wrong.length, ex.id).toBeGreaterThanOrEqual(2);
  });
});

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, ex) => {
  it('starter fails, solution passes, every wrong answer is caught where its YAML says', () => {
    const audit = auditExercise(ex, check, (file) => readWrong(ex, file));
    expect(audit.failures).toEqual([]);
    expect(audit.passed.length).toBe(2 + ex.wrong.length + (ex.bet ? 1 : 0));
  }, 120_000); // a dozen exhaustive searches; the machine is shared
});
