import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

/** Art. 8 / 15 §4: anonymised statistics; analysts see aggregates only and never a dossier. */
test('the analyst sees suppressed aggregates and a CSV export, and no dossier', async ({ page }) => {
  await login(page, 'analist@vhd.test');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Statistieken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Statistieken');
  // only whole quarters and years exist (art. 15 §4); the demo data are of this year
  await expect(page.getByLabel('Periode').locator('option')).not.toHaveCount(0);
  await page.getByLabel('Periode').selectOption(String(new Date().getFullYear()));
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await expect(page).toHaveURL(new RegExp(`periode=${new Date().getFullYear()}`));
  // the demo has fewer than 5 referrals per safe house: every small count is suppressed
  await expect(page.getByText('< 5').first()).toBeVisible();
  for (const name of ['Peeters', 'Janssens', 'De Smet', 'VH-ANT-2026-0001'])
    await expect(page.getByText(name)).toHaveCount(0);
  await expectAccessible(page);
  const csv = await page.request.get(
    (await page.getByRole('link', { name: /Exporteren als CSV/ }).getAttribute('href')) ?? '',
  );
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const body = await csv.text();
  expect(body).toContain('<5');
  expect(body).not.toMatch(/Peeters|Janssens|VH-ANT-2026/);
  const dossier = await page.request.get('/api/v1/dossiers/00000000-0000-4000-8000-000000000000/verslag');
  expect(dossier.status()).toBe(404);
});

test('roles without statistics get 404 on the page and the export', async ({ page }) => {
  await login(page, 'dpo@vhd.test');
  expect((await page.goto('/statistieken'))?.status()).toBe(404);
  expect((await page.request.get('/api/v1/statistieken')).status()).toBe(404);
});

test('art. 15 §4: a free date range is refused by the export', async ({ page }) => {
  await login(page, 'analist@vhd.test');
  const res = await page.request.get('/api/v1/statistieken?van=2026-02-01&tot=2026-06-30');
  expect(res.status()).toBe(422);
  expect(await res.text()).toContain('kwartaal of per jaar');
});
