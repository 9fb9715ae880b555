// End-to-end tests drive the production build (`astro build`, then `astro preview`) in Chromium.
// The browser is found in this order: $FAULTLINES_CHROMIUM or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
// /usr/bin/chromium (Debian), then Playwright's own download. With none, the run stops and says how
// to get one.
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

const port = Number(process.env.FAULTLINES_E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'e2e',
  // *.e2e.ts, not *.spec.ts: vitest picks up every *.spec.ts and *.test.ts in the tree
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: findChromium(),
      args: chromiumArgs,
    },
  },
  webServer: {
    // the build happens before Playwright starts (npm run test:e2e), so the server only serves dist/
    command: `npx astro preview --port ${port} --host localhost`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
