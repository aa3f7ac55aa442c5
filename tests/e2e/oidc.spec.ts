import { expect, test, type Page } from '@playwright/test';
import type pg from 'pg';
import { IDP_ACCOUNTS, oidcIssuer, oidcPorts } from '../helpers/oidc';
import { directSession, expectAccessible, ownerClient } from './helpers';

/**
 * Login through the government or organisation IdP, proven in Chromium against a real OpenID
 * Connect provider (issue 14 §1, ADR 0044; the provider is tests/helpers/oidc-provider-server.ts,
 * the app instance with OIDC runs on E2E_PORT + 2, see playwright.config.ts).
 */
const app = `http://127.0.0.1:${oidcPorts(Number(process.env.E2E_PORT ?? 3111)).app}`;
test.use({ baseURL: app });
test.describe.configure({ mode: 'serial' });

const lien = IDP_ACCOUNTS['lien.peeters']!;
const tom = IDP_ACCOUNTS['tom.onbekend']!;
let owner: pg.Client;
let userId: string;

const count = async (sql: string, params: unknown[]) =>
  Number((await owner.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) x`, params)).rows[0]!.n);
const audit = (action: string, outcome: string) =>
  count(`SELECT 1 FROM "AuditEvent" WHERE action = $1 AND outcome = $2`, [action, outcome]);

test.beforeAll(async () => {
  owner = await ownerClient();
  // an account the functional administrator made for Lien (a referrer at the GP practice)
  const { rows } = await owner.query<{ id: string }>(
    `INSERT INTO "User" (email, name, "organisationId")
     SELECT 'lien.peeters@vhd.test', 'Lien Peeters', "organisationId" FROM "User" WHERE email = 'aanmelder.huisarts@vhd.test'
     RETURNING id`,
  );
  userId = rows[0]!.id;
  await owner.query(`INSERT INTO "RoleAssignment" ("userId", role) VALUES ($1, 'REFERRER')`, [userId]);
});
test.afterAll(async () => {
  await owner?.end();
});

/** From the app's login page through the IdP's own login page, with the chosen means of login. */
async function loginAtIdp(page: Page, login: string, means: 'mfa' | 'pwd') {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Aanmelden via de test-IdP' }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden bij de test-IdP' })).toBeVisible();
  await page.getByLabel('Gebruikersnaam').fill(login);
  await page.getByLabel('Aanmeldmiddel').selectOption(means);
  await page.getByRole('button', { name: 'Inloggen bij de test-IdP' }).click();
}

/** The functional administrator's completed session in this page's browser context. */
async function signInAsAdministrator(page: Page) {
  const { rows } = await owner.query<{ id: string; name: string }>(
    `SELECT id, name FROM "User" WHERE email = 'beheerder@vhd.test'`,
  );
  const { cookie } = await directSession(owner, rows[0]!);
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  await page.context().addCookies([{ name, value, url: app }]);
}

/** The ids of the user's sessions that have not been ended. */
const liveSessions = async () =>
  (
    await owner.query<{ id: string }>(`SELECT id FROM "AuthSession" WHERE "userId" = $1 AND "revokedAt" IS NULL`, [
      userId,
    ])
  ).rows.map((r) => r.id);

test('the functional administrator registers the national number (checked; only its HMAC is stored)', async ({
  page,
}) => {
  await signInAsAdministrator(page);
  await page.goto(`/beheer/gebruikers/${userId}`);
  await expect(page.getByRole('heading', { name: 'Aanmelden via de test-IdP' })).toBeVisible();
  const field = page.getByRole('textbox', { name: /^Rijksregisternummer/ });
  await field.fill(`${lien.rrn.slice(0, 9)}${(Number(lien.rrn.slice(9)) + 1) % 100}`);
  await page.getByRole('button', { name: 'Rijksregisternummer registreren' }).click();
  await expect(page.locator('#f-nationalNumber-fout')).toContainText(
    'Vul een geldig rijksregisternummer in (11 cijfers).',
  );
  const r = lien.rrn;
  await field.fill(`${r.slice(0, 2)}.${r.slice(2, 4)}.${r.slice(4, 6)}-${r.slice(6, 9)}.${r.slice(9)}`);
  await page.getByRole('button', { name: 'Rijksregisternummer registreren' }).click();
  await expect(page.getByText('Het rijksregisternummer is geregistreerd.')).toBeVisible();
  await expectAccessible(page);
  const { rows: u } = await owner.query<{ h: string | null }>(`SELECT "oidcLinkHmac" AS h FROM "User" WHERE id = $1`, [
    userId,
  ]);
  expect(u[0]!.h).toMatch(/\S{20,}/);
  expect(u[0]!.h).not.toContain(lien.rrn);
  expect(await audit('admin.user.oidcLink', 'ALLOWED')).toBe(1);
});

test('first login through the IdP links by the registered national number, lands on Mijn werk without a local second factor', async ({
  page,
}) => {
  const linked = await audit('auth.login.oidc.link', 'ALLOWED');
  await loginAtIdp(page, 'lien.peeters', 'mfa');
  await expect(page.getByRole('heading', { name: 'Mijn werk', level: 1 })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(app);
  expect(new URL(page.url()).pathname).not.toMatch(/^\/login/);
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
  // linked: the subject is stored and the national number's HMAC is used up
  const { rows } = await owner.query<{ oidcSubject: string | null; oidcLinkHmac: string | null }>(
    `SELECT "oidcSubject", "oidcLinkHmac" FROM "User" WHERE id = $1`,
    [userId],
  );
  expect(rows[0]).toEqual({ oidcSubject: lien.sub, oidcLinkHmac: null });
  expect(await audit('auth.login.oidc.link', 'ALLOWED')).toBe(linked + 1);
  const { rows: s } = await owner.query<{ m: string }>(
    `SELECT "secondFactorMethod"::text AS m FROM "AuthSession" WHERE "userId" = $1 AND "revokedAt" IS NULL`,
    [userId],
  );
  expect(s.map((r) => r.m)).toEqual(['OIDC']);
});

test('signing out ends the local session and the IdP session; the next login goes by sub', async ({ page }) => {
  const earlier = await liveSessions();
  await loginAtIdp(page, 'lien.peeters', 'mfa');
  await expect(page.getByRole('heading', { name: 'Mijn werk', level: 1 })).toBeVisible();
  const mine = (await liveSessions()).filter((id) => !earlier.includes(id));
  expect(mine).toHaveLength(1);
  // the app's cookies only (the IdP on the next port shares the host's cookie jar)
  const cookies = (await page.context().cookies(app)).filter((c) => c.name.includes('next-auth'));

  await page.getByRole('button', { name: 'Afmelden' }).click();
  // RP-initiated logout: the IdP asks to confirm, then comes back to the app's login page
  await expect(page.getByRole('heading', { name: 'Afmelden bij de test-IdP' })).toBeVisible();
  await page.getByRole('button', { name: 'Ja, afmelden' }).click();
  await expect(page.getByText('Je bent afgemeld, ook bij de aanmeldingsdienst van de overheid.')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/login');
  await expect.poll(async () => (await liveSessions()).includes(mine[0]!), { timeout: 15_000 }).toBe(false);
  const { rows: ended } = await owner.query<{ reason: string }>(
    `SELECT "revokedReason" AS reason FROM "AuthSession" WHERE id = $1`,
    mine,
  );
  expect(ended[0]!.reason).toBe('afgemeld');

  // the old cookie opens nothing any more: the server-side session has ended
  await page.context().addCookies(cookies);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.context().clearCookies({ name: /next-auth/ });

  // and the IdP asks to log in again (its session ended too; otherwise it would sign in silently)
  await loginAtIdp(page, 'lien.peeters', 'mfa');
  await expect(page.getByRole('heading', { name: 'Mijn werk', level: 1 })).toBeVisible();
  // by sub: the national number was used up at the first login
  expect((await liveSessions()).filter((id) => !earlier.includes(id) && id !== mine[0])).toHaveLength(1);
});

test('an identity nobody registered is refused with a clear message and logged', async ({ page }) => {
  const before = await audit('auth.login.oidc.unknown', 'DENIED');
  await loginAtIdp(page, 'tom.onbekend', 'mfa');
  await expect(page).toHaveURL(/\/login\?fout=oidc$/);
  await expect(page.getByRole('status')).toContainText(
    'Je identiteit werd bevestigd, maar er is geen actief account in Veilig Huis Dossier aan gekoppeld.',
  );
  await expect(page.getByRole('button', { name: 'Afmelden' })).toHaveCount(0);
  await expect.poll(() => audit('auth.login.oidc.unknown', 'DENIED')).toBe(before + 1);
  expect(await count(`SELECT 1 FROM "User" WHERE "oidcSubject" = $1`, [tom.sub])).toBe(0);
});

test('a login whose ID token lacks the agreed acr is refused, even for a linked account', async ({ page }) => {
  const before = await audit('auth.login.oidc.no-mfa', 'DENIED');
  const sessions = await count(`SELECT 1 FROM "AuthSession" WHERE "userId" = $1`, [userId]);
  await loginAtIdp(page, 'lien.peeters', 'pwd');
  await expect(page).toHaveURL(/\/login\?fout=oidc-mfa$/);
  await expect(page.getByRole('status')).toContainText('daar werd geen tweede factor gebruikt');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => audit('auth.login.oidc.no-mfa', 'DENIED')).toBe(before + 1);
  expect(await count(`SELECT 1 FROM "AuthSession" WHERE "userId" = $1`, [userId])).toBe(sessions);
});

test('signing out at the IdP itself ends the session here too (back-channel logout), and is logged', async ({
  browser,
}) => {
  const before = await audit('auth.logout.oidc.backchannel', 'ALLOWED');
  const context = await browser.newContext({ baseURL: app });
  const lienPage = await context.newPage();
  await loginAtIdp(lienPage, 'lien.peeters', 'mfa');
  await expect(lienPage.getByRole('heading', { name: 'Mijn werk', level: 1 })).toBeVisible();
  const open = await liveSessions();
  expect(open.length).toBeGreaterThan(0);

  // Lien signs out at the IdP directly (another application of hers, or the IdP's own page)
  const discovery = (await (
    await fetch(`${oidcIssuer(Number(process.env.E2E_PORT ?? 3111))}/.well-known/openid-configuration`)
  ).json()) as { end_session_endpoint: string };
  await lienPage.goto(discovery.end_session_endpoint);
  await expect(lienPage.getByRole('heading', { name: 'Afmelden bij de test-IdP' })).toBeVisible();
  await lienPage.getByRole('button', { name: 'Ja, afmelden' }).click();
  // the IdP told the app server to server: her sessions through the IdP have ended
  await expect.poll(liveSessions, { timeout: 15_000 }).toEqual([]);
  expect(await audit('auth.logout.oidc.backchannel', 'ALLOWED')).toBe(before + 1);
  await lienPage.goto('/');
  await expect(lienPage).toHaveURL(/\/login/);
  await context.close();
  // a forged logout token ends nothing
  const forged = await fetch(`${app}/api/oidc/backchannel-logout`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'logout_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
  });
  expect(forged.status).toBe(400);
});

test('the administrator removes the link: the person is signed out everywhere and the identity opens nothing any more', async ({
  page,
  browser,
}) => {
  // Lien is signed in through the IdP in her own browser
  const lienContext = await browser.newContext({ baseURL: app });
  const lienPage = await lienContext.newPage();
  await loginAtIdp(lienPage, 'lien.peeters', 'mfa');
  await expect(lienPage.getByRole('heading', { name: 'Mijn werk', level: 1 })).toBeVisible();
  expect((await liveSessions()).length).toBeGreaterThan(0);

  await signInAsAdministrator(page);
  await page.goto(`/beheer/gebruikers/${userId}`);
  await expect(page.getByText('Dit account is gekoppeld aan een identiteit bij de test-IdP.')).toBeVisible();
  await page.getByRole('button', { name: 'Koppeling verwijderen' }).click();
  await expect(page.getByText('De koppeling met de identiteit bij de overheid is verwijderd')).toBeVisible();
  // the registration form is back, for a new link
  await expect(page.getByRole('button', { name: 'Rijksregisternummer registreren' })).toBeVisible();
  await expectAccessible(page);
  expect(await liveSessions()).toEqual([]);
  expect(await audit('admin.user.oidcUnlink', 'ALLOWED')).toBe(1);

  // her open page no longer works, and signing in through the IdP again is refused
  await lienPage.reload();
  await expect(lienPage).toHaveURL(/\/login/);
  await lienContext.close();
  const fresh = await browser.newContext({ baseURL: app });
  const again = await fresh.newPage();
  await loginAtIdp(again, 'lien.peeters', 'mfa');
  await expect(again).toHaveURL(/\/login\?fout=oidc$/);
  await fresh.close();
});
