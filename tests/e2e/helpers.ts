import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { totpCode as totpOf } from '../helpers/totp';
import { hashSessionToken, newSessionToken } from '../helpers/session-token';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../prisma/demo';

/** The demo users' current TOTP code, as their authenticator app shows it (README). */
export const totpCode = (secret = DEMO_TOTP_SECRET, at = Date.now()) => totpOf(secret, at);

/** Which 30-second step each user's last code belonged to: a code is accepted only once. */
const lastStep = new Map<string, number>();

/** This worker's live sessions per user (their cookies): a session may serve many tests. */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

/**
 * Logs in as a demo user: password, then the code from the app. A code is accepted only once
 * per user, so this worker reuses a session it already has for that user (unless `fresh`);
 * when it must log in again within the same 30-s step, it waits for the next code — and gives
 * the test that much more time, so no test depends on the clock.
 */
export async function login(page: Page, email: string, password = DEMO_PASSWORD, opts: { fresh?: boolean } = {}) {
  const cached = sessions.get(email);
  if (cached && !opts.fresh && password === DEMO_PASSWORD) {
    await page.context().addCookies(cached);
    await page.goto('/');
    if (!/\/login/.test(new URL(page.url()).pathname)) {
      await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
      return;
    }
    sessions.delete(email);
    await page.context().clearCookies();
  }
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Bevestig dat jij het bent' })).toBeVisible();
  for (let attempt = 0; ; attempt++) {
    // a fresh form on a retry: the previous "wrong code" must not be read as the new answer
    if (attempt > 0) await page.goto('/login/tweede-factor');
    let step = Math.floor(Date.now() / 30_000);
    if ((lastStep.get(email) ?? -1) >= step) {
      const wait = (step + 1) * 30_000 - Date.now() + 200;
      test.info().setTimeout(test.info().timeout + wait);
      await page.waitForTimeout(wait);
      step = Math.floor(Date.now() / 30_000);
    }
    lastStep.set(email, step);
    await page.getByLabel('Code uit je app of herstelcode').fill(totpCode(DEMO_TOTP_SECRET, step * 30_000 + 1_000));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    const refused = page.getByText('Deze code klopt niet.');
    const left = () => !new URL(page.url()).pathname.startsWith('/login');
    await expect.poll(async () => left() || (await refused.isVisible()), { timeout: 20_000 }).toBe(true);
    if (left()) {
      await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
      if (password === DEMO_PASSWORD) sessions.set(email, await page.context().cookies());
      return;
    }
    if (attempt >= 2) throw new Error(`login ${email}: code refused three times`);
  }
}

/** axe: no WCAG 2.1 A/AA violations on the current page. */
export async function expectAccessible(page: Page) {
  // After a server action the page's metadata is streamed again; wait until the title is back
  // (axe's document-title rule would otherwise race it). A page without a title still fails here.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** The href of a dossier's link in the list, as seen by whoever is logged in on `page`. */
export async function dossierHref(page: Page, reference: string): Promise<string> {
  await page.goto('/dossiers');
  const href = await page.getByRole('link', { name: reference }).getAttribute('href');
  expect(href).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
  return href!;
}

/** Runs `fn` as `email` in a fresh browser context (its own cookies), then closes it. */
export async function as(browser: Browser, email: string, fn: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  await fn(page);
  await context.close();
}

/** The owner's connection to the e2e database (scripts/e2e.ts sets E2E_OWNER_URL). */
export async function ownerClient(): Promise<pg.Client> {
  const owner = new pg.Client({ connectionString: process.env.E2E_OWNER_URL });
  await owner.connect();
  return owner;
}

/**
 * A completed session for a user, made in the database as a login with password and code would
 * make it, and the cookie that carries it — for tests that talk HTTP without a browser.
 */
export async function directSession(
  owner: pg.Client,
  user: { id: string; name: string },
): Promise<{ token: string; cookie: string }> {
  const token = newSessionToken();
  await owner.query(
    `INSERT INTO "AuthSession" ("userId", "tokenHash", "expiresAt", "idleMinutes", "secondFactorAt", "secondFactorMethod", "userAgent")
     VALUES ($1, $2, now() + interval '1 hour', 30, now(), 'TOTP', 'e2e http')`,
    [user.id, hashSessionToken(token)],
  );
  const jwt = await encode({
    token: { uid: user.id, name: user.name, sid: token },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: 3600,
  });
  return { token, cookie: `next-auth.session-token=${jwt}` };
}

/**
 * Completes the referral form the same way for the flows that submit one: member 1 (whose first
 * name the test fills) is the victim Yasmine Haddad, member 2 her son Sami (a minor); partner
 * violence, the risk screening (physical violence last month, "high"), the client system informed.
 * The test adds what it needs on top (e.g. a national number) and submits.
 */
export async function completeReferral(page: Page) {
  const member = (i: number) => page.getByRole('group', { name: `Lid ${i}` });
  await member(1).getByLabel('Rol in het cliëntsysteem').selectOption({ label: 'Slachtoffer' });
  await member(1).getByLabel('Achternaam').fill('Haddad');
  await member(1).getByLabel('Geboortedatum').fill('1990-03-14');
  await page.getByRole('button', { name: 'Lid toevoegen' }).click();
  await member(2).getByLabel('Rol in het cliëntsysteem').selectOption({ label: 'Kind' });
  await member(2).getByLabel('Voornaam').fill('Sami');
  await member(2).getByLabel('Achternaam').fill('Haddad');
  await member(2).getByLabel('Geboortedatum').fill('2017-06-02');
  await page.getByLabel('(Ex-)partnergeweld').check();
  await page.getByLabel('Fysiek').check();
  await page
    .getByLabel('Beschrijving van de situatie')
    .fill('Herhaald fysiek geweld door de ex-partner, ook in het bijzijn van het kind.');
  await page.getByLabel('Wat werd al ondernomen?').fill('Medische vaststellingen bij de huisarts.');
  for (const group of await page
    .getByRole('group')
    .filter({ has: page.getByRole('radio', { name: 'Onbekend' }) })
    .all()) {
    await group.getByRole('radio', { name: 'Onbekend' }).check();
  }
  await page
    .getByRole('group', { name: 'Was er de voorbije maand fysiek geweld?' })
    .getByRole('radio', { name: 'Ja', exact: true })
    .check();
  await page
    .getByRole('group', { name: 'Jouw inschatting van het risico (verplicht)' })
    .getByRole('radio', { name: 'Hoog', exact: true })
    .check();
  await page.getByLabel('Toelichting bij je inschatting').fill('Escalatie sinds de scheiding.');
  await page
    .getByRole('group', { name: 'Is het cliëntsysteem op de hoogte van deze aanmelding? (verplicht)' })
    .getByRole('radio', { name: 'Ja', exact: true })
    .check();
}
