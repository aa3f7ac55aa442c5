import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../prisma/demo';
import { expectAccessible, login } from './helpers';

/**
 * Issue 9 §1 (ADR 0022): a passkey as the second factor, with Chromium's virtual authenticator.
 * WebAuthn refuses an IP address as relying party, so the passkey steps run on localhost (same
 * server); the session cookie is carried over.
 */
const port = Number(process.env.E2E_PORT ?? 3111);
const local = `http://localhost:${port}`;

async function carryCookiesToLocalhost(context: BrowserContext) {
  const cookies = await context.cookies();
  await context.addCookies(
    cookies.map(({ name, value, path, httpOnly, sameSite, expires }) => ({
      name,
      value,
      path,
      httpOnly,
      sameSite,
      expires,
      domain: 'localhost',
      secure: false,
    })),
  );
}

async function virtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test('a passkey is added on "Mijn sessies" and then replaces the code from the app at login', async ({ browser }) => {
  const email = 'kernpartner.caw@vhd.test';
  const context = await browser.newContext();
  const page = await context.newPage();
  await virtualAuthenticator(context, page);
  await login(page, email, DEMO_PASSWORD, { fresh: true });
  await carryCookiesToLocalhost(context);

  await page.goto(`${local}/account`);
  await expect(page.getByRole('heading', { name: 'Passkeys' })).toBeVisible();
  await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
  await expect(page.getByText('Geef de passkey een naam')).toBeVisible();
  await page.getByLabel('Naam van de nieuwe passkey').fill('laptop kantoor');
  await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
  await expect(page.getByText('De passkey is toegevoegd.')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Je passkeys' }).getByText('laptop kantoor', { exact: true }),
  ).toBeVisible();
  await expectAccessible(page);

  // a new login: the password, then the passkey instead of a code
  await context.clearCookies();
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Bevestig dat jij het bent' })).toBeVisible();
  await carryCookiesToLocalhost(context);
  await page.goto(`${local}/login/tweede-factor`);
  await page.getByRole('button', { name: 'Gebruik een passkey' }).click();
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
  await page.goto(`${local}/account`);
  await expect(page.getByRole('row', { name: /deze sessie/ })).toContainText('passkey');
  await context.close();
});
