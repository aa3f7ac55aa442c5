import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { as, dossierHref, expectAccessible, login } from './helpers';
import { secondPort } from '../../playwright.config';

/**
 * Consensus-gated disclosure (art. 14 §2), live, with three participants of VH-ANT-2026-0002 in
 * three browser contexts — one of them on a second app instance, so the live update has to
 * cross instances through PostgreSQL. Nobody reloads: the screens update by themselves.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(150_000);

const PARTICIPANTS = [
  'kernpartner.politie@vhd.test',
  'deelnemer.justitiehuis@vhd.test',
  'casusregisseur.caw@vhd.test',
] as const;

async function openAll(browser: Browser): Promise<{ contexts: BrowserContext[]; pages: Page[]; url: string }> {
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  let url = '';
  for (const [i, email] of PARTICIPANTS.entries()) {
    const context = await browser.newContext(i === 1 ? { baseURL: `http://127.0.0.1:${secondPort}` } : {});
    const page = await context.newPage();
    await login(page, email);
    if (!url) url = `${await dossierHref(page, 'VH-ANT-2026-0002')}/casusoverleg`;
    await page.goto(url);
    await expect(page.locator('[data-live="verbonden"]')).toBeVisible();
    contexts.push(context);
    pages.push(page);
  }
  return { contexts, pages, url };
}

/** Now on the Brussels wall clock, as a datetime-local field takes it ('YYYY-MM-DDTHH:MM'). */
const brusselsNow = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels', dateStyle: 'short', timeStyle: 'short' })
    .format(new Date())
    .replace(' ', 'T');

const proposalCard = (page: Page, marker: string) => page.getByRole('article').filter({ hasText: marker });

async function propose(page: Page, opts: { member: RegExp; item: RegExp; sharer: RegExp; marker: string }) {
  const form = page.getByRole('form', { name: 'Nieuw voorstel tot delen' });
  await form.getByRole('radio', { name: /Met een lid van het cliëntsysteem/ }).check();
  await form.getByLabel('Met welk lid (bij delen met een lid)').selectOption({
    label: (await form.getByLabel('Met welk lid (bij delen met een lid)').locator('option').allTextContents()).find(
      (t) => opts.member.test(t),
    )!,
  });
  await form.getByRole('checkbox', { name: opts.item }).check();
  await form.getByLabel('Wie deelt de informatie').selectOption({
    label: (await form.getByLabel('Wie deelt de informatie').locator('option').allTextContents()).find((t) =>
      opts.sharer.test(t),
    )!,
  });
  await form.getByRole('radio', { name: /veiligheid van een of meer leden/ }).check();
  await form.getByLabel('Waarom is dit noodzakelijk?').fill(opts.marker);
  await form.getByRole('button', { name: 'Voorstel indienen' }).click();
}

test('art. 14 §2: a proposal reaches consensus of all participants and the chair live on every screen; only the named participant marks it shared', async ({
  browser,
}) => {
  const { contexts, pages, url } = await openAll(browser);
  const [politie, justitie, regisseur] = pages as [Page, Page, Page];
  const marker = `Amira moet weten dat haar klacht geregistreerd is ${Date.now().toString(36)}`;

  await propose(politie, {
    member: /^Amira Janssens/,
    item: /Amira diende op 2 november/,
    sharer: /Bram Kernpartner/,
    marker,
  });
  await expect(proposalCard(politie, marker)).toContainText('Stemming loopt');
  // the others see the proposal appear without reloading (one of them on the other instance)
  for (const page of [justitie, regisseur]) await expect(proposalCard(page, marker)).toContainText('Stemming loopt');
  await expectAccessible(justitie);

  for (const page of [politie, justitie]) {
    await proposalCard(page, marker).getByRole('button', { name: 'Akkoord' }).click();
    await expect(proposalCard(page, marker).getByRole('button', { name: 'Akkoord' })).toHaveCount(0);
  }
  // still open: not everyone agreed; nobody may mark it shared yet
  await expect(proposalCard(regisseur, marker)).toContainText('Stemming loopt');
  await expect(
    proposalCard(politie, marker).getByRole('button', { name: 'Registreren dat ik gedeeld heb' }),
  ).toHaveCount(0);
  await expect(proposalCard(regisseur, marker).getByText('Eva Deelnemer: akkoord')).toBeVisible();

  await proposalCard(regisseur, marker).getByRole('button', { name: 'Akkoord' }).click();
  await expect(proposalCard(regisseur, marker).getByRole('button', { name: 'Akkoord' })).toHaveCount(0);
  // every participant agreed, but the coordinator who chairs the session must agree too (art. 14 §2)
  for (const page of pages) await expect(proposalCard(page, marker)).toContainText('Stemming loopt');
  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    await page.goto(url);
    await expect(proposalCard(page, marker)).toContainText('(voorzitter): nog niet gestemd');
    await proposalCard(page, marker).getByRole('button', { name: 'Akkoord' }).click();
    await expect(proposalCard(page, marker)).toContainText('Consensus: mag gedeeld worden');
  });
  for (const page of pages) await expect(proposalCard(page, marker)).toContainText('Consensus: mag gedeeld worden');
  // only the named sharer gets the button
  await expect(
    proposalCard(justitie, marker).getByRole('button', { name: 'Registreren dat ik gedeeld heb' }),
  ).toHaveCount(0);
  // the sharer records when and how the information was given to the member (ADR 0037)
  const card = proposalCard(politie, marker);
  await card.getByLabel('Wanneer gaf je de informatie aan het lid?').fill(brusselsNow());
  await card.getByLabel('Hoe gaf je ze (gesprek, telefoon, brief, …)?').fill('Gesprek op het politiekantoor');
  await card.getByRole('button', { name: 'Registreren dat ik gedeeld heb' }).click();
  for (const page of pages)
    await expect(proposalCard(page, marker).getByTestId('proposal-status')).toContainText('Gedeeld');
  await expect(proposalCard(justitie, marker).getByTestId('disclosure-given')).toContainText(
    'door Inspecteur Bram Kernpartner (Gesprek op het politiekantoor)',
  );
  expect(url).toMatch(/casusoverleg$/);
  for (const c of contexts) await c.close();
});

test('a single objection blocks the disclosure on every screen', async ({ browser }) => {
  const { contexts, pages } = await openAll(browser);
  const [politie, justitie, regisseur] = pages as [Page, Page, Page];
  const marker = `Hassan moet de voorwaarden kennen ${Date.now().toString(36)}`;
  await propose(justitie, {
    member: /^Hassan Janssens/,
    item: /Voor Hassan loopt een opvolging/,
    sharer: /Eva Deelnemer/,
    marker,
  });
  for (const page of pages) await expect(proposalCard(page, marker)).toContainText('Stemming loopt');
  await proposalCard(justitie, marker).getByRole('button', { name: 'Akkoord' }).click();
  await proposalCard(politie, marker).getByRole('button', { name: 'Bezwaar' }).click();
  for (const page of pages) {
    await expect(proposalCard(page, marker)).toContainText('Geblokkeerd (bezwaar)');
    await expect(proposalCard(page, marker).getByRole('button', { name: 'Akkoord' })).toHaveCount(0);
  }
  await expect(proposalCard(regisseur, marker).getByText('Bram Kernpartner: bezwaar')).toBeVisible();
  for (const c of contexts) await c.close();
});

test('information about another member cannot be proposed for this member', async ({ page }) => {
  await login(page, 'kernpartner.politie@vhd.test');
  await page.goto(`${await dossierHref(page, 'VH-ANT-2026-0002')}/casusoverleg`);
  await propose(page, {
    member: /^Amira Janssens/,
    item: /Voor Hassan loopt een opvolging/,
    sharer: /Bram Kernpartner/,
    marker: 'Poging om informatie over Hassan aan Amira te geven.',
  });
  await expect(page.getByRole('alert').filter({ hasText: 'uitsluitend dat lid betreft' })).toBeVisible();
  await expect(page.getByLabel('Waarom is dit noodzakelijk?')).toHaveValue(
    'Poging om informatie over Hassan aan Amira te geven.',
  );
});

test('a participant of one case gets 404 on another case', async ({ browser }) => {
  const coordinator = await browser.newContext();
  const cPage = await coordinator.newPage();
  await login(cPage, 'coordinator.antwerpen@vhd.test');
  const other = await dossierHref(cPage, 'VH-ANT-2026-0001');
  await coordinator.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'deelnemer.justitiehuis@vhd.test');
  for (const path of [`${other}/casusoverleg`, other]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Gezin Peeters')).toHaveCount(0);
  }
  const pdf = await page.request.get(`/api/v1/dossiers/${other.split('/').pop()}/verslag`);
  expect(pdf.status()).toBe(404);
  const events = await page.request.get(`/api/v1/dossiers/${other.split('/').pop()}/events`);
  expect(events.status()).toBe(404);
  await context.close();
});

test('an invited expert accepts, acknowledges the secrecy, and then sees the case without identities', async ({
  page,
}) => {
  await login(page, 'medewerker.cgg@vhd.test');
  // before: the case is not among their dossiers
  await expect(page.getByRole('link', { name: 'VH-ANT-2026-0002' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitnodigingen' }).click();
  const invitation = page.getByRole('listitem').filter({ hasText: 'Veilig Huis Antwerpen: casusoverleg op' });
  await expect(invitation).toContainText('Specifieke expertise');
  await expect(page.getByText('Janssens')).toHaveCount(0);
  const acceptForm = page.getByRole('form', { name: 'Uitnodiging aanvaarden' });
  await acceptForm.getByRole('radio', { name: 'Rechtstreeks betrokken medewerker' }).check();
  await acceptForm.getByRole('button', { name: 'Aanvaarden' }).click();
  await expect(page.getByRole('status')).toContainText('Je antwoord is bewaard');
  await expectAccessible(page);

  // accepted but not yet acknowledged: still nothing of the case
  await page.goto('/dossiers');
  await expect(page.getByRole('link', { name: 'VH-ANT-2026-0002' })).toHaveCount(0);
  await page.goto('/uitnodigingen');
  const ack = page.getByRole('form', { name: 'Geheimhoudingsplicht bevestigen' });
  await ack.getByRole('button', { name: 'Bevestigen en de casus openen' }).click();
  await expect(ack.getByRole('alert')).toContainText('Bevestig de geheimhoudingsplicht');
  await ack.getByRole('checkbox', { name: /Ik ken de geheimhoudingsplicht van art\. 458ter §2 Sw\./ }).check();
  await ack.getByRole('button', { name: 'Bevestigen en de casus openen' }).click();
  await expect(page.getByRole('status')).toContainText('Je hebt de geheimhoudingsplicht bevestigd');

  await page.goto(`${await dossierHref(page, 'VH-ANT-2026-0002')}/casusoverleg`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cliëntsysteem VH-ANT-2026-0002');
  await expect(page.getByText('zonder identificerende gegevens')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Leden van het cliëntsysteem' }).first()).toContainText(
    /Lid \d \(Slachtoffer\)/,
  );
  await expect(page.getByRole('region', { name: 'Leden van het cliëntsysteem' }).first()).not.toContainText('Janssens');
});
