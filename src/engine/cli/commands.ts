// The command table of the CLI. A subcommand is a function of its arguments returning the exit
// status; add one by writing it in its own file and listing it here.
import { checkCommand } from './check.js';
import { exerciseCommand } from './exercise.js';
import type { Io } from './io.js';
import { listCommand } from './list.js';
import { litmusCommand } from './litmus.js';

export interface Command {
  summary: string;
  run(args: string[], io?: Io): number | Promise<number>;
}

export const commands = new Map<string, Command>([
  ['list', { summary: 'list the scenarios', run: listCommand }],
  ['check', { summary: 'check <id|file> [--strategy f.c] [--model m] [--param k=v] [--json]: explore every interleaving', run: checkCommand }],
  ['litmus', { summary: 'litmus <file.litmus> [--model sc|tso|weak] [--json]: final states of a kernel litmus test (default model weak)', run: litmusCommand }],
  ['exercise', { summary: 'exercise <id> --solution f.c [--json]: grade a solution (no id: list exercises)', run: exerciseCommand }],
]);
