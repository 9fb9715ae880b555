// Command-line arguments: each subcommand declares its options, and anything else is the user's
// error, reported as a UsageError (a message and the command whose --help to read), never a crash.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** an error in what the user typed: printed as one line and a pointer to --help; exit status 2 */
export class UsageError extends Error {
  constructor(message: string, readonly command: string) { super(message); }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** parse `argv` against the declared options; `--help` is always accepted */
export function parseCommandArgs(command: string, argv: string[], options: OptionSpec): Parsed {
  try {
    const r = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw e;
    throw new UsageError(plain((e as Error).message), command);
  }
}

/** Node's messages, shortened to the part that says what is wrong */
function plain(message: string): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missing = /^Option '(?:-\w, )?(--?[\w-]+)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `option '${missing[1]}' needs a value`;
  return message.replace(/\. To specify .*$/s, '');
}

/** the value of a string option, or undefined */
export function stringOption(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** one of the allowed words, or a UsageError naming them */
export function choice<T extends string>(p: Parsed, name: string, allowed: readonly T[], command: string): T | undefined {
  const v = stringOption(p, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not '${v}'`, command);
  return v as T;
}
