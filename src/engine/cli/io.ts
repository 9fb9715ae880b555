// Where a command writes and reads: the process's streams by default, strings in tests.
import { readFileSync } from 'node:fs';
import { wantsColour } from './colour.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** all of standard input, for `-` arguments (absent: standard input cannot be read) */
  readStdin?: () => string;
  /** whether each stream wants colour (absent: none) */
  colour?: { out: boolean; err: boolean };
}

export const stdio: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readStdin: () => {
    // a terminal on standard input waits for typing: say so, and how to end it
    if (process.stdin.isTTY) process.stderr.write('faultlines: reading standard input (end with Ctrl-D)\n');
    return readFileSync(0, 'utf8');
  },
  colour: { out: wantsColour(process.stdout.isTTY, process.env), err: wantsColour(process.stderr.isTTY, process.env) },
};

/** the value after `--flag`, or undefined; and the arguments left over */
export function takeOption(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

export function takeFlag(args: string[], flag: string): boolean {
  const i = args.indexOf(flag);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}
