import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../prisma/demo';
import { expectAccessible, login } from './helpers';

/**
 * Issue 13 §1 (ADR 0038): after login each person lands on "Mijn werk" — what waits for them,
 * across their roles, each line linking to where it is done — with the counts in the menu.
 */
const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

/** The count a section's heading shows, e.g. "Aanmeldingen te toetsen (3)" → 3. */
async function sectionCount(page: Page, title: string): Promise<number> {
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^${title} \\(\\d+\\)$`) });
  return Number((await heading.textContent())!.match(/\((\d+)\)$/)![1]);
}

/** The count a menu item carries, as a screen reader reads it: "Te toetsen 3 wachtend" → 3. */
async function menuCount(page: Page, label: string): Promise<number> {
  const link = menu(page).getByRole('link', { name: new RegExp(`^${label} \\d+ wachtend$`) });
  return Number((await link.textContent())!.match(/(\d+)\s*wachtend$/)![1]);
}

/**
 * The menu's counts equal the page's, read from one response. Other specs may add work meanwhile
 * (a new referral), so on a difference the page is read again until both come from one moment.
 */
async function expectMenuMatches(page: Page, pairs: [label: string, titles: string[]][]) {
  await expect(async () => {
    await page.reload();
    for (const [label, titles] of pairs) {
      let sum = 0;
      for (const t of titles) sum += await sectionCount(page, t);
      expect(await menuCount(page, label), label).toBe(sum);
    }
    const total = Number((await page.getByTestId('work-total').textContent())!.match(/(\d+)/)![1]);
    expect(await menuCount(page, 'Mijn werk')).toBe(total);
  }).toPass({ timeout: 60_000 });
}

test('issue 13 §1: the coordinator lands on Mijn werk with referrals, a vote, plans and a transfer, counted in the menu', async ({
  page,
}) => {
  await login(page, 'coordinator.antwerpen@vhd.test', DEMO_PASSWORD, { fresh: true });
  // the login leads to the start page: Mijn werk
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn werk');
  for (const title of [
    'Aanmeldingen te toetsen',
    'Stemmingen die op jou wachten',
    'Plannen van aanpak te versturen',
    'Overdrachten te aanvaarden',
  ]) {
    await expect(page.getByRole('region', { name: new RegExp(`^${title} \\(\\d+\\)$`) })).toBeVisible();
  }
  const triage = page.getByRole('region', { name: /^Aanmeldingen te toetsen/ });
  await expect(triage.getByRole('link', { name: 'Aanmelding VH-ANT-2026-0001 toetsen en beslissen' })).toBeVisible();
  // a line names a dossier by its reference, never by the family's name
  await expect(page.getByRole('main')).not.toContainText('Gezin Peeters');
  await expectMenuMatches(page, [
    ['Te toetsen', ['Aanmeldingen te toetsen']],
    ['Overdrachten', ['Overdrachten te aanvaarden']],
    ['Casusoverleggen', ['Plannen van aanpak te versturen']],
  ]);
  await expectAccessible(page);

  // each line leads to where the work is done
  await page
    .getByRole('link', {
      name: 'Overdracht van VH-OVL-2026-0004 uit Veilig Huis Oost-Vlaanderen aanvaarden of weigeren',
    })
    .click();
  await expect(page).toHaveURL((url) => url.pathname === '/overdrachten');
  await expect(page.getByRole('listitem', { name: 'Overdracht VH-OVL-2026-0004' })).toBeVisible();

  await menu(page)
    .getByRole('link', { name: /^Mijn werk/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn werk');
  await page.getByRole('link', { name: 'Stemmen over een voorstel tot delen in VH-ANT-2026-0002' }).first().click();
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}\/casusoverleg#voorstel-[0-9a-f-]{36}$/);
  const proposalId = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${proposalId}"]`)).toContainText('Stemming loopt');

  // the dossier list moved to its own menu item
  await menu(page).getByRole('link', { name: 'Dossiers' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/dossiers');
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'VH-ANT-2026-0001' })).toBeVisible();
});

test('issue 13 §1: a core partner sees the input round, the vote and the action that fall to them — and not the coordinator’s work', async ({
  page,
}) => {
  await login(page, 'kernpartner.politie@vhd.test');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn werk');
  const input = page.getByRole('region', { name: /^Aanvulling gevraagd aan je organisatie/ });
  await expect(input.getByRole('link', { name: 'Aanvulling bij aanmelding VH-ANT-2026-0004 schrijven' })).toBeVisible();
  await expect(input).toContainText(/op \d/);
  const actions = page.getByRole('region', { name: /^Mijn open acties/ });
  await expect(actions.getByRole('listitem').filter({ hasText: 'VH-ANT-2026-0002' })).toContainText('Binnenkort');
  await expect(
    page
      .getByRole('region', { name: /^Stemmingen die op jou wachten/ })
      .getByRole('link')
      .first(),
  ).toHaveText('Stemmen over een voorstel tot delen in VH-ANT-2026-0002');
  // not the coordinator's: no triage, no transfers, no plans to send
  for (const title of ['Aanmeldingen te toetsen', 'Overdrachten te aanvaarden', 'Plannen van aanpak te versturen']) {
    await expect(page.getByRole('region', { name: new RegExp(`^${title}`) })).toHaveCount(0);
  }
  await expectMenuMatches(page, [
    ['Te beantwoorden', ['Aanvulling gevraagd aan je organisatie']],
    ['Mijn acties', ['Mijn open acties']],
  ]);
  await actions.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}\/casusoverleg#actie-[0-9a-f-]{36}$/);
  await expect(page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`)).toContainText('Huisbezoek bij Amira');
});

test('issue 13 §1: the secrecy acknowledgement and the feedback wait for their own person', async ({ browser }) => {
  for (const [email, title, link, where] of [
    [
      'kernpartner.caw@vhd.test',
      'Geheimhoudingsplicht te bevestigen',
      'Geheimhoudingsplicht bevestigen voor een casus van Veilig Huis Antwerpen',
      '/uitnodigingen',
    ],
    [
      'medewerker.justitiehuis@vhd.test',
      'Terugkoppeling te lezen',
      'Terugkoppeling uit een casusoverleg van Veilig Huis Antwerpen lezen',
      '/terugkoppeling',
    ],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, email);
    await page.goto('/');
    const region = page.getByRole('region', { name: new RegExp(`^${title} \\(1\\)$`) });
    await expect(region).toBeVisible();
    await region.getByRole('link', { name: link }).click();
    await expect(page).toHaveURL((url) => url.pathname === where);
    await context.close();
  }
});

test('issue 13 §1: a role without client work gets its own tools on Mijn werk, not an error', async ({ page }) => {
  await login(page, 'dpo@vhd.test');
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn werk');
  const tools = page.getByRole('region', { name: 'Jouw onderdelen' });
  await expect(tools.getByRole('link', { name: 'Toegangslog' })).toBeVisible();
  await expect(menu(page).getByRole('link', { name: 'Dossiers' })).toHaveCount(0);
  await expectAccessible(page);
});
