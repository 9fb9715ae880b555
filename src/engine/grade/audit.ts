// What the content checks and tests prove about an exercise, using the grader readers use:
// the starter fails its goal (and compiles: a starter that does not build teaches nothing), the
// solution passes it, and each wrong-but-plausible answer fails it, on the check it names.
import type { Exercise } from './exercise.js';
import { failedIds, failsAs, grade, type CheckFn } from './grade.js';

export interface Audit {
  exercise: string;
  /** one line per fact proved */
  passed: string[];
  /** one line per broken promise */
  failures: string[];
}

export function auditExercise(ex: Exercise, check: CheckFn, readWrong: (file: string) => string): Audit {
  const audit: Audit = { exercise: ex.id, passed: [], failures: [] };
  const say = (ok: boolean, text: string) => (ok ? audit.passed : audit.failures).push(`${ex.id}: ${text}`);

  const starter = grade(ex, ex.starter, check);
  say(starter.status === 'failed', `starter ${starter.status === 'failed' ? 'fails' : `must fail, but ${starter.status}`}: ${starter.summary}`);

  if (ex.bet) {
    const answer = starter.betAnswer;
    const fair = answer !== null && (ex.bet.choices as string[]).includes(answer);
    say(fair, `the bet ${fair ? 'is answered' : 'cannot be won: the answer is not among its choices'} (${answer} on the starter)`);
  }

  const solution = grade(ex, ex.solution, check);
  say(solution.passed, `solution ${solution.passed ? 'passes' : 'must pass, but'}: ${solution.summary}`);

  for (const w of ex.wrong) {
    let code: string;
    try {
      code = readWrong(w.file);
    } catch {
      say(false, `wrong answer ${w.file}: file missing`);
      continue;
    }
    const r = grade(ex, code, check);
    const caught = r.status === 'failed' && failsAs(r, w.fails);
    const got = r.status === 'failed' ? `failed ${failedIds(r).join(', ')}` : r.status === 'passed' ? 'passed' : `did not compile: ${r.summary}`;
    say(caught, `wrong answer ${w.file} (${w.why}) ${caught ? 'caught' : `must fail ${w.fails}, but`}: ${got}`);
  }
  return audit;
}
