import { describe, expect, it } from 'vitest';
import { makeDossier } from '@/prisma/factories';
import { checkAdmission } from '@/lib/admission/check-admission';
import { listInbox } from '@/lib/admission/list-inbox';
import { purgeExpiredDossiers } from '@/lib/retention/purge';
import { parseRetentionTerms } from '@/lib/retention/terms';
import { makeNationalNumber } from '@/lib/validation/national-number';
import { lookupHmac } from '@/lib/crypto/fields';
import { allTablesText, ownerDb, testKeys } from '../helpers/db';
import { admissionCheck } from '../helpers/forms';
import { admit } from '../helpers/admission';
import { declareWorld } from '../helpers/scenario';

const terms = parseRetentionTerms({});

async function referral(status: 'SUBMITTED' | 'DRAFT' = 'SUBMITTED') {
  const db = ownerDb();
  const {
    houses: { house },
    orgs: { org },
    users: { coord, referrer },
  } = await declareWorld({
    houses: ['house'],
    organisations: { org: { kind: 'MEDICAL_SECTOR' }, agency: { kind: 'AGENCY_JUSTICE_ENFORCEMENT' } },
    users: {
      coord: { org: 'agency', role: 'COORDINATOR', house: 'house' },
      referrer: { org: 'org', role: 'REFERRER' },
    },
  });
  const lastName = `Bewaar${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const nn = makeNationalNumber(new Date(Date.UTC(1985, 4, 17)), 100 + Math.floor(Math.random() * 800));
  const dossier = await makeDossier(db, testKeys(), {
    safeHouseId: house.id,
    referrerUserId: referrer.id,
    referrerOrganisationId: org.id,
    status,
    clientSystemLabel: `Gezin ${lastName}`,
    members: [{ memberRole: 'VICTIM', firstName: 'Mira', lastName, nationalNumber: nn }],
  });
  return { house, coord, referrer, dossier, lastName, nn, hmac: lookupHmac(testKeys(), nn) };
}

const OUTCOMES = [
  {
    decision: 'NOT_ADMISSIBLE',
    status: 'NOT_ADMISSIBLE',
    years: terms.RETENTION_YEARS_NOT_ADMISSIBLE,
  },
  {
    decision: 'REFER_TO_REGULAR_CARE',
    status: 'REFERRED_TO_REGULAR_CARE',
    years: terms.RETENTION_YEARS_REFERRED_TO_REGULAR_CARE,
  },
  {
    decision: 'ATTACH_TO_EXISTING_CARE',
    status: 'ATTACHED_TO_EXISTING_CARE',
    years: terms.RETENTION_YEARS_ATTACHED_TO_EXISTING_CARE,
  },
] as const;

describe('art. 15 §3 / GDPR art. 5(1)(e): every dossier gets a retention term and is deleted on time', () => {
  for (const o of OUTCOMES) {
    it(`art. 15 §3: a decision "${o.decision}" ends the dossier at once with its term, and the purge deletes every trace after it`, async () => {
      const r = await referral();
      const decidedAt = new Date('2026-06-15T10:00:00Z');
      const result =
        o.decision === 'NOT_ADMISSIBLE'
          ? await checkAdmission(
              r.coord.id,
              r.dossier.id,
              admissionCheck({ criterion2Met: 'nee', decisionReasons: 'Geen intersectorale aanpak nodig.' }),
              decidedAt,
            )
          : await admit(r.coord.id, r.dossier.id, { decision: o.decision }, decidedAt);
      expect(result.status).toBe(o.status);
      const d = await ownerDb().dossier.findUniqueOrThrow({ where: { id: r.dossier.id } });
      expect(d).toMatchObject({ status: o.status, closedAt: decidedAt, retentionYears: o.years });
      expect(o.years).toBeLessThanOrEqual(15);
      expect(d.retentionUntil!.toISOString().slice(0, 10)).toBe(`${2026 + o.years}-06-15`);

      expect(
        await purgeExpiredDossiers(ownerDb(), new Date(d.retentionUntil!.getTime() - 86_400_000), terms, {
          safeHouseId: r.house.id,
        }),
      ).not.toContainEqual(expect.objectContaining({ dossierId: r.dossier.id }));
      expect(await allTablesText()).toContain(r.lastName);
      const purged = await purgeExpiredDossiers(ownerDb(), new Date(d.retentionUntil!.getTime() + 1000), terms, {
        safeHouseId: r.house.id,
      });
      expect(purged).toContainEqual(expect.objectContaining({ dossierId: r.dossier.id }));
      const text = await allTablesText();
      for (const secret of [r.lastName, r.nn, r.hmac]) expect(text).not.toContain(secret);
      expect(await ownerDb().purgedDossierFact.findFirstOrThrow({ where: { safeHouseId: r.house.id } })).toMatchObject({
        finalStatus: o.status,
        admitted: false,
      });
    });
  }

  it('art. 15 §3: the database refuses an ended dossier without a term, and a term beyond 15 years without a trajectory', async () => {
    const r = await referral();
    await admit(r.coord.id, r.dossier.id, { decision: 'REFER_TO_REGULAR_CARE' });
    await expect(
      ownerDb().$executeRaw`UPDATE "Dossier" SET "retentionUntil" = NULL WHERE "id" = ${r.dossier.id}::uuid`,
    ).rejects.toThrow(/Dossier_ended_has_retention/);
    await expect(
      ownerDb()
        .$executeRaw`UPDATE "Dossier" SET "retentionYears" = 16, "retentionGround" = 'VERY_SERIOUS_FACTS' WHERE "id" = ${r.dossier.id}::uuid`,
    ).rejects.toThrow(/Dossier_retention_at_most_15_unless_extended/);
  });

  it('art. 15 §3: a term never ends before its years — the database refuses an earlier end, so no typo brings a purge forward', async () => {
    const r = await referral();
    await admit(r.coord.id, r.dossier.id, { decision: 'REFER_TO_REGULAR_CARE' });
    await expect(
      ownerDb()
        .$executeRaw`UPDATE "Dossier" SET "retentionUntil" = "closedAt" + interval '1 month' WHERE "id" = ${r.dossier.id}::uuid`,
    ).rejects.toThrow(/Dossier_retention_not_shorter_than_term/);
    await expect(
      ownerDb().$executeRaw`UPDATE "Dossier" SET "retentionYears" = 1 WHERE "id" = ${r.dossier.id}::uuid`,
    ).rejects.toThrow();
  });

  it('issue 9 §4: the purge holds a dossier closed within its grace period, reports and logs it, and deletes it only afterwards', async () => {
    const r = await referral();
    const decidedAt = new Date('2026-06-15T10:00:00Z');
    await checkAdmission(
      r.coord.id,
      r.dossier.id,
      admissionCheck({ criterion2Met: 'nee', decisionReasons: 'Geen intersectorale aanpak nodig.' }),
      decidedAt,
    );
    const d = await ownerDb().dossier.findUniqueOrThrow({ where: { id: r.dossier.id } });
    // a grace period longer than the term: the term has passed, yet the closure is "recent"
    const long = { ...terms, PURGE_GRACE_DAYS: 365 * terms.RETENTION_YEARS_NOT_ADMISSIBLE + 30 };
    const at = new Date(d.retentionUntil!.getTime() + 86_400_000);
    const held: string[] = [];
    const purged = await purgeExpiredDossiers(ownerDb(), at, long, { safeHouseId: r.house.id }, (h) =>
      held.push(...h.map((x) => x.reference)),
    );
    expect(purged).toEqual([]);
    expect(held).toEqual([r.dossier.reference]);
    expect(await ownerDb().dossier.count({ where: { id: r.dossier.id } })).toBe(1);
    expect(
      await ownerDb().auditEvent.count({
        where: { action: 'retention.purge.held', dossierId: r.dossier.id, outcome: 'DENIED' },
      }),
    ).toBe(1);
    // with the normal grace period, the same run deletes it
    expect(await purgeExpiredDossiers(ownerDb(), at, terms, { safeHouseId: r.house.id })).toContainEqual(
      expect.objectContaining({ dossierId: r.dossier.id }),
    );
  });

  it('GDPR art. 5(1)(e): a draft nobody saved for the configured period is deleted, with a deletion record and no statistics', async () => {
    const r = await referral('DRAFT');
    const savedAt = new Date('2026-01-10T08:00:00Z');
    await ownerDb().dossier.update({ where: { id: r.dossier.id }, data: { createdAt: savedAt } });
    await ownerDb().referral.update({ where: { dossierId: r.dossier.id }, data: { updatedAt: savedAt } });
    const due = new Date(savedAt.getTime() + terms.DRAFT_RETENTION_DAYS * 86_400_000);
    expect(
      await purgeExpiredDossiers(ownerDb(), new Date(due.getTime() - 86_400_000), terms, { safeHouseId: r.house.id }),
    ).not.toContainEqual(expect.objectContaining({ dossierId: r.dossier.id }));
    const purged = await purgeExpiredDossiers(ownerDb(), new Date(due.getTime() + 1000), terms, {
      safeHouseId: r.house.id,
    });
    expect(purged).toContainEqual(expect.objectContaining({ dossierId: r.dossier.id }));
    const text = await allTablesText();
    for (const secret of [r.lastName, r.nn, r.hmac]) expect(text).not.toContain(secret);
    expect(await ownerDb().deletionRecord.count({ where: { dossierId: r.dossier.id } })).toBe(1);
    expect(await ownerDb().purgedDossierFact.count({ where: { safeHouseId: r.house.id } })).toBe(0);
    expect(
      await ownerDb().auditEvent.count({
        where: { action: 'retention.purge', dossierId: r.dossier.id, purpose: 'draftExpiry' },
      }),
    ).toBe(1);
  });

  it('GDPR art. 5(1)(e): the terms are configurable but never beyond the decree', () => {
    expect(parseRetentionTerms({ RETENTION_YEARS_NOT_ADMISSIBLE: '2', DRAFT_RETENTION_DAYS: '30' })).toMatchObject({
      RETENTION_YEARS_NOT_ADMISSIBLE: 2,
      DRAFT_RETENTION_DAYS: 30,
    });
    expect(() => parseRetentionTerms({ RETENTION_YEARS_REFERRED_TO_REGULAR_CARE: '16' })).toThrow(
      /RETENTION_YEARS_REFERRED_TO_REGULAR_CARE: hoogstens 15 jaar/,
    );
  });

  it('art. 5 / GDPR art. 5(1)(e): a referral without a decision after the configured period is highlighted in the triage inbox', async () => {
    const r = await referral();
    const now = new Date();
    await ownerDb().dossier.update({
      where: { id: r.dossier.id },
      data: { submittedAt: new Date(now.getTime() - (terms.TRIAGE_OVERDUE_DAYS + 1) * 86_400_000) },
    });
    const fresh = await makeDossier(ownerDb(), testKeys(), {
      safeHouseId: r.house.id,
      referrerUserId: r.referrer.id,
      referrerOrganisationId: r.referrer.organisationId,
    });
    const inbox = await listInbox(r.coord.id, {}, now);
    expect(inbox.rows.find((x) => x.id === r.dossier.id)).toMatchObject({ overdue: true });
    expect(inbox.rows.find((x) => x.id === fresh.id)).toMatchObject({ overdue: false });
  });
});
