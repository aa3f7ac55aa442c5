import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { hashSessionToken, newSessionToken } from '../helpers/session-token';
import { directSession, expectAccessible, login, ownerClient } from './helpers';

/**
 * The functional administrator (issue 13 §6; ADR 0043): creates a user with a role and invites
 * them; the user sets a password with the link and reaches the second-factor enrolment; a
 * deactivated user's next request goes to the login; the access review shows and exports CSV.
 * Accessible (axe) on every /beheer page.
 *
 * The e2e environment has no mail server: the application records the invitation (only the
 * SHA-256 of its token) and says the mail could not be sent. The test then plays the mailbox: as
 * the owner it gives the open invitation a token it knows — the integration tests check the mail
 * itself against a real SMTP server (tests/integration/user-administration.test.ts).
 */
const ADMIN = 'beheerder@vhd.test';
const PASSWORD = 'een lange zin als wachtwoord 2026';

async function adminPage(page: Page) {
  await login(page, ADMIN);
  await page.goto('/beheer');
  await expect(page.getByRole('heading', { name: 'Gebruikers', level: 1 })).toBeVisible();
}

test('the administrator creates a user with a role; the user sets a password via the link and reaches the second factor', async ({
  page,
  browser,
}) => {
  const email = `nieuwe.medewerker.${Date.now()}@vhd.test`;
  await adminPage(page);
  await expectAccessible(page);
  const form = page.getByRole('form', { name: 'Nieuwe gebruiker' });
  await form.getByLabel('Naam').fill('Nieuwe Medewerker');
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Organisatie').selectOption({ label: 'CAW Oost-Vlaanderen' });
  await form.getByLabel('Eerste rol').selectOption({ label: 'Medewerker kernpartner' });
  await form.getByLabel('Veilig Huis van die rol').selectOption({ label: 'Veilig Huis Oost-Vlaanderen' });
  await form.getByRole('button', { name: 'Gebruiker aanmaken en uitnodigen' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe Medewerker', level: 1 })).toBeVisible();
  await expect(page.getByText('De gebruiker is aangemaakt')).toBeVisible();
  await expect(page.getByText('Medewerker kernpartner (Veilig Huis Oost-Vlaanderen)')).toBeVisible();
  await expect(page.getByText(/uitnodiging open tot/)).toBeVisible();
  await expectAccessible(page);

  // a role that combines client work with the DPO's is refused, with a Dutch message at the field
  const grant = page.getByRole('form', { name: 'Rol toekennen' });
  await grant.getByLabel('Rol (verplicht)').selectOption({ label: 'DPO / toezichthouder' });
  await grant.getByRole('button', { name: 'Rol toekennen' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'niet ook DPO, analist of functioneel beheerder' }),
  ).toBeVisible();

  // the mailbox: the test knows the token of the open invitation (only its hash is stored)
  const token = newSessionToken();
  const owner = await ownerClient();
  try {
    const r = await owner.query(
      `UPDATE "PasswordInvitation" i SET "tokenHash" = $2 FROM "User" u
        WHERE u."id" = i."userId" AND u."email" = $1 AND i."usedAt" IS NULL AND i."revokedAt" IS NULL`,
      [email, hashSessionToken(token)],
    );
    expect(r.rowCount).toBe(1);
  } finally {
    await owner.end();
  }

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(`/wachtwoord-instellen?token=${token}`);
  await expect(invitee.getByRole('heading', { name: 'Wachtwoord instellen' })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel('Nieuw wachtwoord').fill('te kort');
  await invitee.getByLabel('Herhaal het wachtwoord').fill('te kort');
  await invitee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(
    invitee.getByRole('alert').filter({ hasText: 'Kies een wachtwoord van minstens 12 tekens.' }),
  ).toBeVisible();
  await invitee.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
  await invitee.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
  await invitee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(invitee.getByText('Je wachtwoord is ingesteld')).toBeVisible();
  await invitee.getByLabel('E-mailadres').fill(email);
  await invitee.getByLabel('Wachtwoord').fill(PASSWORD);
  await invitee.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(invitee.getByRole('heading', { name: 'Koppel een authenticator-app' })).toBeVisible();
  // the link worked once
  await invitee.goto(`/wachtwoord-instellen?token=${token}`);
  await expect(invitee.getByText('Deze link werkt niet meer')).toBeVisible();
  await context.close();
});

test('a user the administrator deactivates is sent to the login on their next request', async ({ page, browser }) => {
  const owner = await ownerClient();
  let user: { id: string; name: string };
  let cookie: string;
  try {
    const email = `te.deactiveren.${Date.now()}@vhd.test`;
    const { rows } = await owner.query<{ id: string; name: string }>(
      `INSERT INTO "User" ("email", "name", "organisationId")
       SELECT $1, 'Te Deactiveren', o."id" FROM "Organisation" o WHERE o."name" = 'Stad Gent' RETURNING "id", "name"`,
      [email],
    );
    user = rows[0]!;
    await owner.query(`INSERT INTO "RoleAssignment" ("userId", "role") VALUES ($1, 'REFERRER')`, [user.id]);
    ({ cookie } = await directSession(owner, user));
  } finally {
    await owner.end();
  }
  const [name, ...value] = cookie.split('=');
  const context = await browser.newContext();
  await context.addCookies([{ name: name!, value: value.join('='), url: test.info().project.use.baseURL! }]);
  const other = await context.newPage();
  await other.goto('/aanmeldingen');
  await expect(other.getByRole('button', { name: 'Afmelden' })).toBeVisible();

  await login(page, ADMIN);
  await page.goto(`/beheer/gebruikers/${user.id}`);
  await expect(page.getByRole('heading', { name: 'Te Deactiveren', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Gebruiker deactiveren' }).click();
  await expect(page.getByText('Alle sessies van deze gebruiker zijn meteen beëindigd')).toBeVisible();

  await other.goto('/aanmeldingen');
  await expect(other).toHaveURL(/\/login/);
  await expect(other.getByRole('button', { name: 'Aanmelden' })).toBeVisible();
  await context.close();
});

test('the access review lists accounts per safe house with roles and last login, confirms and exports CSV', async ({
  page,
}) => {
  await login(page, ADMIN);
  await page.goto('/beheer/toegangsreview');
  await expect(page.getByRole('heading', { name: 'Toegangsreview', level: 1 })).toBeVisible();
  const antwerp = page.getByRole('region', { name: 'Veilig Huis Antwerpen', exact: true });
  await expect(antwerp.getByRole('cell', { name: /coordinator\.antwerpen@vhd\.test/ })).toBeVisible();
  await expectAccessible(page);
  await antwerp.getByRole('button', { name: 'Review bevestigen voor Veilig Huis Antwerpen' }).click();
  await expect(page.getByText('De toegangsreview is bevestigd')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Veilig Huis Antwerpen', exact: true })).toContainText(
    /Laatst bevestigd op .* door Frank Beheerder/,
  );

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download als CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^toegangsreview-.*\.csv$/);
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFVeilig Huis;Naam;E-mailadres;Organisatie;Rollen;Actief;Laatste aanmelding');
  expect(csv).toMatch(/\r\nVeilig Huis Antwerpen;[^;]+;coordinator\.antwerpen@vhd\.test;[^;]+;Coördinator;ja;/);
  expect(csv).toMatch(
    /\r\nRollen zonder Veilig Huis;Frank Beheerder;beheerder@vhd\.test;[^\r\n]*Functioneel beheerder;ja;/,
  );

  await page.goto('/beheer/organisaties');
  await expect(page.getByRole('heading', { name: 'Organisaties', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /CAW Antwerpen .*Centrum voor algemeen welzijnswerk \(3°\).*Veilig Huis Antwerpen/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Huisartsenpraktijk De Linde' }).click();
  await expect(page.getByRole('heading', { name: 'Huisartsenpraktijk De Linde', level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test('nobody but the functional administrator reaches /beheer or the CSV', async ({ page }) => {
  await login(page, 'dpo@vhd.test');
  await expect(page.getByRole('link', { name: 'Toegangsreview' })).toHaveCount(0);
  const r = await page.goto('/beheer/toegangsreview');
  expect(r?.status()).toBe(404);
  const csv = await page.request.get('/api/v1/toegangsreview');
  expect(csv.status()).toBe(404);
  expect(csv.headers()['cache-control']).toBe('no-store');
});
