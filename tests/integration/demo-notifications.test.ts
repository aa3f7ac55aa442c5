import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { seedDemo } from '@/prisma/demo';
import { deliverImmediate, sendDigests } from '@/lib/notifications/deliver';
import { ownDatabase, testKeys } from '../helpers/db';

/**
 * The demo data show issue 13 §2 (ADR 0039): demo users have unread and read notifications and a
 * few preferences, and a worker started on the demo database mails none of them again.
 */
let db: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  const own = await ownDatabase('vhd_demo_notifications');
  drop = own.drop;
  db = unsafeOwnerClient(own.ownerUrl);
  await seedDemo(db, testKeys());
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe('demo data: notifications (issue 13 §2)', () => {
  it('demo users have unread and read notifications without case content, and preferences', async () => {
    const byEmail = async (email: string) =>
      db.notification.findMany({ where: { userId: (await db.user.findUniqueOrThrow({ where: { email } })).id } });
    const coordinator = await byEmail('coordinator.antwerpen@vhd.test');
    expect(coordinator.filter((n) => !n.readAt).map((n) => n.kind)).toEqual(['REFERRAL_TO_TRIAGE']);
    expect(coordinator.filter((n) => n.readAt)).toHaveLength(1);
    expect((await byEmail('vk.antwerpen@vhd.test')).map((n) => n.kind)).toEqual(['CONSULTATION']);
    expect((await byEmail('kernpartner.politie@vhd.test')).map((n) => n.kind).sort()).toEqual([
      'ACTION_DUE',
      'INPUT_ROUND',
    ]);
    expect((await byEmail('deelnemer.justitiehuis@vhd.test')).map((n) => n.kind)).toEqual(['ACTION_OVERDUE']);
    expect(await db.notificationPreference.count()).toBe(3);
    // no reference, no name in any row: only paths
    for (const n of await db.notification.findMany())
      expect(n.linkPath).toMatch(/^\/(dossiers\/[0-9a-f-]{36}|te-beantwoorden|acties)$/);
    // the worker does not mail the demo addresses
    const now = new Date();
    expect(await deliverImmediate(db, now)).toEqual({ sent: 0, failed: 0 });
    expect(await sendDigests(db, now)).toEqual({ sent: 0, failed: 0 });
  });
});
