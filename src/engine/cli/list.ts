// `sim list [--json]`: the registered scenarios.
import { listScenarios } from '../index.js';
import { stdio, takeFlag, type Io } from './io.js';

export function listCommand(argv: string[], io: Io = stdio): number {
  const args = [...argv];
  const json = takeFlag(args, '--json');
  const all = listScenarios();
  if (json) io.out(JSON.stringify(all, null, 2) + '\n');
  else for (const s of all) io.out(`${s.id.padEnd(28)} ${s.model.padEnd(5)} ${s.title}\n`);
  return 0;
}
