// The simulator from a terminal: `npm run --silent sim -- <command> ...`.
import { commands } from './commands.js';
import { stdio } from './io.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? commands.get(name) : undefined;
  if (!cmd) {
    const lines = [...commands].map(([n, c]) => `  ${n.padEnd(9)} ${c.summary}`);
    (name ? stdio.err : stdio.out)(`${name ? `unknown command '${name}'\n` : ''}usage: sim <command> ...\n${lines.join('\n')}\n`);
    return name ? 2 : 0;
  }
  return cmd.run(rest, stdio);
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { console.error(e); process.exitCode = 2; });
