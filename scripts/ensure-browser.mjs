// Run by `npm test` before the end-to-end tests: when no Chromium is found (chromium.mjs), get one.
// First Playwright's installer (where its download can be reached), then, as root on Debian or
// Ubuntu, apt's chromium; when neither works, print how to get one by hand and fail.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { INSTALL_HELP, locateChromium } from './chromium.mjs';

/** run a command with its output shown; whether it succeeded */
function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit' });
  return r.status === 0;
}

if (locateChromium() !== null) process.exit(0);
console.log('No Chromium found: installing one for the end-to-end tests.');
if (run('npx', ['playwright', 'install', 'chromium']) && locateChromium() !== null) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (root && existsSync('/etc/debian_version')) {
  if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium']) && locateChromium() !== null) process.exit(0);
}
console.error(INSTALL_HELP);
process.exit(1);
