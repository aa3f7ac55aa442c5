import { expect, test } from '@playwright/test';
import { dossierHref, expectAccessible, login } from './helpers';

/**
 * Risk over time (issue 13 §5; ADR 0042): on the demo case in trajectory (VH-ANT-2026-0002, whose
 * history ends with a recent rise from "verhoogd" to "hoog"), the coordinator records a new, higher
 * assessment; the chart's summary and the table show it, and the rise is highlighted in words.
 * axe checks the dossier page and the form.
 */
test('the coordinator records a higher risk assessment and sees the rise in the chart and the table', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, 'coordinator.antwerpen@vhd.test');
  const href = await dossierHref(page, 'VH-ANT-2026-0002');
  await page.goto(href);
  const section = page.getByRole('region', { name: 'Verloop van het risico' });
  await expect(section.getByText(/^Risico gestegen van verhoogd naar hoog op /)).toBeVisible();
  const chart = section.getByRole('img', { name: /^Verloop van het risico: 4 inschattingen/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute(
    'aria-label',
    /Niveaus na elkaar: verhoogd, hoog, verhoogd, hoog\. Laatste niveau: hoog\./,
  );
  const rows = section.getByRole('table', { name: /Verloop van het risico/ }).locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('Inspecteur Bram Kernpartner (aanmelder, Politiezone Antwerpen)');
  await expect(rows.nth(3)).toContainText('Tom Casusregisseur (casusregisseur)');
  await expect(rows.nth(3)).toContainText('↑ gestegen');
  await expectAccessible(page);

  await section.getByRole('link', { name: 'Nieuwe risico-inschatting' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe risico-inschatting');
  // the last assessment's answers are filled in; level and reasoning are asked anew
  const weapons = page.getByRole('group', { name: /toegang tot wapens/ });
  await expect(weapons.getByLabel('Nee')).toBeChecked();
  await page.getByRole('button', { name: 'Risico-inschatting bewaren' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'De risico-inschatting is nog niet volledig.' }),
  ).toBeVisible();
  const level = page.getByRole('group', { name: /^Risiconiveau/ });
  await expect(level).toContainText('Kies het risiconiveau van deze inschatting.');
  await expect(page.getByText(/^Fout: Licht de inschatting toe in minstens 10 tekens/)).toBeVisible();
  await expectAccessible(page);

  await weapons.getByLabel('Ja').check();
  await level.getByLabel('Acuut gevaar').check();
  const reasoning = 'Hassan toonde een vuurwapen aan een neef en zegt dat hij Amira zal vinden.';
  await page.getByLabel(/^Onderbouwing/).fill(reasoning);
  await page.getByRole('button', { name: 'Risico-inschatting bewaren' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'De nieuwe risico-inschatting is bewaard' })).toBeVisible();
  const today = new Intl.DateTimeFormat('nl-BE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(new Date());
  await expect(section.getByText(`Risico gestegen van hoog naar acuut gevaar op ${today}.`)).toBeVisible();
  await expect(section.getByRole('img', { name: /^Verloop van het risico: 5 inschattingen/ })).toHaveAttribute(
    'aria-label',
    /Laatste niveau: acuut gevaar\./,
  );
  await expect(rows).toHaveCount(5);
  const last = rows.nth(4);
  await expect(last).toContainText('Acuut gevaar');
  await expect(last).toContainText('↑ gestegen');
  await expect(last).toContainText('Katrien Coördinator (coördinator)');
  await expect(last).toContainText(reasoning);
  await expect(last).toContainText('7 van 15 × ja');
  await expectAccessible(page);
});
