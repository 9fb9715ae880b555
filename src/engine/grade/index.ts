// The grader's entry, for the pages and the CLI: the exercise format and its validator, joining
// an exercise's files, grading code against it, the audit the content checks run, and the names
// an exercise forbids. (node-loader.ts reads exercises from disk and is imported by Node code only.)
export {
  costBound, validateExercise, DIFFICULTIES, MODELS, VERDICTS,
  type Bet, type CostCeiling, type Difficulty, type Exercise, type ExerciseKind, type ExerciseMeta, type GoalRun, type Validated, type WrongAnswer,
} from './exercise.js';
export { assemble, codePaths, wrongPath, CODE_EXT } from './assemble.js';
export {
  failedIds, failsAs, grade, gradeAsync, judge, plan, GRADE_BUDGET,
  type CheckFn, type CostReport, type GradePlan, type GradeReport, type RuleReport, type RunReport,
} from './grade.js';
export { auditExercise, type Audit } from './audit.js';
export { forbiddenFunctions, withForbidden } from './protect.js';
