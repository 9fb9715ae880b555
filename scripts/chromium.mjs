// Which Chromium the tests and measurement scripts drive, and with which flags. Order:
// $FAULTLINES_CHROMIUM or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, /usr/bin/chromium (Debian), then
// Playwright's own download; with none, an error that says how to get one (ensure-browser.mjs,
// run by `npm test`, first tries to install one).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** how to get a browser by hand, when none is found and none could be installed */
export const INSTALL_HELP =
  'No Chromium found. Install one of:\n' +
  '  Debian/Ubuntu (as root):  apt-get update && apt-get install -y chromium\n' +
  "  Playwright's browser:     npx playwright install chromium\n" +
  'or point FAULTLINES_CHROMIUM at a Chromium binary. (`npm test` tries the first two itself.)';

/**
 * @returns {string | undefined | null} an executable path, undefined for Playwright's own browser,
 * or null when there is none
 */
export function locateChromium() {
  const fromEnv = process.env.FAULTLINES_CHROMIUM || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`Browser ${fromEnv} (from the environment) does not exist.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let own;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  return own && existsSync(own) ? undefined : null;
}

/** @returns {string | undefined} an executable path, or undefined for Playwright's own browser */
export function findChromium() {
  const found = locateChromium();
  if (found === null) throw new Error(INSTALL_HELP);
  return found;
}
