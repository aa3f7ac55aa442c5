import { expect, test } from '@playwright/test';
import { dossierHref, expectAccessible, login } from './helpers';

/**
 * Issue 13 §4 (ADR 0041): the coordinator searches the dossiers of their safe house — a name typed
 * without its accent and in other capitals finds the member — and, triaging the demo's repeat
 * referral, sees which members are known in an earlier dossier, with a link to it.
 */
test('search: the coordinator finds Inès Vermeulen typed as "INES vermeulen", without the terms in the address', async ({
  page,
}) => {
  await login(page, 'coordinator.antwerpen@vhd.test');
  await page.getByRole('link', { name: 'Zoeken', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoeken in de dossiers' })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Dossiers zoeken' });
  // a name of one letter is refused at the field, in Dutch
  await form.getByLabel('Naam', { exact: true }).fill('I');
  await form.getByRole('button', { name: 'Zoeken' }).click();
  await expect(form.getByRole('alert')).toContainText('Geef minstens 2 letters van de naam.');

  await form.getByLabel('Naam', { exact: true }).fill('INES vermeulen');
  await form.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('region', { name: 'Resultaten' }).getByRole('status')).toHaveText(
    '2 dossier(s) gevonden.',
  );
  const results = page.getByRole('table', { name: 'Gevonden dossiers' });
  await expect(results.getByRole('link', { name: 'VH-ANT-2026-0032' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'VH-ANT-2026-0031' })).toBeVisible();
  await expect(results).toContainText('Inès Vermeulen');
  // POST, not GET: the name never travels in the address
  expect(page.url()).not.toMatch(/ines|vermeulen/i);
  await expectAccessible(page);

  await results.getByRole('link', { name: 'VH-ANT-2026-0031' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossier VH-ANT-2026-0031: Gezin Vermeulen');
});

test('known-person check: the repeat referral is marked in the inbox and names the earlier dossier with a link', async ({
  page,
}) => {
  await login(page, 'coordinator.antwerpen@vhd.test');
  await page.goto('/triage');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'VH-ANT-2026-0032' }) });
  await expect(row).toContainText('Herhaalde aanmelding (binnen 12 maanden)');
  await row.getByRole('link', { name: 'VH-ANT-2026-0032' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossier VH-ANT-2026-0032: Gezin Vermeulen');

  const known = page.getByRole('region', { name: 'Bekend in andere dossiers van dit Veilig Huis' });
  await expect(known).toContainText('Herhaalde aanmelding:');
  await expect(known).toContainText('zelfde rijksregisternummer');
  await expect(known).toContainText('zelfde naam en geboortedatum');
  await expect(known.getByRole('link', { name: 'VH-ANT-2026-0031' })).toHaveCount(2);
  await known.getByRole('link', { name: 'VH-ANT-2026-0031' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossier VH-ANT-2026-0031: Gezin Vermeulen');
});

test('known-person check and search: the referrer sees neither', async ({ page }) => {
  // the police referred Gezin Vermeulen again: they see their referral, not what the house knows
  await login(page, 'kernpartner.politie@vhd.test');
  await page.goto(await dossierHref(page, 'VH-ANT-2026-0032'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossier VH-ANT-2026-0032: Gezin Vermeulen');
  await expect(page.getByRole('region', { name: 'Leden van het cliëntsysteem' }).first()).toBeVisible();
  await expect(page.getByText('Bekend in andere dossiers')).toHaveCount(0);
  await expect(page.getByText('VH-ANT-2026-0031')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Zoeken', exact: true })).toHaveCount(0);
  await page.goto('/zoeken');
  await expect(page.getByRole('heading', { level: 1, name: 'Niet gevonden' })).toBeVisible();
});
