import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { seedDemo } from '@/prisma/demo';
import { ownDatabase, testKeys } from '../helpers/db';

/**
 * The demo data show issue 13 §4 (ADR 0041): a repeat referral — VH-ANT-2026-0032 waits for its
 * art. 5 check, and its members are known in VH-ANT-2026-0031 of the same safe house, referred
 * less than 12 months before (one by national number, one by name and birth date, typed without
 * the accent). Seeded into a fresh database of its own.
 */
let db: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  const own = await ownDatabase('vhd_demo_search');
  drop = own.drop;
  db = unsafeOwnerClient(own.ownerUrl);
  await seedDemo(db, testKeys());
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe('demo data: a repeat referral (issue 13 §4, MARAC repeat within 12 months)', () => {
  it('MARAC: VH-ANT-2026-0032 repeats VH-ANT-2026-0031 of the same house within 12 months', async () => {
    const select = {
      safeHouseId: true,
      status: true,
      submittedAt: true,
      members: {
        orderBy: { memberRole: 'asc' },
        select: { nationalNumberHmac: true, firstNameSearch: true, lastNameSearch: true, dateOfBirth: true },
      },
    } as const;
    const earlier = await db.dossier.findUniqueOrThrow({ where: { reference: 'VH-ANT-2026-0031' }, select });
    const repeat = await db.dossier.findUniqueOrThrow({ where: { reference: 'VH-ANT-2026-0032' }, select });
    expect(repeat.status).toBe('SUBMITTED');
    expect(earlier.status).not.toBe('DRAFT');
    expect(repeat.safeHouseId).toBe(earlier.safeHouseId);
    const yearBefore = new Date(repeat.submittedAt!);
    yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
    expect(earlier.submittedAt! > yearBefore && earlier.submittedAt! < repeat.submittedAt!).toBe(true);
    // the victim by her number; the alleged perpetrator — "Jürgen" then, "Jurgen" now — by name and birth date
    const [victimThen, perpThen] = earlier.members;
    const [victimNow, perpNow] = repeat.members;
    expect(victimNow!.nationalNumberHmac).toBeTruthy();
    expect(victimNow!.nationalNumberHmac).toBe(victimThen!.nationalNumberHmac);
    expect(perpNow).toMatchObject({ firstNameSearch: 'jurgen', lastNameSearch: 'vermeulen', nationalNumberHmac: null });
    expect(perpThen).toMatchObject({
      firstNameSearch: perpNow!.firstNameSearch,
      lastNameSearch: perpNow!.lastNameSearch,
      dateOfBirth: perpNow!.dateOfBirth,
    });
  });
});
