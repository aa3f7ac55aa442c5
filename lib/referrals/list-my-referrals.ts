import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { can } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import { draftDeletionDate } from '@/lib/retention/terms';

/**
 * The referrer's own referrals with status and outcome (and its reasons) — never the
 * coordinator's assessment, the partners' input or conference content.
 */
export async function listMyReferrals(userId: string) {
  return withActor(userId, async (tx, actor) => {
    if (!can(actor, 'referral.listOwn')) throw new AppError('FORBIDDEN_ACTION', 'Geen toegang.');
    const rows = await tx.dossier.findMany({
      where: { referrerUserId: actor.userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 200,
      select: {
        id: true, reference: true, status: true, clientSystemLabel: true, createdAt: true, submittedAt: true,
        decidedAt: true, decisionReasons: true, safeHouse: { select: { name: true } }, referral: { select: { updatedAt: true } },
      },
    });
    await recordAudit(tx, actor, { action: 'referral.listOwn', objectType: 'DossierList', purpose: 'listMyReferrals', outcome: 'ALLOWED' });
    // a draft nobody saves is deleted after DRAFT_RETENTION_DAYS (GDPR art. 5(1)(e); ADR 0015)
    return rows.map(({ referral, ...r }) => ({
      ...r,
      draftDeletedOn: r.status === 'DRAFT' ? draftDeletionDate(referral?.updatedAt ?? r.createdAt) : null,
    }));
  });
}

/**
 * The safe houses one can refer to. Not personal data — but only for roles that may refer: the
 * referral pages answer 404 for the DPO, the analyst and the administrator.
 */
export async function listSafeHouses(userId: string) {
  return withActor(userId, (tx, actor) => {
    if (!can(actor, 'referral.create')) throw new AppError('FORBIDDEN_ACTION', 'Geen toegang.');
    return tx.safeHouse.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  });
}
