// An exercise as data: what the reader is asked to make true, stated so the engine can grade it.
// The same shape is read by Astro's content collection (src/content.config.ts), by the Node
// loader (node-loader.ts: CLI and content checks) and by the page, so there is one validator
// here and both sides call it. Pure: no fs, no DOM.
import type { MemoryModel, Verdict } from '../api.js';

export const VERDICTS: readonly Verdict[] = ['ok', 'deadlock', 'corruption', 'bug', 'livelock'];
export const MODELS: readonly MemoryModel[] = ['sc', 'tso', 'weak'];
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/**
 * `strategy`: the reader writes strategy code, the runs name scenarios.
 * `scenario`: the reader writes a scenario, the runs name reference strategies it must tell apart.
 */
export type ExerciseKind = 'strategy' | 'scenario';

/** One engine run the goal requires, expanded once per memory model. */
export interface GoalRun {
  /** registered scenario id, or `file:<name>.scn` in the exercise folder; absent in a `scenario` exercise */
  scenario?: string;
  /** name of a reference strategy (key of `references`); absent in a `strategy` exercise */
  strategy?: string;
  models: MemoryModel[];
  params?: Record<string, number | boolean>;
  /** verdicts that pass; `ok` passes only when the search was exhaustive */
  expect: Verdict[];
  /** what the run stands for, in the reader's words ("two writers, each faulting on the other's page") */
  label?: string;
  /** state budget for this run, when the engine's default is not enough */
  maxStates?: number;
}

/**
 * A cost ceiling (or floor), read from the costs the engine counts on an uncontended run. A floor
 * says the work was really done: a write path that fails every write deadlocks nothing, but
 * copies nothing either.
 */
export interface CostCeiling {
  /** a key of the engine's `Costs` (`mmap_sem`, `bytesCopied`, `pagesAllocated`…) */
  counter: string;
  max?: number;
  min?: number;
  /** the run whose costs are read: defaults to the first goal run, under its first model */
  scenario?: string;
  strategy?: string;
  model?: MemoryModel;
  params?: Record<string, number | boolean>;
  /** the ceiling in words: "at most one page copy per page written on the uncontended path" */
  label: string;
}

/** "Place your bet": asked before the first Check; the answer is the engine's verdict, never stored here. */
export interface Bet {
  question: string;
  choices: Verdict[];
  /** which goal run's verdict answers the bet; default 0 */
  run: number;
  /** under which of that run's models; default its first */
  model?: MemoryModel;
}

/** A wrong-but-plausible answer kept for the tests: the grader must fail it, and on the named check. */
export interface WrongAnswer {
  file: string;
  why: string;
  /** a goal run (`scenario` or `strategy` name, optionally `@model`) or `cost:<counter>` it must fail */
  fails: string;
}

export interface ExerciseMeta {
  id: string;
  chapter: string;
  order: number;
  title: string;
  difficulty: Difficulty;
  kind: ExerciseKind;
  /** the goal stated plainly, one paragraph, inline `code` allowed */
  goal: string;
  runs: GoalRun[];
  costs: CostCeiling[];
  hints: string[];
  bet?: Bet;
  /** reference strategies by name: `cell:<chapter>/<cell-id>` or `file:<name>.c` in the exercise folder */
  references: Record<string, string>;
  /**
   * Functions of the prelude or the scenarios the reader is handed (`generic_file_buffered_write`):
   * when set, redefining any other function the prelude or a goal scenario defines fails the grade.
   * New helper functions are always allowed.
   */
  mayDefine?: string[];
  /** where the starter and the solution come from, when not `starter.<ext>`/`solution.<ext>`: a `cell:` or `file:` reference */
  starterFrom?: string;
  solutionFrom?: string;
  wrong: WrongAnswer[];
}

/** Metadata with its code files resolved: what the grader and the page need. */
export interface Exercise extends ExerciseMeta {
  starter: string;
  solution: string;
  /** resolved code of each reference strategy */
  referenceCode: Record<string, string>;
  /** text of each exercise-local scenario (`file:<name>.scn`), by its reference */
  scenarioCode: Record<string, string>;
  /** functions the reader's code may not define (filled by protect.ts from `mayDefine`) */
  forbidden: string[];
}

/** "at most 4", "at least 2", "between 2 and 4" */
export function costBound(c: { min?: number; max?: number }): string {
  if (c.min !== undefined && c.max !== undefined) return c.min === c.max ? `exactly ${c.min}` : `between ${c.min} and ${c.max}`;
  return c.max !== undefined ? `at most ${c.max}` : `at least ${c.min}`;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const ID = /^[a-z0-9][a-z0-9-]*$/;
const REF = /^(cell:[a-z0-9-]+\/[a-z0-9-]+|file:[\w-]+(\.[\w-]+)*)$/;

/** Checks raw parsed YAML and fills defaults. Every problem is listed, each with its field path. */
export function validateExercise(raw: unknown, id?: string): Validated<ExerciseMeta> {
  const errors: string[] = [];
  const r = new Reader(raw, errors);
  const meta = r.exercise(id);
  return errors.length ? { ok: false, errors } : { ok: true, value: meta };
}

type Obj = Record<string, unknown>;

class Reader {
  constructor(
    private raw: unknown,
    private errors: string[],
  ) {}

  private fail(path: string, msg: string): void {
    this.errors.push(`${path}: ${msg}`);
  }

  private obj(v: unknown, path: string): Obj {
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
    this.fail(path, 'expected a mapping');
    return {};
  }

  private str(o: Obj, key: string, path: string, optional = false): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    this.fail(`${path}${key}`, 'expected a non-empty string');
    return '';
  }

  private num(o: Obj, key: string, path: string, optional = false): number | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.fail(`${path}${key}`, 'expected a number');
    return 0;
  }

  private list(o: Obj, key: string, path: string, optional = true): unknown[] {
    const v = o[key];
    if (v === undefined && optional) return [];
    if (Array.isArray(v)) return v;
    this.fail(`${path}${key}`, 'expected a list');
    return [];
  }

  private oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.fail(path, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
    return allowed[0];
  }

  /** a single value or a list of values, each one of `allowed` */
  private someOf<T extends string>(v: unknown, allowed: readonly T[], path: string, dflt: T[]): T[] {
    if (v === undefined) return dflt;
    const items = Array.isArray(v) ? v : [v];
    if (items.length === 0) this.fail(path, 'expected at least one value');
    return items.map((x, i) => this.oneOf(x, allowed, `${path}[${i}]`));
  }

  private params(v: unknown, path: string): Record<string, number | boolean> | undefined {
    if (v === undefined) return undefined;
    const o = this.obj(v, path);
    for (const [k, x] of Object.entries(o)) {
      if (typeof x !== 'number' && typeof x !== 'boolean') this.fail(`${path}.${k}`, 'expected a number or boolean');
    }
    return o as Record<string, number | boolean>;
  }

  exercise(fileId?: string): ExerciseMeta {
    const o = this.obj(this.raw, '(exercise)');
    const id = this.str(o, 'id', '', !!fileId) ?? fileId ?? '';
    if (!ID.test(id)) this.fail('id', `"${id}" must be lower case letters, digits and dashes`);
    if (fileId && id !== fileId) this.fail('id', `"${id}" differs from its file name "${fileId}"`);
    const kind = o.kind === undefined ? 'strategy' : this.oneOf(o.kind, ['strategy', 'scenario'] as const, 'kind');
    const references: Record<string, string> = {};
    for (const [name, ref] of Object.entries(this.obj(o.references ?? {}, 'references'))) {
      if (this.ref(ref, `references.${name}`)) references[name] = ref as string;
    }
    const runs = this.list(o, 'runs', '', false).map((v, i) => this.run(v, `runs[${i}]`, kind, references));
    if (runs.length === 0) this.fail('runs', 'a goal needs at least one run');
    const costs = this.list(o, 'costs', '').map((v, i) => this.cost(v, `costs[${i}]`, kind, references));
    const hints = this.list(o, 'hints', '').map((h, i) => {
      if (typeof h !== 'string' || !h.trim()) this.fail(`hints[${i}]`, 'expected a non-empty string');
      return String(h).trim();
    });
    const meta: ExerciseMeta = {
      id,
      chapter: this.str(o, 'chapter', '') ?? '',
      order: this.num(o, 'order', '') ?? 0,
      title: this.str(o, 'title', '') ?? '',
      difficulty: this.oneOf(o.difficulty, DIFFICULTIES, 'difficulty'),
      kind,
      goal: this.str(o, 'goal', '') ?? '',
      runs,
      costs,
      hints,
      references,
      wrong: this.list(o, 'wrong', '').map((v, i) => this.wrong(v, `wrong[${i}]`)),
    };
    if (o.bet !== undefined) meta.bet = this.bet(o.bet, runs.length);
    const betRun = meta.bet ? runs[meta.bet.run] : undefined;
    if (betRun && meta.bet?.model && !betRun.models.includes(meta.bet.model)) this.fail('bet.model', `run ${meta.bet.run} does not run under ${meta.bet.model}`);
    if (o.mayDefine !== undefined) {
      meta.mayDefine = this.list(o, 'mayDefine', '').map((n, i) => {
        if (typeof n !== 'string' || !/^[A-Za-z_]\w*$/.test(n)) this.fail(`mayDefine[${i}]`, 'expected a function name');
        return String(n);
      });
    }
    if (o.starter !== undefined && this.ref(o.starter, 'starter')) meta.starterFrom = o.starter as string;
    if (o.solution !== undefined && this.ref(o.solution, 'solution')) meta.solutionFrom = o.solution as string;
    return meta;
  }

  private ref(v: unknown, path: string): boolean {
    if (typeof v === 'string' && REF.test(v)) return true;
    this.fail(path, 'expected "cell:<chapter>/<cell-id>" or "file:<name>"');
    return false;
  }

  private target(o: Obj, path: string, kind: ExerciseKind, refs: Record<string, string>) {
    const scenario = this.str(o, 'scenario', path, true);
    const strategy = this.str(o, 'strategy', path, true);
    if (kind === 'strategy' && strategy !== undefined) this.fail(`${path}strategy`, 'a strategy exercise grades the reader\'s strategy');
    if (kind === 'strategy' && scenario === undefined) this.fail(`${path}scenario`, 'required in a strategy exercise');
    if (kind === 'scenario' && scenario !== undefined) this.fail(`${path}scenario`, 'a scenario exercise grades the reader\'s scenario');
    if (kind === 'scenario' && strategy === undefined) this.fail(`${path}strategy`, 'required in a scenario exercise');
    if (strategy !== undefined && !(strategy in refs)) this.fail(`${path}strategy`, `"${strategy}" is not in references`);
    return { scenario, strategy };
  }

  private run(v: unknown, path: string, kind: ExerciseKind, refs: Record<string, string>): GoalRun {
    const o = this.obj(v, path);
    const run: GoalRun = {
      ...this.target(o, `${path}.`, kind, refs),
      models: this.someOf(o.models ?? o.model, MODELS, `${path}.models`, ['sc']),
      expect: this.someOf(o.expect, VERDICTS, `${path}.expect`, ['ok']),
    };
    const params = this.params(o.params, `${path}.params`);
    if (params) run.params = params;
    const label = this.str(o, 'label', `${path}.`, true);
    if (label) run.label = label;
    const maxStates = this.num(o, 'maxStates', `${path}.`, true);
    if (maxStates !== undefined) run.maxStates = maxStates;
    return stripUndefined(run);
  }

  private cost(v: unknown, path: string, kind: ExerciseKind, refs: Record<string, string>): CostCeiling {
    const o = this.obj(v, path);
    const c: CostCeiling = {
      counter: this.str(o, 'counter', `${path}.`) ?? '',
      max: this.num(o, 'max', `${path}.`, true),
      min: this.num(o, 'min', `${path}.`, true),
      label: this.str(o, 'label', `${path}.`) ?? '',
    };
    if (c.max === undefined && c.min === undefined) this.fail(`${path}`, 'a cost needs max, min or both');
    if (o.scenario !== undefined || o.strategy !== undefined) Object.assign(c, this.target(o, `${path}.`, kind, refs));
    if (o.model !== undefined) c.model = this.oneOf(o.model, MODELS, `${path}.model`);
    const params = this.params(o.params, `${path}.params`);
    if (params) c.params = params;
    return stripUndefined(c);
  }

  private bet(v: unknown, runCount: number): Bet {
    const o = this.obj(v, 'bet');
    const run = this.num(o, 'run', 'bet.', true) ?? 0;
    if (!Number.isInteger(run) || run < 0 || run >= runCount) this.fail('bet.run', `no goal run ${run}`);
    const bet: Bet = {
      question: this.str(o, 'question', 'bet.') ?? '',
      choices: this.someOf(o.choices, VERDICTS, 'bet.choices', [...VERDICTS]),
      run,
    };
    if (o.model !== undefined) bet.model = this.oneOf(o.model, MODELS, 'bet.model');
    return bet;
  }

  private wrong(v: unknown, path: string): WrongAnswer {
    const o = this.obj(v, path);
    return {
      file: this.str(o, 'file', `${path}.`) ?? '',
      why: this.str(o, 'why', `${path}.`) ?? '',
      fails: this.str(o, 'fails', `${path}.`) ?? '',
    };
  }
}

function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
