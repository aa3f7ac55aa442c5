import { expect, test } from '@playwright/test';
import { as, dossierHref, expectAccessible } from './helpers';

/** Issue 5 in Chromium: closing with a 30-year retention by consensus; a transfer after which the old house gets 404. */
test.setTimeout(120_000);

test('art. 15 §3: a dossier is closed at its closing conference with a 30-year retention after all participants and the chair agreed', async ({
  browser,
}) => {
  let url = '';
  await as(browser, 'coordinator.oostvlaanderen@vhd.test', async (page) => {
    url = `${await dossierHref(page, 'VH-OVL-2026-0002')}/casusoverleg`;
    await page.goto(url);
    const form = page.getByRole('form', { name: 'Verlenging voorstellen' });
    await form.getByLabel('Afrondingstafel (overleg van deze casus)').selectOption({ index: 1 });
    await form.getByLabel('Bewaartermijn in jaren (16 tot 30)').fill('31');
    await form.getByRole('radio', { name: 'Eergerelateerd geweld' }).check();
    await form.getByLabel('Toelichting').fill('Eergerelateerd geweld met blijvende dreiging vanuit de familie.');
    await form.getByRole('button', { name: 'Verlenging voorstellen' }).click();
    await expect(page.getByText('De bewaartermijn kan hoogstens 30 jaar zijn').first()).toBeVisible();
    await page
      .getByRole('form', { name: 'Verlenging voorstellen' })
      .getByLabel('Bewaartermijn in jaren (16 tot 30)')
      .fill('30');
    await page
      .getByRole('form', { name: 'Verlenging voorstellen' })
      .getByRole('button', { name: 'Verlenging voorstellen' })
      .click();
    await expect(page.getByTestId('extension-status')).toContainText('Stemming loopt');
    // without consensus, closing keeps at most 15 years: the 30-year option is not offered yet
    await expect(
      page.getByRole('form', { name: 'Dossier afsluiten' }).getByRole('option', { name: /30 jaar/ }),
    ).toHaveCount(0);
    // the coordinator chairs the closing conference and votes too
    await page.getByRole('button', { name: 'Akkoord met verlenging' }).click();
    await expect(page.getByTestId('extension-status')).toContainText('Stemming loopt');
  });
  await as(browser, 'kernpartner.gent@vhd.test', async (page) => {
    await page.goto(url);
    await page.getByRole('button', { name: 'Akkoord met verlenging' }).click();
    await expect(page.getByTestId('extension-status')).toContainText('Consensus: verlenging aanvaard');
  });
  await as(browser, 'coordinator.oostvlaanderen@vhd.test', async (page) => {
    await page.goto(url);
    const form = page.getByRole('form', { name: 'Dossier afsluiten' });
    await form.getByLabel('Redenen van de afsluiting').fill('De doelen van het plan van aanpak zijn bereikt.');
    await form
      .getByLabel('Verlenging met consensus (optioneel)')
      .selectOption({ label: '30 jaar (verlenging met consensus)' });
    await form.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het dossier is afgesloten' })).toBeVisible();
    const closure = page.getByRole('definition').filter({ hasText: '30 jaar' });
    await expect(closure).toContainText('Eergerelateerd geweld');
    await expect(closure).toContainText(String(new Date(Date.now() - 86_400_000).getUTCFullYear() + 30));
    // read-only: no more forms to add information or to close
    await expect(page.getByRole('form', { name: 'Informatie inbrengen' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Dossier afsluiten' })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test('a transferred dossier moves to the other safe house; the old one gets 404', async ({ browser }) => {
  let url = '';
  await as(browser, 'coordinator.oostvlaanderen@vhd.test', async (page) => {
    url = await dossierHref(page, 'VH-OVL-2026-0003');
    await page.goto(url);
    const form = page.getByRole('form', { name: 'Overdracht vragen' });
    await form.getByLabel('Naar welk Veilig Huis').selectOption({ label: 'Veilig Huis Antwerpen' });
    await form.getByLabel('Reden van de overdracht').fill('Het gezin is verhuisd naar Antwerpen.');
    await form.getByRole('button', { name: 'Overdracht vragen' }).click();
    await expect(page.getByRole('status')).toContainText('De overdracht is gevraagd');
    await expect(page.getByRole('region', { name: 'Overdracht naar een ander Veilig Huis' })).toContainText(
      'Wacht op aanvaarding',
    );
  });
  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    // not yet accepted: nothing of the dossier
    expect((await page.goto(url))?.status()).toBe(404);
    await page.goto('/overdrachten');
    const item = page.getByRole('listitem', { name: 'Overdracht VH-OVL-2026-0003' });
    await expect(item).toContainText('Het gezin is verhuisd naar Antwerpen.');
    await expect(item).not.toContainText('Wuyts');
    await expectAccessible(page);
    await item.getByRole('button', { name: 'Overdracht aanvaarden' }).click();
    await expect(page.getByRole('status')).toContainText('De overdracht is aanvaard');
    await page.getByRole('link', { name: 'VH-OVL-2026-0003' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Gezin Wuyts');
    await expect(page.getByText('Veilig Huis Antwerpen').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Overdracht naar een ander Veilig Huis' })).toContainText(
      'van Veilig Huis Oost-Vlaanderen naar Veilig Huis Antwerpen',
    );
  });
  await as(browser, 'coordinator.oostvlaanderen@vhd.test', async (page) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Gezin Wuyts')).toHaveCount(0);
    await page.goto('/overdrachten');
    await expect(page.getByRole('row').filter({ hasText: 'VH-OVL-2026-0003' })).toContainText('Aanvaard');
  });
});
