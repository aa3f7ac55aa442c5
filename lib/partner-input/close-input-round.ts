import 'server-only';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { can, dossierByIdWhere, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { conflict } from '@/lib/errors';

/** The coordinator ends the input round: from then on core partners no longer see the referral. */
export async function closeInputRound(userId: string, dossierId: string, now = new Date()) {
  return withActor(userId, async (tx, actor) => {
    const dossier = await tx.dossier.findFirst({ where: dossierByIdWhere(actor, dossierId), select: DOSSIER_FACTS_SELECT });
    if (!dossier || !can(actor, 'partnerInput.viewAll', dossier)) {
      throw new DeniedError({ action: 'partnerInput.closeRound', objectType: 'Dossier', objectId: dossierId, purpose: 'closeInputRound' });
    }
    if (!can(actor, 'partnerInput.closeRound', dossier)) throw conflict('Er loopt geen vraag om aanvulling voor dit dossier.');
    const closed = await tx.dossier.updateMany({
      where: { id: dossierId, inputRequestedAt: { not: null }, inputClosedAt: null },
      data: { inputClosedAt: now },
    });
    if (closed.count !== 1) throw conflict('De vraag om aanvulling was al afgesloten.');
    await recordAudit(tx, actor, {
      action: 'partnerInput.closeRound',
      objectType: 'Dossier',
      objectId: dossierId,
      dossierId,
      safeHouseId: dossier.safeHouseId,
      purpose: 'closeInputRound',
      outcome: 'ALLOWED',
    });
  });
}
