import { expect, test } from '@playwright/test';
import { as, dossierHref, expectAccessible } from './helpers';

/**
 * Issue 12 §3 in Chromium (art. 13; ADR 0033): a participant's private preparation note, brought
 * in during the open session; the coordinator opens and closes a session, closing only after an
 * explicit confirmation.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const NOTE = 'Voorbereid: afspraak met de justitieassistent op vrijdag bevestigd.';

test('art. 13: a preparation note is only the author’s until they bring it in during the open session', async ({
  browser,
}) => {
  let url = '';
  await as(browser, 'deelnemer.justitiehuis@vhd.test', async (page) => {
    url = `${await dossierHref(page, 'VH-ANT-2026-0002')}/casusoverleg`;
    await page.goto(url);
    const prep = page.getByRole('region', { name: 'Mijn voorbereiding (enkel voor mij zichtbaar)' });
    await expect(prep).toContainText('Nagaan of het contactverbod voor Hassan verlengd wordt');
    const form = prep.getByRole('form', { name: 'Nieuwe voorbereidingsnota' });
    await form.getByLabel('Categorie van gegevens (art. 15, § 1)').selectOption({ index: 9 });
    await form.getByRole('textbox', { name: /^Nota/ }).fill(NOTE);
    await form.getByRole('button', { name: 'Nota bewaren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Enkel jij kunt ze lezen' })).toBeVisible();
    await expectAccessible(page);
  });
  // another participant does not see it
  await as(browser, 'kernpartner.politie@vhd.test', async (page) => {
    await page.goto(url);
    await expect(page.getByText(NOTE)).toHaveCount(0);
    await expect(page.getByText('Nagaan of het contactverbod voor Hassan verlengd wordt')).toHaveCount(0);
  });
  await as(browser, 'deelnemer.justitiehuis@vhd.test', async (page) => {
    await page.goto(url);
    const prep = page.getByRole('region', { name: 'Mijn voorbereiding (enkel voor mij zichtbaar)' });
    await prep
      .getByRole('listitem')
      .filter({ hasText: NOTE })
      .getByRole('button', { name: 'Inbrengen in het overleg' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'ingebracht in het overleg' })).toBeVisible();
    const info = page.getByRole('region', { name: 'Ingebrachte informatie' });
    // (its own organisation also finds it in the correction form: the paragraph is what everyone reads)
    await expect(info.getByRole('paragraph').filter({ hasText: NOTE })).toBeVisible();
    await expect(prep.getByText(NOTE)).toHaveCount(0);
  });
  await as(browser, 'kernpartner.politie@vhd.test', async (page) => {
    await page.goto(url);
    await expect(
      page.getByRole('region', { name: 'Ingebrachte informatie' }).getByRole('paragraph').filter({ hasText: NOTE }),
    ).toBeVisible();
  });
});

test('art. 13: the coordinator opens a planned session and closes it after confirming', async ({ browser }) => {
  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    await page.goto('/overleggen');
    // every state is visible in the list
    for (const state of ['Afgesloten', 'Geopend', 'Gepland']) {
      await expect(page.getByRole('listitem').filter({ hasText: state }).first()).toBeVisible();
    }
    await page.getByRole('listitem').filter({ hasText: 'Gepland' }).first().getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Status: Gepland' })).toBeVisible();
    await page.getByRole('button', { name: 'Overleg openen' }).click();
    await expect(page.getByRole('heading', { name: 'Status: Geopend' })).toBeVisible();
    // closing is final: without the confirmation it is refused at the field
    const close = page.getByRole('form', { name: 'Overleg afsluiten' });
    await close.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await expect(page.getByText('Bevestig dat je het overleg afsluit').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Status: Geopend' })).toBeVisible();
    await page
      .getByRole('form', { name: 'Overleg afsluiten' })
      .getByRole('checkbox', { name: 'Ik sluit dit overleg definitief af' })
      .check();
    await page
      .getByRole('form', { name: 'Overleg afsluiten' })
      .getByRole('button', { name: 'Overleg afsluiten' })
      .click();
    await expect(page.getByRole('heading', { name: 'Status: Afgesloten' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Overleg openen' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
