import { expect, test } from '@playwright/test';
import { dossierHref, expectAccessible, login } from './helpers';

test.describe('login and session', () => {
  test('every page but login requires a session', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/toegangslog');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Veilig Huis Dossier' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a wrong password and an unknown account get the same Dutch message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill('coordinator.antwerpen@vhd.test');
    await page.getByLabel('Wachtwoord').fill('helemaal-fout');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const alert = page.locator('#login-fout[role="alert"]');
    await expect(alert).toContainText('Aanmelden is niet gelukt');
    const first = await alert.textContent();
    // what was typed is kept, except the password
    await expect(page.getByLabel('E-mailadres')).toHaveValue('coordinator.antwerpen@vhd.test');
    await expectAccessible(page);
    await page.getByLabel('E-mailadres').fill('niemand@vhd.test');
    await page.getByLabel('Wachtwoord').fill('helemaal-fout');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(alert).toHaveText(first!);
  });
});

test.describe('dossiers are scoped by safe house and by case', () => {
  test("a coordinator sees only their own safe house's dossiers and gets 404 on another's", async ({ browser }) => {
    // The other safe house's coordinator finds the URL of one of their dossiers.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await login(otherPage, 'coordinator.oostvlaanderen@vhd.test');
    const foreignUrl = await dossierHref(otherPage, 'VH-OVL-2026-0001');
    await other.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, 'coordinator.antwerpen@vhd.test');
    // the start page is Mijn werk; the dossier list is one menu item further (issue 13 §1)
    await expect(page.getByRole('heading', { name: 'Mijn werk', level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'VH-ANT-2026-0001' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'VH-ANT-2026-0002' })).toBeVisible();
    // a referrer's draft is not the coordinator's business yet
    await expect(page.getByText('Gezin Wouters (concept)')).toHaveCount(0);
    await expect(page.getByText('VH-OVL-2026-0001')).toHaveCount(0);
    await expect(page.getByText('Gezin De Smet')).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'VH-ANT-2026-0001' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Gezin Peeters');
    await expect(page.getByRole('cell', { name: 'Sarah Peeters', exact: true })).toBeVisible();
    await expectAccessible(page);

    const response = await page.goto(foreignUrl);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Niet gevonden' })).toBeVisible();
    await expect(page.getByText('Gezin De Smet')).toHaveCount(0);
    await expectAccessible(page);

    // a dossier id that does not exist looks exactly the same
    const missing = await page.goto('/dossiers/00000000-0000-4000-8000-000000000000');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Niet gevonden' })).toBeVisible();
    await context.close();
  });

  test('a participant sees only the case they take part in', async ({ page }) => {
    await login(page, 'deelnemer.justitiehuis@vhd.test');
    await page.goto('/dossiers');
    await expect(page.getByRole('link', { name: 'VH-ANT-2026-0002' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'VH-ANT-2026-0001' })).toHaveCount(0);
  });
});

test.describe('roles without content', () => {
  test('the DPO sees the access log with an intact chain, and no dossiers', async ({ page }) => {
    await login(page, 'dpo@vhd.test');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link', { name: 'Toegangslog' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Dossiers' })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Toegangslog' }).click();
    await expect(page.getByRole('heading', { name: 'Toegangslog' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Keten intact');
    // the action in Dutch, with its code beneath (issue 10 §1) — filtered on the login, which the
    // newest page of a busy log need not show
    await page.goto('/toegangslog?actie=auth.login');
    await expect(
      page.getByRole('cell', { name: /^Aangemeld met wachtwoord \(eerste stap\)\s*auth\.login$/ }).first(),
    ).toBeVisible();
    await expectAccessible(page);
    // the export is streamed (issue 11 §4): a complete CSV with as many rows as announced
    const csv = await page.request.get(
      (await page.getByRole('link', { name: 'Exporteren als CSV' }).getAttribute('href')) ?? '',
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()['cache-control']).toBe('no-store');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFNr\.;Tijdstip \(Brussel\);Gebruiker;/);
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(Number(csv.headers()['x-export-rows']));
    expect(Number(csv.headers()['x-export-rows'])).toBeGreaterThan(0);
  });

  test('the analyst and the administrator get no dossier list and no access log', async ({ page }) => {
    for (const email of ['analist@vhd.test', 'beheerder@vhd.test']) {
      await login(page, email);
      await expect(page.getByText('Je rol geeft geen toegang tot de inhoud van dossiers.')).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
      await expectAccessible(page);
      expect((await page.goto('/toegangslog'))?.status()).toBe(404);
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await expect(page).toHaveURL(/\/login/);
    }
  });
});
