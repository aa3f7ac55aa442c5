import { expect, test, type Page } from '@playwright/test';
import { as, completeReferral, expectAccessible } from './helpers';

/**
 * The whole admission flow in the decree's order (issue 3, issue 12 §1–2; ADR 0031) in Chromium:
 * a referrer submits, the coordinator checks the art. 5 criteria (the input round opens) and asks
 * the VK for its position (a minor is involved), two core partners add input before the decision,
 * the VK records its own position, the coordinator closes the round early with a reason and admits,
 * the referrer sees the outcome but not the input, and a user of another safe house gets 404.
 */
test.setTimeout(240_000);

/** Fills in the art. 5 check (all three criteria met, high risk); the input round's default deadline stays. */
async function checkCriteria(page: Page) {
  for (const n of [1, 2, 3]) {
    await page
      .getByRole('group', { name: `Is criterium ${n} vervuld? (verplicht)` })
      .getByRole('radio', { name: 'Vervuld', exact: true })
      .check();
    await page.getByLabel(`Reden (criterium ${n})`).fill(`Criterium ${n} is vervuld volgens de aanmelding.`);
  }
  await page
    .getByRole('group', { name: 'Risiconiveau (verplicht)' })
    .getByRole('radio', { name: 'Hoog', exact: true })
    .check();
  await page
    .getByLabel('Onderbouwing van de risico-inschatting')
    .fill('Escalerend partnergeweld met een kind als getuige.');
  await page.getByRole('button', { name: 'Toets bewaren' }).click();
}

/** The follow-up decision: a trajectory in the Veilig Huis. */
async function decideToAdmit(page: Page) {
  await page
    .getByRole('combobox', { name: 'Beslissing over de opvolging (verplicht)' })
    .selectOption({ label: 'Opnemen in het Veilig Huis (intersectoraal traject starten)' });
  await page.getByLabel('Motivering van de beslissing').fill('Hoog risico; een gecoördineerd traject is nodig.');
  await page.getByRole('button', { name: 'Beslissing bewaren' }).click();
}

test('referral → art. 5 check → core-partner input and VK position → follow-up decision, with access checked at every step', async ({
  browser,
}) => {
  const label = `Gezin E2E ${Date.now().toString(36)}`;
  let dossierUrl = '';

  await as(browser, 'aanmelder.huisarts@vhd.test', async (page) => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn aanmeldingen' }).click();
    await page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await expect(page.getByRole('heading', { name: 'Nieuwe aanmelding' })).toBeVisible();

    // An incomplete submission: errors per field in Dutch, and what was typed stays.
    await page.getByLabel('Veilig Huis').selectOption({ label: 'Veilig Huis Antwerpen' });
    await page.getByLabel('Korte naam van het cliëntsysteem').fill(label);
    await page.getByLabel('Voornaam').first().fill('Yasmine');
    await page.getByRole('button', { name: 'Aanmelding indienen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer de gemarkeerde velden' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Vul de achternaam in.' })).toBeVisible();
    await expect(page.getByLabel('Korte naam van het cliëntsysteem')).toHaveValue(label);
    await expect(page.getByLabel('Voornaam').first()).toHaveValue('Yasmine');
    await expect(page.getByLabel('Achternaam').first()).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);

    // Complete it: a victim and a minor child.
    const member = (i: number) => page.getByRole('group', { name: `Lid ${i}` });
    await completeReferral(page);
    await member(1).getByLabel('Rijksregisternummer (optioneel)').fill('90.03.14-123.00');
    await page.getByRole('button', { name: 'Aanmelding indienen' }).click();

    // The national number had a wrong check digit: refused at its field, everything else kept.
    await expect(member(1).getByText('Dit rijksregisternummer klopt niet')).toBeVisible();
    await expect(page.getByLabel('Beschrijving van de situatie')).toHaveValue(/Herhaald fysiek geweld/);
    await member(1).getByLabel('Rijksregisternummer (optioneel)').fill('');
    await page.getByRole('button', { name: 'Aanmelding indienen' }).click();

    await expect(page.getByRole('status')).toContainText('De aanmelding is ingediend');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
    dossierUrl = new URL(page.url()).pathname;
  });
  expect(dossierUrl).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);

  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Te toetsen' }).click();
    await page.getByLabel('Minderjarigen betrokken').selectOption('ja');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    const row = page.getByRole('row').filter({ hasText: label });
    await expect(row).toContainText('Ja (1)');
    await expectAccessible(page);
    await row.getByRole('link').click();
    await expect(page.getByRole('cell', { name: 'Yasmine Haddad', exact: true })).toBeVisible();

    // (1) the art. 5 check: all criteria met, the core partners' input round opens
    await checkCriteria(page);
    await expect(page.getByRole('status')).toContainText('De toets aan art. 5 is bewaard');
    await expect(page.getByText(/Gevraagd tot/)).toBeVisible();

    // (2) a minor is involved: ask the VK of the area for its position
    await page
      .getByRole('combobox', { name: 'Gemandateerde voorziening (VK of OCJ) van de regio (verplicht)' })
      .selectOption({ label: 'Vertrouwenscentrum Kindermishandeling Antwerpen' });
    await page
      .getByRole('combobox', { name: 'Opvolging die je voorstelt (verplicht)' })
      .selectOption({ label: 'Opnemen in het Veilig Huis (intersectoraal traject starten)' });
    await page.getByRole('button', { name: 'Standpunt vragen' }).click();
    await expect(page.getByRole('status')).toContainText('Het standpunt van de gemandateerde voorziening is gevraagd');

    // (3) the follow-up decision is refused while the round is open and without the VK's position
    await decideToAdmit(page);
    await expect(page.getByRole('alert').filter({ hasText: 'kunnen nog aanvullen' }).first()).toBeVisible();
    await expect(page.getByLabel('Motivering van de beslissing')).toHaveValue(
      'Hoog risico; een gecoördineerd traject is nodig.',
    );
    await expectAccessible(page);
  });

  const inputs = [
    { email: 'kernpartner.caw@vhd.test', text: 'CAW: begeleiding van moeder sinds voorjaar.' },
    { email: 'kernpartner.politie@vhd.test', text: 'Politie: twee interventies in oktober.' },
  ];
  for (const { email, text } of inputs) {
    await as(browser, email, async (page) => {
      await page.goto(dossierUrl);
      await expect(page.getByText('Geef enkel noodzakelijke, objectieve informatie')).toBeVisible();
      await page.getByRole('radio', { name: 'Gekend en momenteel in begeleiding' }).check();
      await page.getByLabel('Welk traject loopt (of liep) er bij jullie?').fill(text);
      await page
        .getByLabel('Jullie visie op de opvolging in het Veilig Huis')
        .fill('Een traject in het Veilig Huis is aangewezen.');
      await page.getByRole('button', { name: 'Aanvulling bewaren' }).click();
      await expect(page.getByRole('status')).toContainText('Je aanvulling is bewaard');
      await expect(page.getByRole('article').getByText(text)).toBeVisible();
      // the other partner's input is not visible to this partner
      const other = inputs.find((i) => i.email !== email)!;
      await expect(page.getByText(other.text)).toHaveCount(0);
      await expectAccessible(page);
    });
  }

  await as(browser, 'vk.antwerpen@vhd.test', async (page) => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Te beantwoorden' }).click();
    // the VK is also a core partner of this safe house: the request for its position is in its own table
    await page
      .getByRole('table', { name: 'Aanmeldingen waarvoor een standpunt gevraagd is' })
      .getByRole('row')
      .filter({ hasText: label })
      .getByRole('link')
      .click();
    // the referral, not the partners' input nor the coordinator's assessment
    await expect(page.getByRole('cell', { name: 'Yasmine Haddad', exact: true })).toBeVisible();
    for (const { text } of inputs) await expect(page.getByText(text)).toHaveCount(0);
    await expect(page.getByText('Escalerend partnergeweld met een kind als getuige.')).toHaveCount(0);
    await page.getByLabel('Jullie kijk op het risico').fill('Hoog risico voor het kind, getuige van geweld.');
    await page
      .getByRole('group', { name: 'Is een casusoverleg nodig? (verplicht)' })
      .getByRole('radio', { name: 'Ja', exact: true })
      .check();
    await page
      .getByRole('group', { name: 'Standpunt over de voorgestelde opvolging (verplicht)' })
      .getByRole('radio', { name: 'Akkoord', exact: true })
      .check();
    await page.getByLabel('Redenen van jullie standpunt').fill('Een afgestemd traject beschermt het kind.');
    await page.getByRole('button', { name: 'Standpunt bewaren' }).click();
    await expect(page.getByRole('status')).toContainText('Het standpunt van jullie voorziening is bewaard');
    await expectAccessible(page);
  });

  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    await page.goto(dossierUrl);
    for (const { text } of inputs) await expect(page.getByText(text)).toBeVisible();
    await expect(page.getByRole('article', { name: 'Aanvulling van CAW Antwerpen' })).toBeVisible();
    await expect(page.locator('p', { hasText: 'Nog geen aanvulling van:' })).toContainText(
      'Agentschap Justitie en Handhaving',
    );
    await expect(page.getByText('Een afgestemd traject beschermt het kind.')).toBeVisible();
    // close the round before its deadline, with a reason; then decide
    await page
      .getByLabel('Reden om de vraag om aanvulling vóór de termijn af te sluiten')
      .fill('De betrokken kernpartners hebben geantwoord.');
    await page.getByRole('button', { name: 'Vraag om aanvulling afsluiten' }).click();
    await expect(page.getByRole('status')).toContainText('De vraag om aanvulling is afgesloten');
    await decideToAdmit(page);
    await expect(page.getByRole('status')).toContainText('De beslissing is bewaard');
    await expect(page.getByText('Traject in het Veilig Huis').first()).toBeVisible();
    await expectAccessible(page);
  });

  // after the decision the core partners no longer see the referral
  await as(browser, 'kernpartner.caw@vhd.test', async (page) => {
    const response = await page.goto(dossierUrl);
    expect(response?.status()).toBe(404);
  });

  await as(browser, 'aanmelder.huisarts@vhd.test', async (page) => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn aanmeldingen' }).click();
    const row = page.getByRole('row').filter({ hasText: label });
    await expect(row).toContainText('Traject in het Veilig Huis');
    await expect(row).toContainText('Motivering: Hoog risico; een gecoördineerd traject is nodig.');
    await page.goto(dossierUrl);
    await expect(page.getByText('Hoog risico; een gecoördineerd traject is nodig.')).toBeVisible();
    for (const { text } of inputs) await expect(page.getByText(text)).toHaveCount(0);
    await expect(page.getByText('Escalerend partnergeweld met een kind als getuige.')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Aanvullingen van de kernpartners' })).toHaveCount(0);
  });

  await as(browser, 'coordinator.oostvlaanderen@vhd.test', async (page) => {
    const response = await page.goto(dossierUrl);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(label)).toHaveCount(0);
  });
});
