// The simulator from a terminal: `npx faultlines <command> …` (bin/faultlines.mjs) or
// `npm run --silent sim -- <command> …`. Process concerns only: exit status, a reader that closes
// the pipe early, and errors that are not the user's.
import { run } from './run.js';

/** the status of a process the shell saw die of SIGPIPE (128 + 13), as `yes | head -1` leaves */
const CLOSED_PIPE = 141;

// `faultlines list | head -1`: the reader is gone, so stop writing and leave without a word
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(CLOSED_PIPE);
    throw e;
  });
}

run(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    // not the user's error: one line, the stack only on request
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`faultlines: internal error: ${message}\n`);
    if (process.env.FAULTLINES_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    else process.stderr.write('(a bug in faultlines; FAULTLINES_DEBUG=1 prints the stack)\n');
    process.exitCode = 3;
  },
);
