import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

/** axe reports no WCAG 2.1 A/AA violations on the pages not covered by the flow tests. */
test('coordinator pages are accessible', async ({ page }) => {
  // eight pages, each checked by axe: more than the default two minutes on a busy machine
  test.setTimeout(300_000);
  await login(page, 'coordinator.antwerpen@vhd.test');
  for (const path of [
    '/overleggen',
    '/inzage',
    '/aanmeldingen',
    '/aanmeldingen/nieuw',
    '/overdrachten',
    '/statistieken',
    '/privacyverklaring',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectAccessible(page);
  }
  // art. 16: the privacy notice for clients, linked from every page, printable
  await page.getByRole('link', { name: 'Privacyverklaring voor cliënten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacyverklaring voor cliënten');
  await expect(page.getByRole('heading', { name: 'Hoe lang?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
  await page.goto('/overleggen');
  await page
    .getByRole('link', { name: /Vergaderzaal Veilig Huis Antwerpen/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Casusoverleg van');
  await expectAccessible(page);
});

test('the 404 page and the login page are accessible', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  await login(page, 'aanmelder.huisarts@vhd.test');
  const response = await page.goto('/bestaat-niet');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Niet gevonden' })).toBeVisible();
  await expectAccessible(page);
});
