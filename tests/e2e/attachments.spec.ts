import { expect, test } from '@playwright/test';
import { as, dossierHref, expectAccessible } from './helpers';

/**
 * Issue 13 §3 in Chromium (ADR 0040): the coordinator uploads a PDF to a dossier, sees it listed
 * and downloads it (never cached, never inline, never sniffed); a file whose content is not an
 * allowed type is refused at the file field, whatever its name; a participant brings a document
 * in during the open session; someone without access gets "not found".
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
/** A Windows executable ("MZ"), named .pdf */
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(0x3a),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(0x40),
  Buffer.from('PE\0\0', 'binary'),
  Buffer.alloc(128),
]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(32),
]);

let dossierUrl = '';
let downloadUrl = '';

test('issue 13 §3: the coordinator uploads a PDF, sees it listed and downloads it with safe headers', async ({
  browser,
}) => {
  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    dossierUrl = await dossierHref(page, 'VH-ANT-2026-0002');
    await page.goto(dossierUrl);
    const section = page.getByRole('region', { name: 'Bijlagen' });
    // the demo attachment
    await expect(section.getByRole('link', { name: /Veiligheidsplan ontwerp\.pdf/ })).toBeVisible();
    const form = section.getByRole('form', { name: 'Bijlage toevoegen' });
    const fileField = form.getByLabel('Bestand');
    await expect(fileField).toHaveAccessibleDescription(/hoogstens 20 MB/);
    await fileField.setInputFiles({ name: 'Verslag school.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByLabel('Categorie van gegevens (art. 15, § 1)').selectOption('10');
    await form.getByLabel('Over welk lid (als het over één lid gaat)').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Bijlage opladen' }).click();
    await expect(form.getByTestId('upload-status')).toContainText('Bijlage toegevoegd: Verslag school.pdf');
    const link = section.getByRole('link', { name: /Verslag school\.pdf/ });
    await expect(link).toBeVisible();
    await expect(section.getByRole('row').filter({ hasText: 'Verslag school.pdf' })).toContainText('Gezondheid');
    downloadUrl = (await link.getAttribute('href'))!;
    expect(downloadUrl).toMatch(/^\/api\/v1\/bijlagen\/[0-9a-f-]{36}$/);

    // the download: the browser saves it under a safe name
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Verslag school.pdf');
    // and its headers
    const res = await page.request.get(downloadUrl);
    expect(res.status()).toBe(200);
    const h = res.headers();
    expect(h['cache-control']).toBe('no-store');
    expect(h['content-disposition']).toBe('attachment; filename="Verslag school.pdf"');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['content-type']).toBe('application/pdf');
    expect((await res.body()).equals(PDF)).toBe(true);
    await expectAccessible(page);
  });
});

test('issue 13 §3: a file that is not an allowed type is refused at the file field, whatever its name', async ({
  browser,
}) => {
  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    await page.goto(dossierUrl);
    const section = page.getByRole('region', { name: 'Bijlagen' });
    const form = section.getByRole('form', { name: 'Bijlage toevoegen' });
    const fileField = form.getByLabel('Bestand');
    await fileField.setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: EXE });
    await form.getByLabel('Categorie van gegevens (art. 15, § 1)').selectOption('9');
    await form.getByRole('button', { name: 'Bijlage opladen' }).click();
    const message = 'Dit bestandstype is niet toegelaten: enkel PDF, afbeeldingen (PNG, JPEG) en kantoorbestanden.';
    await expect(form.getByText(message)).toBeVisible();
    await expect(fileField).toHaveAccessibleDescription(new RegExp(message.replace(/[().]/g, '\\$&')));
    await expect(fileField).toHaveAttribute('aria-invalid', 'true');
    await expect(fileField).toBeFocused();
    await expect(section.getByRole('link', { name: /rapport/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test('art. 13: a participant brings a document in during the open session; others get "not found"', async ({
  browser,
}) => {
  await as(browser, 'deelnemer.justitiehuis@vhd.test', async (page) => {
    await page.goto(`${dossierUrl}/casusoverleg`);
    const section = page.getByRole('region', { name: 'Bijlagen' });
    // the coordinator's documents are the case team's
    await expect(section.getByRole('link', { name: /Verslag school\.pdf/ })).toBeVisible();
    const form = section.getByRole('form', { name: 'Document inbrengen in het casusoverleg' });
    await form.getByLabel('Bestand').setInputFiles({ name: 'Foto letsel.png', mimeType: 'image/png', buffer: PNG });
    await form.getByLabel('Categorie van gegevens (art. 15, § 1)').selectOption('10');
    await form.getByRole('button', { name: 'Bijlage opladen' }).click();
    await expect(form.getByTestId('upload-status')).toContainText('Bijlage toegevoegd: Foto letsel.png');
    await expect(section.getByRole('link', { name: /Foto letsel\.png/ })).toBeVisible();
    const res = await page.request.get(downloadUrl);
    expect(res.status()).toBe(200);
    await expectAccessible(page);
  });
  await as(browser, 'coordinator.oostvlaanderen@vhd.test', async (page) => {
    const res = await page.request.get(downloadUrl);
    expect(res.status()).toBe(404);
    expect(res.headers()['cache-control']).toBe('no-store');
  });
});
