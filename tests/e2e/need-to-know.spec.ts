import { expect, test } from '@playwright/test';
import { dossierHref, expectAccessible, login } from './helpers';

/** Need to know inside a case (DOMAIN.md §3; ADR 0017): national numbers are masked; a reveal needs a reason. */
test('need to know: a national number is masked until the coordinator gives a reason, and then shown only in place', async ({
  page,
}) => {
  await login(page, 'coordinator.antwerpen@vhd.test');
  const href = await dossierHref(page, 'VH-ANT-2026-0001');
  await page.goto(href);
  const members = page.getByRole('table', { name: 'Leden van het cliëntsysteem' });
  await expect(members).not.toContainText('88.04.12');
  await expect(members.getByLabel('Rijksregisternummer van Sarah Peeters verborgen')).toBeVisible();
  await members.getByRole('button', { name: 'Rijksregisternummer van Sarah Peeters tonen' }).click();
  const form = page.getByRole('form', { name: 'Rijksregisternummer van Sarah Peeters tonen' });
  await form.getByRole('button', { name: 'Tonen (wordt gelogd)' }).click();
  // the browser asks for the reason first (required field); nothing is shown without it
  await expect(members).not.toContainText('88.04.12');
  await form.getByLabel('Waarom heb je dit nodig?').fill('Opvragen strafregister bij het parket.');
  await form.getByRole('button', { name: 'Tonen (wordt gelogd)' }).click();
  await expect(members.getByTestId('revealed')).toContainText(/^88\.04\.12-124\.\d{2}$/);
  // the revealed number never travels in the address (the dossier's own id is random hex)
  expect(page.url()).not.toMatch(/88\.?04\.?12|Opvragen|strafregister/);
  await expectAccessible(page);
  // a fresh load masks it again
  await page.reload();
  await expect(members).not.toContainText('88.04.12');
});
