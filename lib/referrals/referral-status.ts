import 'server-only';
import { DeniedError, dossierUseCase, useCase, type Tx } from '@/lib/use-case/kernel';
import { API_REFERRAL_STATUSES, type ReferralStatus } from '@/lib/partner-api/schemas';

/**
 * Status and outcome of one's own referrals, for a partner system (issue 14 §2; ADR 0045): the
 * same policy as "Mijn aanmeldingen" (referral.listOwn, referral.viewOutcome for the referrer
 * relation; row-level security shows the referrer nothing else), but without the names the
 * referral carried: the id, the reference, the status, the decision's reasons and the outcomes
 * the coordinator shared after a case conference. Drafts and closed dossiers are not listed.
 */

const SELECT = {
  id: true,
  reference: true,
  safeHouseId: true,
  status: true,
  submittedAt: true,
  decidedAt: true,
  decisionReasons: true,
} as const;

type Row = {
  id: string;
  reference: string;
  safeHouseId: string;
  status: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decisionReasons: string | null;
};

const VISIBLE = [...API_REFERRAL_STATUSES];

async function withOutcomes(tx: Tx, rows: Row[]): Promise<ReferralStatus[]> {
  const outcomes = await tx.referrerOutcome.findMany({
    where: { dossierId: { in: rows.map((r) => r.id) }, sharedAt: { not: null } },
    orderBy: [{ sharedAt: 'desc' }, { id: 'asc' }],
    select: { dossierId: true, text: true, sharedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    safeHouseId: r.safeHouseId,
    status: r.status as ReferralStatus['status'],
    submittedAt: (r.submittedAt as Date).toISOString(),
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    outcome: {
      decisionReasons: r.status === 'SUBMITTED' ? null : r.decisionReasons,
      conferenceOutcomes: outcomes
        .filter((o) => o.dossierId === r.id)
        .map((o) => ({ text: o.text, sharedAt: (o.sharedAt as Date).toISOString() })),
    },
  }));
}

/** The actor's own submitted referrals, newest first (at most 200). */
export async function listReferralStatuses(userId: string): Promise<ReferralStatus[]> {
  return useCase(userId, { action: 'referral.listOwn', purpose: 'referral' }, async ({ tx, actor, log }) => {
    const rows = await tx.dossier.findMany({
      where: { referrerUserId: actor.userId, status: { in: VISIBLE } },
      orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
      take: 200,
      select: SELECT,
    });
    await log({ action: 'referral.listOwn', objectType: 'DossierList' });
    return withOutcomes(tx, rows);
  });
}

/** One of the actor's own referrals; anything else (another's, a draft, closed) is "not found". */
export async function getReferralStatus(userId: string, dossierId: string): Promise<ReferralStatus> {
  return dossierUseCase(
    userId,
    { action: 'referral.viewOutcome', purpose: 'referral', dossierId, objectType: 'Referral', notNow: null },
    async ({ tx, actor, dossier, log }) => {
      const row = await tx.dossier.findFirst({
        where: { id: dossier.id, referrerUserId: actor.userId, status: { in: VISIBLE } },
        select: SELECT,
      });
      // the coordinator relation also allows referral.viewOutcome: this read is the referrer's only
      if (!row) {
        throw new DeniedError({
          action: 'referral.viewOutcome',
          objectType: 'Referral',
          objectId: dossier.id,
          purpose: 'referral',
        });
      }
      await log({ objectType: 'Referral', objectId: dossier.id });
      return (await withOutcomes(tx, [row]))[0]!;
    },
  );
}
