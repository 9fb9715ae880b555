// The command table of the CLI. A subcommand is a function of its arguments returning the exit
// status, with a one-line summary and its --help text; add one by writing it in its own file and
// listing it here. A UsageError thrown by a command is the user's mistake (run.ts prints it).
import { CHECK_HELP, checkCommand } from './check.js';
import { exerciseCommand } from './exercise.js';
import type { Io } from './io.js';
import { LIST_HELP, listCommand } from './list.js';
import { litmusCommand } from './litmus.js';
import { NEW_HELP, newCommand } from './new.js';

export interface Command {
  summary: string;
  help: string;
  run(args: string[], io?: Io): number | Promise<number>;
}

const LITMUS_HELP = `usage: faultlines litmus FILE.litmus [--model sc|tso|weak] [--json] [--scenario]

Run a litmus test in the Linux kernel memory model's C format on the engine: every reachable final
state, whether the exists clause can be satisfied, a witness trace, and Result: Always, Sometimes
or Never. Default model weak. --scenario also prints the scenario the test translates to.

exit status: 0 with an answer; 2 for an unreadable or unsupported test, or a search stopped by
its budget.
`;

const EXERCISE_HELP = `usage: faultlines exercise ID --solution FILE.c [--json]
       faultlines exercise             (list the exercises)

Grade a solution against an exercise's goal with the grader the site uses.

exit status: 0 passed; 1 failed; 2 bad input (unknown exercise, unreadable file, code that does
not compile).
`;

export const commands = new Map<string, Command>([
  ['list', { summary: 'list the registered scenarios', help: LIST_HELP, run: listCommand }],
  ['check', { summary: 'explore every interleaving of a scenario running a strategy', help: CHECK_HELP, run: checkCommand }],
  ['litmus', { summary: 'final states of a kernel litmus test (LKMM C format)', help: LITMUS_HELP, run: litmusCommand }],
  ['exercise', { summary: 'grade a solution to an exercise (no id: list them)', help: EXERCISE_HELP, run: exerciseCommand }],
  ['new', { summary: 'write a commented scenario file to start from: new scenario NAME', help: NEW_HELP, run: newCommand }],
]);
