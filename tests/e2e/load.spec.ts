import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type pg from 'pg';
import { directSession, dossierHref, ownerClient } from './helpers';
import { proxyPort } from '../helpers/proxy';

/**
 * Issue 9 §6 and issue 14 §5 (ADR 0048): 50 concurrent users for 60 s across every page they can
 * open, through a round-robin reverse proxy in front of both app instances (tests/helpers/proxy.ts),
 * while three participants of a case conference vote live on different instances: no failed
 * request and no 5xx. Runs after the other specs (its own Playwright project).
 * The users are the demo users, each with sessions made in the database as a completed login
 * would make them (password and code were proven by the other specs).
 */
const USERS = 50;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.E2E_PORT ?? 3111);
const INSTANCES = [PORT, PORT + 1];
const PROXY = `http://127.0.0.1:${proxyPort(PORT)}`;
const BASES = [PROXY];
const LIVE = { timeout: 90_000 };

/** A browser on one instance (pinned through the proxy), signed in with a session made in the database. */
async function participant(
  browser: Browser,
  owner: pg.Client,
  email: string,
  instance: number,
  failures: string[],
): Promise<{ page: Page; streams: string[] }> {
  const { rows } = await owner.query<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE email = $1`, [
    email,
  ]);
  const { cookie } = await directSession(owner, rows[0]!);
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  const context = await browser.newContext({
    baseURL: PROXY,
    extraHTTPHeaders: { 'x-vhd-upstream': String(instance) },
  });
  await context.addCookies([{ name, value, url: PROXY }]);
  const page = await context.newPage();
  const streams: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 500) failures.push(`${res.status()} ${email} ${res.url()}`);
    if (/\/api\/v1\/dossiers\/[^/]+\/events$/.test(new URL(res.url()).pathname))
      streams.push(res.headers()['x-vhd-instance'] ?? '?');
  });
  // a request the browser itself cancels (a navigation ends the previous page's event stream) is no failure
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED')
      failures.push(`${req.failure()?.errorText} ${email} ${req.url()}`);
  });
  return { page, streams };
}

const card = (page: Page, marker: string) => page.getByRole('article').filter({ hasText: marker });

/**
 * Live voting across instances during the load: the police partner (instance 0) proposes and
 * votes, the justice-house participant (instance 1) votes; each sees the other's vote arrive
 * without reloading, and so does the case director observing on instance 0 (the justice house's
 * vote crosses from instance 1 to it through PostgreSQL and the event stream through the proxy).
 */
async function liveVoting(browser: Browser, failures: string[]) {
  const owner = await ownerClient();
  const politie = await participant(browser, owner, 'kernpartner.politie@vhd.test', 0, failures);
  const justitie = await participant(browser, owner, 'deelnemer.justitiehuis@vhd.test', 1, failures);
  const observer = await participant(browser, owner, 'casusregisseur.caw@vhd.test', 0, failures);
  await owner.end();
  const url = `${await dossierHref(politie.page, 'VH-ANT-2026-0002')}/casusoverleg`;
  for (const p of [politie, justitie, observer]) {
    await p.page.goto(url);
    await expect(p.page.locator('[data-live="verbonden"]')).toBeVisible(LIVE);
  }
  // each stream is served by the instance its browser is pinned to
  expect(politie.streams.at(-1)).toBe(String(INSTANCES[0]));
  expect(justitie.streams.at(-1)).toBe(String(INSTANCES[1]));
  expect(observer.streams.at(-1)).toBe(String(INSTANCES[0]));

  const marker = `Live stemmen over twee instanties ${Date.now().toString(36)}`;
  const form = politie.page.getByRole('form', { name: 'Nieuw voorstel tot delen' });
  await form.getByRole('radio', { name: /Met een lid van het cliëntsysteem/ }).check();
  const member = form.getByLabel('Met welk lid (bij delen met een lid)');
  await member.selectOption({
    label: (await member.locator('option').allTextContents()).find((t) => /^Amira Janssens/.test(t))!,
  });
  await form.getByRole('checkbox', { name: /Amira diende op 2 november/ }).check();
  const sharer = form.getByLabel('Wie deelt de informatie');
  await sharer.selectOption({
    label: (await sharer.locator('option').allTextContents()).find((t) => /Bram Kernpartner/.test(t))!,
  });
  await form.getByRole('radio', { name: /veiligheid van een of meer leden/ }).check();
  await form.getByLabel('Waarom is dit noodzakelijk?').fill(marker);
  await form.getByRole('button', { name: 'Voorstel indienen' }).click();
  // the proposal made on instance 0 appears on instance 1 without reloading
  for (const p of [politie, justitie, observer])
    await expect(card(p.page, marker)).toContainText('Stemming loopt', LIVE);

  await card(justitie.page, marker).getByRole('button', { name: 'Akkoord' }).click();
  await expect(card(justitie.page, marker).getByRole('button', { name: 'Akkoord' })).toHaveCount(0, LIVE);
  for (const p of [politie, observer])
    await expect(card(p.page, marker).getByText('Eva Deelnemer: akkoord')).toBeVisible(LIVE);
  await card(politie.page, marker).getByRole('button', { name: 'Akkoord' }).click();
  await expect(card(politie.page, marker).getByRole('button', { name: 'Akkoord' })).toHaveCount(0, LIVE);
  for (const p of [justitie, observer])
    await expect(card(p.page, marker).getByText('Bram Kernpartner: akkoord')).toBeVisible(LIVE);
  // every event stream a browser opened (the page may reconnect after its own action) stayed on its instance
  expect(new Set([...politie.streams, ...observer.streams])).toEqual(new Set([String(INSTANCES[0])]));
  expect(new Set(justitie.streams)).toEqual(new Set([String(INSTANCES[1])]));
  for (const p of [politie, justitie, observer]) await p.page.context().close();
}

/** The lines of level error or worse that the app instances logged (.data/e2e-logs, playwright.config.ts) since `since`. */
function serverErrorsSince(since: string): string[] {
  return INSTANCES.flatMap((port) => {
    const file = `.data/e2e-logs/${port}.log`;
    if (!fs.existsSync(file)) return [];
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => {
        try {
          const entry = JSON.parse(line) as { level?: number; time?: string };
          return (entry.level ?? 0) >= 50 && (entry.time ?? '') >= since;
        } catch {
          return false;
        }
      })
      .slice(0, 20)
      .map((line) => `${port}: ${line.slice(0, 600)}`);
  });
}

test('50 concurrent users for 60 s through a round-robin proxy over two instances, voting live across them: 0 failed requests, 0 5xx', async ({
  browser,
}) => {
  test.setTimeout((SECONDS + 240) * 1000);
  const owner = await ownerClient();
  const { rows: users } = await owner.query<{ id: string; name: string; email: string }>(
    `SELECT u.id, u.name, u.email FROM "User" u WHERE u.active AND EXISTS (SELECT 1 FROM "UserTotp" t WHERE t."userId" = u.id AND t."confirmedAt" IS NOT NULL) ORDER BY u.email`,
  );
  expect(users.length).toBeGreaterThan(10);
  const cookies: { email: string; cookie: string }[] = [];
  for (let i = 0; i < USERS; i++) {
    const u = users[i % users.length]!;
    cookies.push({ email: u.email, cookie: (await directSession(owner, u)).cookie });
  }
  await owner.end();

  // every page a user can reach from their home page and from their first dossier
  const pagesOf = new Map<string, string[]>();
  for (const { email, cookie } of cookies) {
    if (pagesOf.has(email)) continue;
    const links = async (path: string) => {
      const res = await fetch(`${BASES[0]}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, `${email} ${path}`).toBe(200);
      const html = await res.text();
      return [...html.matchAll(/href="(\/[a-z][^"#?]*)"/g)]
        .map((m) => m[1]!)
        .filter((p) => !p.startsWith('/api/') && !p.startsWith('/_next'));
    };
    // the start page is Mijn werk; the dossier list (for roles with client work) is /dossiers
    const home = await links('/');
    const list = home.includes('/dossiers') ? await links('/dossiers') : [];
    const dossier = [...home, ...list].find((p) => /^\/dossiers\/[0-9a-f-]{36}$/.test(p));
    const more = dossier ? await links(dossier) : [];
    pagesOf.set(email, [...new Set(['/', ...home, ...more, '/account', '/api/v1/sessie'])]);
  }

  const loadStarted = new Date().toISOString();
  const statuses = new Map<number, number>();
  const served = new Map<string, number>();
  const failures: string[] = [];
  let requests = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all([
    liveVoting(browser, failures),
    ...cookies.map(async ({ email, cookie }, i) => {
      const pages = pagesOf.get(email)!;
      for (let n = i; Date.now() < until; n++) {
        const path = pages[n % pages.length]!;
        const base = BASES[n % BASES.length]!;
        let instance = '?';
        try {
          const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
          await res.arrayBuffer();
          instance = res.headers.get('x-vhd-instance') ?? '?';
          served.set(instance, (served.get(instance) ?? 0) + 1);
          requests += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) failures.push(`${res.status} ${email} ${path} (instance ${instance})`);
        } catch (e) {
          failures.push(`${(e as Error).message} ${email} ${path}`);
        }
      }
    }),
  ]);
  const summary = `${requests} requests in ${SECONDS} s by ${USERS} users (${[...pagesOf.values()].reduce((a, p) => a + p.length, 0)} pages) through the proxy; statuses ${JSON.stringify(Object.fromEntries(statuses))}; served by ${JSON.stringify(Object.fromEntries(served))}`;
  console.log(`[load] ${summary}`);
  // a failure names its cause: the error lines the instances logged during the load (JSON, no
  // personal data: lib/ops/process-output.ts)
  const errors = failures.length > 0 ? serverErrorsSince(loadStarted) : [];
  expect(failures, `${summary}${errors.length ? `\nserver errors:\n${errors.join('\n')}` : ''}`).toEqual([]);
  expect(requests).toBeGreaterThan(USERS);
  // round robin: both instances carried a fair share (the proxy alternates per request)
  for (const p of INSTANCES) expect(served.get(String(p)) ?? 0, summary).toBeGreaterThan(requests / 4);
});
