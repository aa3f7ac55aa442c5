import fs from 'node:fs';
import { defineConfig } from '@playwright/test';
import * as oidc from './tests/helpers/oidc';
import { proxyPort } from './tests/helpers/proxy';

/**
 * End-to-end tests in a real Chromium against the production server (scripts/server.ts). Run through `npm test` or
 * `npm run test:e2e` (scripts/e2e.ts prepares the database and the environment).
 * Debian's /usr/bin/chromium is used where present (CI); elsewhere Playwright's own browser.
 */
const port = Number(process.env.E2E_PORT ?? 3111);
/** A second instance on the same database: live updates must cross instances. */
export const secondPort = port + 1;
const debianChromium = '/usr/bin/chromium';
/**
 * Issue 14 §3 (ADR 0046): the app servers run our own server (scripts/server.ts: request ids,
 * JSON access lines) and write their JSON logs (stdout and stderr: every line is JSON) to
 * .data/e2e-logs/<port>.log, which
 * `npm test` checks afterwards for demo personal data (scripts/check-e2e-logs.ts).
 */
const e2eLogDir = '.data/e2e-logs';
fs.mkdirSync(e2eLogDir, { recursive: true });
const appServer = (p: number) =>
  `node --import tsx scripts/server.ts -p ${p} -H 127.0.0.1 >> ${e2eLogDir}/${p}.log 2>&1`;

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
  webServer: [
    ...[port, secondPort].map((p) => ({
      command: appServer(p),
      url: `http://127.0.0.1:${p}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    })),
    // issue 14 §5 (ADR 0048): a round-robin reverse proxy in front of both instances (load.spec.ts)
    {
      command: `npx tsx tests/helpers/proxy.ts ${proxyPort(port)} ${port} ${secondPort}`,
      url: `http://127.0.0.1:${proxyPort(port)}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
    // issue 14 §1 (ADR 0044): a real OpenID Connect provider, and an app instance of its own that
    // uses it (tests/e2e/oidc.spec.ts), so the other specs' login page stays as it is
    {
      command: `npx tsx tests/helpers/oidc-provider-server.ts ${oidc.oidcPorts(port).provider} http://127.0.0.1:${oidc.oidcPorts(port).app}`,
      url: `${oidc.oidcIssuer(port)}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
    {
      command: appServer(oidc.oidcPorts(port).app),
      url: `http://127.0.0.1:${oidc.oidcPorts(port).app}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
      env: {
        ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >),
        NEXTAUTH_URL: `http://127.0.0.1:${oidc.oidcPorts(port).app}`,
        OIDC_ISSUER: oidc.oidcIssuer(port),
        OIDC_CLIENT_ID: oidc.OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET: oidc.OIDC_CLIENT_SECRET,
        OIDC_NAME: 'de test-IdP',
        OIDC_ACR_VALUES: oidc.ACR_SUBSTANTIAL,
        OIDC_MFA_ACR: oidc.ACR_SUBSTANTIAL,
      },
    },
  ],
});
