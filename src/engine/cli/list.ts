// `faultlines list [--json]`: the registered scenarios.
import { listScenarios } from '../index.js';
import { parseCommandArgs, UsageError } from './args.js';
import { stdio, type Io } from './io.js';

export const LIST_HELP = `usage: faultlines list [--json]

The registered scenarios: id, memory model and title, one a line (--json: with their
descriptions and parameters). Any id can be given to faultlines check.
`;

export function listCommand(argv: string[], io: Io = stdio): number {
  const p = parseCommandArgs('list', argv, { json: { type: 'boolean' } });
  if (p.positionals.length) throw new UsageError(`unexpected '${p.positionals[0]}'`, 'list');
  const all = listScenarios();
  if (p.values.json === true) io.out(JSON.stringify(all, null, 2) + '\n');
  else for (const s of all) io.out(`${s.id.padEnd(28)} ${s.model.padEnd(5)} ${s.title}\n`);
  return 0;
}
