import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { draftDeletionDate } from '@/lib/retention/terms';

/**
 * The referrer's own referrals with status and outcome (and its reasons) — never the
 * coordinator's assessment, the partners' input or conference content. After a case conference:
 * only the outcome the coordinator wrote for the referrer, once the plan was distributed
 * (ReferrerOutcome; row-level security shows the referrer nothing else; ADR 0036).
 */
export async function listMyReferrals(userId: string) {
  return useCase(userId, { action: 'referral.listOwn', purpose: 'referral' }, async ({ tx, actor, log }) => {
    const rows = await tx.dossier.findMany({
      where: { referrerUserId: actor.userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 200,
      select: {
        id: true,
        reference: true,
        status: true,
        clientSystemLabel: true,
        createdAt: true,
        submittedAt: true,
        decidedAt: true,
        decisionReasons: true,
        safeHouse: { select: { name: true } },
        referral: { select: { updatedAt: true } },
      },
    });
    const outcomes = await tx.referrerOutcome.findMany({
      where: { dossierId: { in: rows.map((r) => r.id) }, sharedAt: { not: null } },
      orderBy: [{ sharedAt: 'desc' }, { id: 'asc' }],
      select: { dossierId: true, text: true, sharedAt: true },
    });
    await log({ action: 'referral.listOwn', objectType: 'DossierList' });
    // a draft nobody saves is deleted after DRAFT_RETENTION_DAYS (GDPR art. 5(1)(e); ADR 0015)
    return rows.map(({ referral, ...r }) => ({
      ...r,
      draftDeletedOn: r.status === 'DRAFT' ? draftDeletionDate(referral?.updatedAt ?? r.createdAt) : null,
      /** what the conference agreed with the referrer (issue 12 §5), newest first */
      conferenceOutcomes: outcomes
        .filter((o) => o.dossierId === r.id)
        .map((o) => ({ text: o.text, sharedAt: o.sharedAt as Date })),
    }));
  });
}

/**
 * The safe houses one can refer to. Not personal data — but only for roles that may refer: the
 * referral pages answer 404 for the DPO, the analyst and the administrator.
 */
export async function listSafeHouses(userId: string) {
  return useCase(userId, { action: 'referral.create', purpose: 'referral', referenceDataOnly: true }, ({ tx }) => {
    return tx.safeHouse.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  });
}
