import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { seedDemo } from '@/prisma/demo';
import { RISK_FACTORS } from '@/lib/referrals/risk-screening';
import { decryptField } from '@/lib/crypto/fields';
import { ownDatabase, testKeys } from '../helpers/db';

/**
 * The demo data show issue 13 §5 (ADR 0042): the demo case in trajectory has a risk history — the
 * referrer's screening and three later assessments — whose last point is a recent rise.
 * Seeded into a fresh database of its own.
 */
let db: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  const own = await ownDatabase('vhd_demo_risk');
  drop = own.drop;
  db = unsafeOwnerClient(own.ownerUrl);
  await seedDemo(db, testKeys());
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe('demo data: risk over time (issue 13 §5)', () => {
  it('issue 13 §5: VH-ANT-2026-0002 has the referral screening and three assessments, the last a rise within 14 days', async () => {
    const dossier = await db.dossier.findFirstOrThrow({
      where: { reference: 'VH-ANT-2026-0002' },
      include: { referral: true },
    });
    expect(dossier.status).toBe('IN_TRAJECTORY');
    expect(dossier.referral).toMatchObject({ riskJudgement: 'ELEVATED' });
    expect(Object.keys(dossier.referral!.riskAnswers as object).sort()).toEqual(RISK_FACTORS.map((f) => f.key).sort());
    const history = await db.riskAssessment.findMany({
      where: { dossierId: dossier.id },
      orderBy: { assessedAt: 'asc' },
    });
    expect(history.map((h) => h.riskLevel)).toEqual(['HIGH', 'ELEVATED', 'HIGH']);
    expect(history.every((h) => h.assessedAt > dossier.submittedAt!)).toBe(true);
    expect(Date.now() - history.at(-1)!.assessedAt.getTime()).toBeLessThan(14 * 86_400_000);
    expect(decryptField(testKeys(), history.at(-1)!.reasoningEnc)).toMatch(/opvang/);
  });
});
