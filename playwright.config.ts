import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in a real Chromium against `next start`. Run through `npm test` or
 * `npm run test:e2e` (scripts/e2e.ts prepares the database and the environment).
 * Debian's /usr/bin/chromium is used where present (CI); elsewhere Playwright's own browser.
 */
const port = Number(process.env.E2E_PORT ?? 3111);
/** A second instance on the same database: live updates must cross instances. */
export const secondPort = port + 1;
const debianChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // generous, for a busy 2-core machine: a slow run must not fail where a fast one passes
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    trace: 'retain-on-failure',
    launchOptions: fs.existsSync(debianChromium)
      ? {
          executablePath: debianChromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        }
      : {},
  },
  projects: [
    { name: 'main', testIgnore: /load\.spec\.ts$/ },
    // the load test runs alone, after the others (issue 9 §6)
    { name: 'load', testMatch: /load\.spec\.ts$/, dependencies: ['main'] },
  ],
  webServer: [port, secondPort].map((p) => ({
    command: `npx next start -p ${p} -H 127.0.0.1`,
    url: `http://127.0.0.1:${p}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
