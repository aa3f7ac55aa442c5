import { expect, test, type Page } from '@playwright/test';
import { as, completeReferral, expectAccessible } from './helpers';

/**
 * Issue 12, "Done when": the whole new sequence of the decree in Chromium, each step by a real
 * user in the browser — the referrer, the coordinator, two core partners, a VK consultant and
 * three participants of the case conference:
 *   art. 5 check → core partners' input round (art. 11, 2nd para) and the VK's own position
 *   (art. 5, 2nd para) → round closed early with a reason → follow-up decision (trajectory) →
 *   a session planned, three organisations invited, accepted with the secrecy of art. 458ter §2
 *   Sw. acknowledged → session opened, information brought in, a disclosure proposed and agreed
 *   by all participants and the chair (art. 13, art. 14 §2) → session closed → minutes final and
 *   plan distributed (seed 004) → the referrer sees the outcome meant for them.
 */
test.setTimeout(600_000);

const COORDINATOR = 'coordinator.antwerpen@vhd.test';
const REFERRER = 'aanmelder.huisarts@vhd.test';
const VK = 'vk.antwerpen@vhd.test';
const ADMIT = 'Opnemen in het Veilig Huis (intersectoraal traject starten)';

/** Core partners of Veilig Huis Antwerpen asked for input before the decision. */
const CORE_PARTNERS = [
  { email: 'kernpartner.caw@vhd.test', text: 'CAW: begeleiding van de moeder sinds het voorjaar.' },
  { email: 'kernpartner.politie@vhd.test', text: 'Politie: twee interventies aan huis in oktober.' },
] as const;

/** The three organisations invited to the case conference, and what each brings in. */
const PARTICIPANTS = [
  {
    email: 'kernpartner.politie@vhd.test',
    addressee: 'Inspecteur Bram Kernpartner (Politiezone Antwerpen)',
    category: '9. Politiële en gerechtelijke gegevens',
    member: /^Yasmine Haddad/,
    info: 'Yasmine diende op 3 november klacht in; die is geregistreerd.',
  },
  {
    email: 'deelnemer.justitiehuis@vhd.test',
    addressee: 'Eva Deelnemer (Justitiehuis Antwerpen)',
    category: '9. Politiële en gerechtelijke gegevens',
    member: null,
    info: 'De ex-partner heeft een opvolging bij het justitiehuis met een contactverbod.',
  },
  {
    email: 'casusregisseur.caw@vhd.test',
    addressee: 'Tom Casusregisseur (CAW Antwerpen)',
    category: '11. Risicosituaties en risicogedrag',
    member: null,
    info: 'Het CAW ziet de moeder wekelijks; het kind praat over angst bij overdrachten.',
  },
] as const;

/** Now on the Brussels wall clock, shifted by `minutes`: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
function brussels(minutes = 0) {
  const [date, time] = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Brussels',
    dateStyle: 'short',
    timeStyle: 'short',
  })
    .format(new Date(Date.now() + minutes * 60_000))
    .split(' ');
  return { date: date!, time: time! };
}

/** Follows a link of the main menu and waits until its page is there. */
async function menu(page: Page, name: string, path: string) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();
  await expect(page).toHaveURL((url) => url.pathname === path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Picks the option of a select whose text matches. */
async function selectMatching(page: Page, label: string, pattern: RegExp) {
  const select = page.getByLabel(label);
  const texts = await select.locator('option').allTextContents();
  const match = texts.find((t) => pattern.test(t));
  expect(match, `an option matching ${pattern} in "${label}"`).toBeTruthy();
  await select.selectOption({ label: match! });
}

test('issue 12: referral → art. 5 check → input round and VK position → decision → conference → plan distributed → outcome to the referrer', async ({
  browser,
}) => {
  const marker = `E2E-${Date.now().toString(36)}`;
  const label = `Gezin ${marker}`;
  const location = `Vergaderzaal 2 (${marker})`;
  const outcome = `Opgenomen in het Veilig Huis; de huisarts volgt de medische opvolging verder op (${marker}).`;
  let dossierUrl = '';
  let sessionUrl = '';

  // 1. The referrer submits a referral with a minor member.
  await as(browser, REFERRER, async (page) => {
    await menu(page, 'Mijn aanmeldingen', '/aanmeldingen');
    await page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await expect(page.getByRole('heading', { name: 'Nieuwe aanmelding' })).toBeVisible();
    await page.getByLabel('Veilig Huis').selectOption({ label: 'Veilig Huis Antwerpen' });
    await page.getByLabel('Korte naam van het cliëntsysteem').fill(label);
    await page.getByRole('group', { name: 'Lid 1' }).getByLabel('Voornaam').fill('Yasmine');
    await completeReferral(page);
    await page.getByRole('button', { name: 'Aanmelding indienen' }).click();
    await expect(page.getByRole('status')).toContainText('De aanmelding is ingediend');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
    dossierUrl = new URL(page.url()).pathname;
  });
  expect(dossierUrl).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);

  // 2. The coordinator records the art. 5 check (the input round opens with a deadline) and asks the VK.
  await as(browser, COORDINATOR, async (page) => {
    await menu(page, 'Te toetsen', '/triage');
    await page.getByRole('row').filter({ hasText: label }).getByRole('link').click();
    await expect(page.getByRole('cell', { name: 'Yasmine Haddad', exact: true })).toBeVisible();
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
    await expect(page.getByRole('status')).toContainText('De toets aan art. 5 is bewaard');
    await expect(page.getByText(/Gevraagd tot/)).toBeVisible();

    await page
      .getByRole('combobox', { name: 'Gemandateerde voorziening (VK of OCJ) van de regio (verplicht)' })
      .selectOption({ label: 'Vertrouwenscentrum Kindermishandeling Antwerpen' });
    await page.getByRole('combobox', { name: 'Opvolging die je voorstelt (verplicht)' }).selectOption({ label: ADMIT });
    await page.getByRole('button', { name: 'Standpunt vragen' }).click();
    await expect(page.getByRole('status')).toContainText('Het standpunt van de gemandateerde voorziening is gevraagd');
  });

  // 3. Two core partners find the referral under "Te beantwoorden" and give input; neither sees the other's.
  for (const { email, text } of CORE_PARTNERS) {
    await as(browser, email, async (page) => {
      await menu(page, 'Te beantwoorden', '/te-beantwoorden');
      const row = page
        .getByRole('region', { name: 'Aanmeldingen die op jullie aanvulling wachten' })
        .getByRole('row')
        .filter({ hasText: label });
      await expect(row).toContainText('Nog niet gegeven');
      await row.getByRole('link').click();
      await expect(page.getByText('Geef enkel noodzakelijke, objectieve informatie')).toBeVisible();
      await page.getByRole('radio', { name: 'Gekend en momenteel in begeleiding' }).check();
      await page.getByLabel('Welk traject loopt (of liep) er bij jullie?').fill(text);
      await page
        .getByLabel('Jullie visie op de opvolging in het Veilig Huis')
        .fill('Een traject in het Veilig Huis is aangewezen.');
      await page.getByRole('button', { name: 'Aanvulling bewaren' }).click();
      await expect(page.getByRole('status')).toContainText('Je aanvulling is bewaard');
      await expect(page.getByRole('article').getByText(text)).toBeVisible();
      for (const other of CORE_PARTNERS.filter((p) => p.email !== email)) {
        await expect(page.getByText(other.text)).toHaveCount(0);
      }
    });
  }

  // 4. The VK consultant records the agency's view and position.
  await as(browser, VK, async (page) => {
    await menu(page, 'Te beantwoorden', '/te-beantwoorden');
    await page
      .getByRole('region', { name: 'Standpunt gevraagd aan jullie voorziening' })
      .getByRole('row')
      .filter({ hasText: label })
      .getByRole('link')
      .click();
    await expect(page.getByRole('cell', { name: 'Yasmine Haddad', exact: true })).toBeVisible();
    for (const { text } of CORE_PARTNERS) await expect(page.getByText(text)).toHaveCount(0);
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
  });

  // 5. The coordinator closes the round early with a reason and decides: trajectory in the Veilig Huis.
  await as(browser, COORDINATOR, async (page) => {
    await page.goto(dossierUrl);
    for (const { text } of CORE_PARTNERS) await expect(page.getByText(text)).toBeVisible();
    await expect(page.getByText('Een afgestemd traject beschermt het kind.')).toBeVisible();
    await page
      .getByLabel('Reden om de vraag om aanvulling vóór de termijn af te sluiten')
      .fill('De betrokken kernpartners hebben geantwoord.');
    await page.getByRole('button', { name: 'Vraag om aanvulling afsluiten' }).click();
    await expect(page.getByRole('status')).toContainText('De vraag om aanvulling is afgesloten');
    await page
      .getByRole('combobox', { name: 'Beslissing over de opvolging (verplicht)' })
      .selectOption({ label: ADMIT });
    await page.getByLabel('Motivering van de beslissing').fill('Hoog risico; een gecoördineerd traject is nodig.');
    await page.getByRole('button', { name: 'Beslissing bewaren' }).click();
    await expect(page.getByRole('status')).toContainText('De beslissing is bewaard');
    await expect(page.getByText('Traject in het Veilig Huis').first()).toBeVisible();

    // 6. A session with this case on its agenda (started a few minutes ago, so its plan is due now).
    await menu(page, 'Casusoverleggen', '/overleggen');
    const start = brussels(-10);
    const later = brussels(50);
    const end = later.date === start.date ? later.time : '23:59';
    await page.getByLabel(/^Datum/).fill(start.date);
    await page.getByLabel(/^Beginuur/).fill(start.time);
    await page.getByLabel(/^Einduur/).fill(end);
    await page.getByLabel(/^Plaats of link van het online overleg/).fill(location);
    await page.getByRole('checkbox', { name: new RegExp(label) }).check();
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByRole('listitem').filter({ hasText: location }).getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Status: Gepland' })).toBeVisible();
    sessionUrl = new URL(page.url()).pathname;

    for (const p of PARTICIPANTS) {
      const invite = page.getByRole('form', { name: /^Uitnodigen voor VH-ANT-/ });
      await invite.getByLabel(/^Aan wie/).selectOption({ label: p.addressee });
      await invite.getByRole('radio', { name: 'Betrokkenheid bij en kennis van het cliëntsysteem' }).check();
      await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await expect(page.getByRole('status')).toContainText('De uitnodiging is verstuurd');
      await expect(page.getByRole('listitem').filter({ hasText: `aan ${p.addressee.split(' (')[0]}` })).toContainText(
        'Wacht op antwoord',
      );
    }
    await expectAccessible(page);
  });
  expect(sessionUrl).toMatch(/^\/overleggen\/[0-9a-f-]{36}$/);

  // Each invitee accepts, names themselves as the attendee and acknowledges the secrecy.
  for (const p of PARTICIPANTS) {
    await as(browser, p.email, async (page) => {
      await menu(page, 'Uitnodigingen', '/uitnodigingen');
      const invitation = page.getByRole('listitem').filter({ hasText: location });
      const accept = invitation.getByRole('form', { name: 'Uitnodiging aanvaarden' });
      await expect(accept.getByLabel(/^Wie neemt deel\?/)).toHaveValue(/.+/);
      await accept.getByRole('radio', { name: 'Rechtstreeks betrokken medewerker' }).check();
      await accept.getByRole('button', { name: 'Aanvaarden' }).click();
      await expect(page.getByRole('status')).toContainText('Je antwoord is bewaard');
      const ack = page.getByRole('form', { name: 'Geheimhoudingsplicht bevestigen' });
      await expect(ack).toHaveCount(1);
      await ack.getByRole('checkbox', { name: /Ik ken de geheimhoudingsplicht van art\. 458ter §2 Sw\./ }).check();
      await ack.getByRole('button', { name: 'Bevestigen en de casus openen' }).click();
      await expect(page.getByRole('status')).toContainText('Je hebt de geheimhoudingsplicht bevestigd');
    });
  }

  // The coordinator sees the three participants and opens the session.
  await as(browser, COORDINATOR, async (page) => {
    await page.goto(sessionUrl);
    for (const p of PARTICIPANTS) {
      await expect(
        page
          .getByRole('listitem')
          .filter({ hasText: `${p.addressee.split(' (')[0]} (` })
          .filter({
            hasText: 'geheimhoudingsplicht bevestigd',
          }),
      ).not.toHaveCount(0);
    }
    await page.getByRole('button', { name: 'Overleg openen' }).click();
    await expect(page.getByRole('heading', { name: 'Status: Geopend' })).toBeVisible();
  });

  // 7. During the open session each participant brings in information.
  const conferenceUrl = `${dossierUrl}/casusoverleg`;
  for (const p of PARTICIPANTS) {
    await as(browser, p.email, async (page) => {
      await page.goto(conferenceUrl);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
      const form = page.getByRole('form', { name: 'Informatie inbrengen' });
      await form.getByLabel('Categorie van gegevens (art. 15, § 1)').selectOption({ label: p.category });
      if (p.member) {
        const select = form.getByLabel('Over welk lid gaat deze informatie?');
        const option = (await select.locator('option').allTextContents()).find((t) => p.member.test(t));
        expect(option).toBeTruthy();
        await select.selectOption({ label: option! });
      }
      await form.getByRole('textbox', { name: /^Informatie/ }).fill(p.info);
      await form.getByRole('button', { name: 'Informatie inbrengen' }).click();
      await expect(
        page.getByRole('region', { name: 'Ingebrachte informatie' }).getByRole('paragraph').filter({ hasText: p.info }),
      ).toBeVisible();
    });
  }

  // The police proposes to tell Yasmine that her complaint is registered; all participants and the chair agree.
  const necessity = `Yasmine moet weten dat haar klacht geregistreerd is (${marker}).`;
  const card = (page: Page) => page.getByRole('article').filter({ hasText: necessity });
  await as(browser, PARTICIPANTS[0].email, async (page) => {
    await page.goto(conferenceUrl);
    const form = page.getByRole('form', { name: 'Nieuw voorstel tot delen' });
    await form.getByRole('radio', { name: /Met een lid van het cliëntsysteem/ }).check();
    await selectMatching(page, 'Met welk lid (bij delen met een lid)', /^Yasmine Haddad/);
    await form.getByRole('checkbox', { name: new RegExp(PARTICIPANTS[0].info.slice(0, 30)) }).check();
    await selectMatching(page, 'Wie deelt de informatie', /Bram Kernpartner/);
    await form.getByRole('radio', { name: /veiligheid van een of meer leden/ }).check();
    await form.getByLabel('Waarom is dit noodzakelijk?').fill(necessity);
    await form.getByRole('button', { name: 'Voorstel indienen' }).click();
    await expect(card(page)).toContainText('Stemming loopt');
  });
  for (const p of PARTICIPANTS) {
    await as(browser, p.email, async (page) => {
      await page.goto(conferenceUrl);
      // every participant sees what the others brought in during this session
      for (const q of PARTICIPANTS) await expect(page.getByText(q.info).first()).toBeVisible();
      await card(page).getByRole('button', { name: 'Akkoord' }).click();
      await expect(card(page).getByRole('button', { name: 'Akkoord' })).toHaveCount(0);
      await expect(card(page)).toContainText('Stemming loopt');
    });
  }
  await as(browser, COORDINATOR, async (page) => {
    await page.goto(conferenceUrl);
    await expect(card(page)).toContainText('(voorzitter): nog niet gestemd');
    await card(page).getByRole('button', { name: 'Akkoord' }).click();
    await expect(card(page)).toContainText('Consensus: mag gedeeld worden');

    // the coordinator closes the session
    await page.goto(sessionUrl);
    const close = page.getByRole('form', { name: 'Overleg afsluiten' });
    await close.getByRole('checkbox', { name: 'Ik sluit dit overleg definitief af' }).check();
    await close.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await expect(page.getByRole('heading', { name: 'Status: Afgesloten' })).toBeVisible();

    // 8. Minutes, made final with the outcome for the referrer; then the plan is sent.
    await page.goto(conferenceUrl);
    const minutes = page.getByRole('form', { name: 'Verslag', exact: true });
    await minutes.getByLabel(/^Verslag \(optioneel/).fill(`Overleg gehouden; consensus over het delen met Yasmine.`);
    await minutes.getByRole('button', { name: 'Verslag bewaren' }).click();
    // wait for the server's answer: the page renders again then, and would clear a field filled before it
    await expect(page.getByRole('status').filter({ hasText: 'Het verslag is bewaard.' })).toBeVisible();
    await expect(
      page.getByRole('form', { name: 'Verslag', exact: true }).getByLabel(/^Verslag \(optioneel/),
    ).toHaveValue(/consensus over het delen met Yasmine/);
    const distribution = page.getByRole('region', {
      name: 'Verslag definitief maken en plan van aanpak versturen',
    });
    const finalise = distribution.getByRole('form', { name: 'Verslag definitief maken' });
    await finalise.getByLabel(/^Terugmelding aan de aanmelder/).fill(outcome);
    await finalise.getByRole('button', { name: 'Verslag definitief maken' }).click();
    await expect(distribution).toContainText('definitief sinds');
    await distribution
      .getByRole('form', { name: 'Plan van aanpak versturen' })
      .getByRole('button', { name: 'Plan van aanpak versturen' })
      .click();
    await expect(distribution).toContainText('verstuurd op');
    for (const p of PARTICIPANTS) await expect(distribution).toContainText(`${p.addressee.split(' (')[0]} — deelnemer`);
    await expectAccessible(page);
  });

  // The referrer sees the outcome meant for them on "Mijn aanmeldingen", not the content of the conference.
  await as(browser, REFERRER, async (page) => {
    await menu(page, 'Mijn aanmeldingen', '/aanmeldingen');
    const row = page.getByRole('row').filter({ hasText: label });
    await expect(row).toContainText('Terugmelding na het casusoverleg');
    await expect(row).toContainText(outcome);
    await page.goto(dossierUrl);
    for (const p of PARTICIPANTS) await expect(page.getByText(p.info)).toHaveCount(0);
    await expect(page.getByText(necessity)).toHaveCount(0);
  });
});
