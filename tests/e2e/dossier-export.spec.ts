import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openArchive, sealArchive, sha256 } from '@/lib/dossier-export/archive';
import { as, dossierHref, expectAccessible } from './helpers';

/**
 * Issue 14 §4 in Chromium (ADR 0047): the coordinator exports a dossier with a passphrase (twice,
 * a strength hint, a purpose), a mismatch is refused at its field, the browser downloads one
 * encrypted file that opens with the passphrase and holds the dossier; the coordinator of
 * another house gets "not found" — and reads the downloaded file into their own house (a wrong
 * passphrase refused at its field first), landing on the imported dossier.
 */
test.setTimeout(180_000);
const PASS = 'vier losse woorden als wachtzin';

test('issue 14 §4: the coordinator exports the dossier as one encrypted file', async ({ browser }) => {
  let exportUrl = '';
  let archive = Buffer.alloc(0);
  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    await page.goto(await dossierHref(page, 'VH-ANT-2026-0002'));
    await page.getByRole('link', { name: 'Exporteren' }).click();
    await expect(page.getByRole('heading', { name: /exporteren/ })).toBeVisible();
    exportUrl = page.url();
    await expectAccessible(page);
    await page.getByLabel('Wachtzin', { exact: true }).fill('kort');
    await expect(page.getByText('Te kort: minstens 12 tekens.')).toBeVisible();
    await page.getByLabel('Wachtzin', { exact: true }).fill(PASS);
    await expect(page.getByText('Sterk.')).toBeVisible();
    await page.getByLabel('Wachtzin herhalen').fill('een andere wachtzin hier');
    await page.getByRole('button', { name: 'Exporteren' }).click();
    await expect(page.getByText('De twee wachtzinnen zijn niet gelijk.')).toBeVisible({ timeout: 60_000 });

    await page.getByLabel('Inzageverzoek van een betrokkene (AVG art. 15)').check();
    await page.getByLabel('Wachtzin herhalen').fill(PASS);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByRole('button', { name: 'Exporteren' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('VH-ANT-2026-0002.vhdx');
    const bytes = readFileSync((await download.path())!);
    archive = bytes; // the download is removed with its browser context
    const opened = await openArchive(bytes, PASS);
    expect(opened.data.source.reference).toBe('VH-ANT-2026-0002');
    expect(opened.data.purpose).toBe('accessRequest');
    expect(opened.data.members.length).toBeGreaterThan(0);
    // the minutes, decisions and plan travel along as a readable PDF
    expect(opened.data.minutes.length).toBeGreaterThan(0);
    expect(opened.data.documents.map((d) => d.path)).toEqual(['documents/verslag-en-plan.pdf']);
    expect(Buffer.from(opened.files['documents/verslag-en-plan.pdf']!).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByRole('status')).toContainText('werd gedownload');
  });
  await as(browser, 'coordinator.oostvlaanderen@vhd.test', async (page) => {
    const res = await page.goto(exportUrl);
    expect(res?.status()).toBe(404);
    // the demo's imported dossier shows where it came from and what it lived through there
    await page.goto(await dossierHref(page, 'VH-OVL-2026-0005'));
    const demoHistory = page.getByRole('region', { name: 'Herkomst en voorgeschiedenis' });
    await expect(demoHistory).toContainText('dossier VH-LIM-2026-0017');
    await expect(demoHistory).toContainText('Veiligheidsplan opstellen');
    await expect(demoHistory).toContainText('Contactverbod nageleefd');
    await page.goto('/dossiers');
    await page.getByRole('link', { name: 'Dossier inlezen uit een exportbestand' }).click();
    await expect(page.getByRole('heading', { name: 'Dossier inlezen uit een exportbestand' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(/Exportbestand/).setInputFiles({
      name: 'VH-ANT-2026-0002.vhdx',
      mimeType: 'application/octet-stream',
      buffer: archive,
    });
    await page.getByLabel('Wachtzin').fill('een verkeerde wachtzin');
    await page.getByRole('button', { name: 'Dossier inlezen' }).click();
    await expect(page.getByText(/De wachtzin is onjuist/).first()).toBeVisible({ timeout: 90_000 });
    await page.getByLabel('Wachtzin').fill(PASS);
    await page.getByRole('button', { name: 'Dossier inlezen' }).click();
    const link = page.getByRole('link', { name: /^dossier VH-OVL-/ });
    await expect(link).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('import-status')).toContainText('Ingelezen uit VH-ANT-2026-0002');
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('VH-OVL-');
    // the source's history, read-only, for the receiving coordinator
    const history = page.getByRole('region', { name: 'Herkomst en voorgeschiedenis' });
    await expect(history).toContainText('dossier VH-ANT-2026-0002');
    await expect(history.getByRole('heading', { name: 'Plan van aanpak daar' })).toBeVisible();
    await expect(history.getByRole('heading', { name: 'Verslagen daar' })).toBeVisible();
    await expectAccessible(page);
  });
});

test('issue 14 §4: an archive larger than the upload limit of an attachment (30 MB) reaches the import and is read in', async ({
  browser,
}) => {
  // two incompressible 15 MB PDFs: more than the 21 MB a proxied route may carry
  const pdf = (n: number) => {
    const b = Buffer.alloc(n);
    randomFillSync(b);
    b.write('%PDF-1.7\n', 0, 'latin1');
    b.write('\n%%EOF\n', n - 7, 'latin1');
    return b;
  };
  const files = { 'attachments/a1': pdf(15 * 1024 * 1024), 'attachments/a2': pdf(15 * 1024 * 1024) };
  const at = '2026-11-02T09:00:00.000Z';
  const archive = await sealArchive(
    {
      data: {
        format: 'vhd.dossier-export',
        version: 1,
        exportedAt: at,
        purpose: 'transfer',
        source: { installation: 'Andere installatie', safeHouseCode: 'BRU', reference: 'VH-BRU-2026-0099' },
        dossier: {
          status: 'SUBMITTED',
          clientSystemLabel: 'Gezin Groot',
          createdAt: at,
          submittedAt: at,
          decidedAt: null,
          closedAt: null,
          decisionReasons: null,
          closureReasons: null,
        },
        members: [],
        referral: null,
        riskAssessments: [],
        decisions: [],
        plan: [],
        attachments: Object.entries(files).map(([path, bytes], i) => ({
          ref: `a${i + 1}`,
          path,
          fileName: `scan-${i + 1}.pdf`,
          mediaType: 'application/pdf',
          sizeBytes: bytes.length,
          sha256: sha256(bytes),
          category: 11,
          context: 'COORDINATOR',
          concernsMemberRef: null,
        })),
      },
      files,
    },
    PASS,
    { name: 'scrypt', N: 2 ** 14, r: 8, p: 1, keyLength: 32 },
  );
  expect(archive.length).toBeGreaterThan(30 * 1024 * 1024);
  await as(browser, 'coordinator.oostvlaanderen@vhd.test', async (page) => {
    await page.goto('/dossiers/importeren');
    await page.getByLabel(/Exportbestand/).setInputFiles({
      name: 'VH-BRU-2026-0099.vhdx',
      mimeType: 'application/octet-stream',
      buffer: archive,
    });
    await page.getByLabel('Wachtzin').fill(PASS);
    await page.getByRole('button', { name: 'Dossier inlezen' }).click();
    await expect(page.getByTestId('import-status')).toContainText('Ingelezen uit VH-BRU-2026-0099', {
      timeout: 120_000,
    });
    await page.getByRole('link', { name: /^dossier VH-OVL-/ }).click();
    // the section (its table's scroll box carries the same name)
    const attachments = page.getByRole('region', { name: 'Bijlagen', exact: true }).first();
    await expect(attachments).toContainText('scan-1.pdf');
    await expect(attachments).toContainText('scan-2.pdf');
  });
});
