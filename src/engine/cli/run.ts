// The command line as a function: arguments in, exit status out, text through an Io. Dispatches
// to the command table, answers --help and --version, and turns the user's mistakes (UsageError)
// into one line and a pointer to --help. Process concerns (closed pipes, exit) live in main.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './args.js';
import { commands } from './commands.js';
import { REPO_ROOT } from './inputs.js';
import { stdio, type Io } from './io.js';

export function version(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function mainHelp(): string {
  const lines = [...commands].map(([n, c]) => `  ${n.padEnd(9)} ${c.summary}`);
  return `usage: faultlines <command> [arguments]

Faultlines' simulator from a terminal: check a page-cache or page-pinning strategy against a
scenario by exploring every interleaving of its tasks.

commands:
${lines.join('\n')}

  faultlines <command> --help    the command's arguments and options
  faultlines --version           the version

examples:
  faultlines list
  faultlines check 2007/mlock --trace thread
  faultlines check fix.c                    (fix.c begins: // scenario: 2007/same-page)
  faultlines check 2007/same-page --strategy - < fix.c
  faultlines check fix.c --watch
  faultlines new scenario mine/page-race

exit status: 0 ok; 1 the check found a deadlock, corruption, bug or livelock; 2 bad input or a
search stopped by its budget; 3 an internal error of faultlines; 141 the reader closed the pipe.
Colour on a terminal unless NO_COLOR is set.
`;
}

const wantsHelp = (args: string[]) => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

export async function run(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') { io.out(mainHelp()); return 0; }
  if (name === '--version' || name === '-V' || name === 'version') { io.out(`faultlines ${version()}\n`); return 0; }
  if (name === 'help') {
    const cmd = rest[0] === undefined ? undefined : commands.get(rest[0]);
    if (rest[0] !== undefined && !cmd) return unknown(io, rest[0]);
    io.out(cmd ? cmd.help : mainHelp());
    return 0;
  }
  const cmd = commands.get(name);
  if (!cmd) return unknown(io, name);
  if (wantsHelp(rest)) { io.out(cmd.help); return 0; }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`faultlines ${e.command}: ${e.message}\n(faultlines ${e.command} --help shows the usage)\n`);
    return 2;
  }
}

function unknown(io: Io, name: string): number {
  io.err(`faultlines: unknown command '${name}' (commands: ${[...commands.keys()].join(', ')}; faultlines --help)\n`);
  return 2;
}
