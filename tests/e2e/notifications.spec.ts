import { expect, test } from '@playwright/test';
import { expectAccessible, login, ownerClient } from './helpers';

/**
 * Issue 13 §2 (ADR 0039) in Chromium: a VK consultant sees what waits for them under "Meldingen"
 * with the number of unread notifications, follows the consultation asked of them (marked read,
 * to "Te beantwoorden"), and chooses to get no e-mail for that kind any more.
 */
const VK = 'vk.antwerpen@vhd.test';
const KIND = 'Standpunt gevraagd aan je voorziening (VK/OCJ)';

test('issue 13 §2: notifications in /meldingen — unread count, follow one (read), change a preference', async ({
  page,
}) => {
  const owner = await ownerClient();
  try {
    const user = (await owner.query(`SELECT "id" FROM "User" WHERE "email" = $1`, [VK])).rows[0] as { id: string };
    // the demo consultation for VH-ANT-2026-0005 (prisma/demo.ts), unread
    const demo = (
      await owner.query(
        `SELECT "id" FROM "Notification" WHERE "userId" = $1 AND "kind" = 'CONSULTATION' ORDER BY "createdAt" LIMIT 1`,
        [user.id],
      )
    ).rows[0] as { id: string };
    const unreadInDb = async () =>
      Number(
        (
          await owner.query(`SELECT count(*) AS n FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL`, [
            user.id,
          ])
        ).rows[0].n,
      );

    await login(page, VK);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^Meldingen( \d+ wachtend)?$/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
    const item = page.locator(`#melding-${demo.id}`);
    await expect(item).toContainText(KIND);
    await expect(item).toContainText('Veilig Huis Antwerpen');
    await expect(item).toContainText('ongelezen');
    const before = await unreadInDb();
    expect(before).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('unread-count')).toHaveText(
      `${before} ongelezen ${before === 1 ? 'melding' : 'meldingen'}.`,
    );
    await expectAccessible(page);

    // follow it: to where it is done, and marked read
    await item.getByRole('button', { name: `Openen: ${KIND}` }).click();
    await expect(page).toHaveURL(/\/te-beantwoorden$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/meldingen');
    await expect(item).toContainText('gelezen');
    await expect(item).not.toContainText('ongelezen');
    const after = await unreadInDb();
    expect(after).toBe(before - 1);
    await expect(page.getByTestId('unread-count')).toHaveText(
      after === 0 ? 'Geen ongelezen meldingen.' : `${after} ongelezen ${after === 1 ? 'melding' : 'meldingen'}.`,
    );

    // a preference: no e-mail for consultations asked of the agency
    await page.getByRole('link', { name: 'voorkeuren voor meldingen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Voorkeuren voor meldingen' })).toBeVisible();
    const group = page.getByRole('group', { name: new RegExp(KIND.replace(/[()/]/g, '\\$&')) });
    await expect(group.getByLabel('Meteen een e-mail')).toBeChecked();
    await group.getByLabel('Geen e-mail (enkel bij Meldingen)').check();
    await page.getByRole('button', { name: 'Voorkeuren bewaren' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Je voorkeuren voor meldingen zijn bewaard.' }),
    ).toBeVisible();
    await page.reload();
    await expect(group.getByLabel('Geen e-mail (enkel bij Meldingen)')).toBeChecked();
    await expectAccessible(page);
    const saved = await owner.query(
      `SELECT "mode" FROM "NotificationPreference" WHERE "userId" = $1 AND "kind" = 'CONSULTATION'`,
      [user.id],
    );
    expect(saved.rows).toEqual([{ mode: 'OFF' }]);
  } finally {
    await owner.end();
  }
});
