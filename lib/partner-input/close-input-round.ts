import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict } from '@/lib/errors';

/** The coordinator ends the input round: from then on core partners no longer see the referral. */
export async function closeInputRound(userId: string, dossierId: string, now = new Date()) {
  const need = {
    action: 'partnerInput.closeRound',
    purpose: 'partnerInput',
    dossierId,
    notNow: 'Er loopt geen vraag om aanvulling voor dit dossier.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, log }) => {
    const closed = await tx.dossier.updateMany({
      where: { id: dossierId, inputRequestedAt: { not: null }, inputClosedAt: null },
      data: { inputClosedAt: now },
    });
    if (closed.count !== 1) throw conflict('De vraag om aanvulling was al afgesloten.');
    await log({ objectType: 'Dossier', objectId: dossierId });
  });
}
