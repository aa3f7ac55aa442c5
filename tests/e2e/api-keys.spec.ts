import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login } from './helpers';

/**
 * API keys for partner systems (issue 14 §2; ADR 0045): the functional administrator makes a key
 * under /beheer/api-sleutels and sees it once; the key works with fetch against the API (the safe
 * houses, a referral submitted, the list of its own referrals); the administrator revokes it and
 * the next call is refused with 401. Keyboard only for the form, axe on the page.
 */
const ADMIN = 'beheerder@vhd.test';
const ORGANISATION = 'Centrum Geestelijke Gezondheidszorg Vagga';

async function callApi(page: Page, key: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([k, p, b]) => {
      const res = await fetch(p as string, {
        method: b === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${k}`,
          ...(b === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: await res.json() };
    },
    [key, path, body] as const,
  );
}

test('the administrator makes an API key, sees it once; it works against the API until it is revoked', async ({
  page,
}) => {
  const name = `Registratiesysteem e2e ${Date.now()}`;
  await login(page, ADMIN);
  await page.goto('/beheer');
  await page.getByRole('link', { name: 'API-sleutels' }).click();
  await expect(page.getByRole('heading', { name: 'API-sleutels', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // the form, by keyboard: labels lead to each field
  const form = page.getByRole('form', { name: 'Nieuwe API-sleutel' });
  await form.getByLabel(/^Organisatie/).focus();
  await page.keyboard.press('Tab'); // to "Naam van de sleutel"
  await page.keyboard.type(name);
  await form.getByLabel(/^Organisatie/).selectOption({ label: ORGANISATION });
  await expect(form.getByRole('checkbox', { name: /referrals:write/ })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: /referrals:read/ })).toBeChecked();
  await form.getByRole('button', { name: 'Sleutel aanmaken' }).focus();
  await page.keyboard.press('Enter');

  const shown = page.getByTestId('new-api-key');
  await expect(shown.getByRole('heading', { name: `Sleutel “${name}” aangemaakt` })).toBeVisible();
  const field = shown.getByLabel('API-sleutel');
  await expect(field).toBeFocused();
  const key = await field.inputValue();
  expect(key).toMatch(/^vhd_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  // once: after a reload only its beginning is listed
  await page.reload();
  await expect(page.getByRole('heading', { name: 'API-sleutels', level: 1 })).toBeVisible();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(17));
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`vhd_${key.slice(4, 16)}_…`);
  await expect(row).toContainText('actief');
  await expect(row).toContainText('nog niet');

  // the key works with fetch: the safe houses, a referral, the organisation's own referrals
  const houses = await callApi(page, key, '/api/v1/veilige-huizen');
  expect(houses.status).toBe(200);
  const antwerpen = houses.body.items.find((h: { name: string }) => h.name === 'Veilig Huis Antwerpen');
  expect(antwerpen).toBeTruthy();
  const refused = await callApi(page, key, '/api/v1/aanmeldingen', { safeHouseId: antwerpen.id });
  expect(refused.status).toBe(422);
  expect(refused.body.errors.clientSystemLabel).toContain('Geef het cliëntsysteem een korte naam');
  const submitted = await callApi(page, key, '/api/v1/aanmeldingen', {
    safeHouseId: antwerpen.id,
    clientSystemLabel: 'Gezin Apitest',
    members: [{ memberRole: 'VICTIM', firstName: 'Ada', lastName: 'Apitest', isMinor: 'nee', sex: 'FEMALE' }],
    violenceForms: ['PARTNER_VIOLENCE'],
    violenceTypes: ['PSYCHOLOGICAL'],
    situation: 'Aanhoudende dreigementen en controle na de scheiding.',
    actionsTaken: 'Gesprekken in het centrum.',
    riskAnswers: Object.fromEntries(
      [
        'recentPhysical',
        'escalation',
        'strangulation',
        'deathThreats',
        'separation',
        'weapons',
        'pregnancyOrInfant',
        'childrenExposed',
        'controlStalking',
        'substanceUse',
        'mentalHealthOrSuicide',
        'breachOfMeasures',
        'victimFear',
        'honourPressure',
        'isolation',
      ].map((k) => [k, 'UNKNOWN']),
    ),
    riskJudgement: 'ELEVATED',
    riskJudgementReason: 'Controle en dreiging nemen toe.',
    clientInformed: 'ja',
  });
  expect(submitted.status).toBe(201);
  expect(submitted.body.reference).toMatch(/^VH-ANT-/);
  const list = await callApi(page, key, '/api/v1/aanmeldingen');
  expect(list.status).toBe(200);
  expect(list.body.items.map((i: { id: string }) => i.id)).toContain(submitted.body.id);
  expect(JSON.stringify(list.body)).not.toContain('Apitest');

  // the list shows the last use; revoke it
  await page.reload();
  const used = page.getByRole('row').filter({ hasText: name });
  await expect(used).not.toContainText('nog niet');
  await used.getByRole('button', { name: 'Intrekken' }).click();
  await expect(page.getByText('De API-sleutel is ingetrokken.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('ingetrokken op');
  await expectAccessible(page);

  // it stops working at once
  const after = await callApi(page, key, '/api/v1/aanmeldingen');
  expect(after.status).toBe(401);
  expect(after.body).toEqual({ type: 'urn:vhd:problem:unauthorized', title: 'Geen geldige API-sleutel.', status: 401 });
});
