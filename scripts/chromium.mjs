// Which Chromium the tests and measurement scripts drive, and with which flags. Order:
// $FAULTLINES_CHROMIUM or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, /usr/bin/chromium (Debian), then
// Playwright's own download; with none, an error that says how to get one.
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

/** @returns {string | undefined} an executable path, or undefined for Playwright's own browser */
export function findChromium() {
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
  if (own && existsSync(own)) return undefined;
  throw new Error(
    'No Chromium found. Install one of:\n' +
      '  Debian/Ubuntu (as root):  apt-get update && apt-get install -y chromium\n' +
      "  Playwright's browser:     npx playwright install chromium\n" +
      'or point FAULTLINES_CHROMIUM at a Chromium binary. (.ci/run installs Debian chromium when it can.)',
  );
}
