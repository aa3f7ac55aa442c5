import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { closeRoundSchema, type CloseRoundValues } from './schemas';

/**
 * The coordinator ends the input round before its deadline, with a reason (art. 11; ADR 0031):
 * from then on core partners no longer see the referral, and the follow-up decision may be taken.
 */
export async function closeInputRound(userId: string, dossierId: string, values: CloseRoundValues, now = new Date()) {
  const parsed = validateForm(closeRoundSchema, values);
  if (!parsed.ok) throw invalid('Geef een reden om de vraag om aanvulling af te sluiten.', parsed.errors);
  const need = {
    action: 'partnerInput.closeRound',
    purpose: 'partnerInput',
    dossierId,
    notNow: 'Er loopt geen vraag om aanvulling voor dit dossier.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, log }) => {
    const closed = await tx.dossier.updateMany({
      where: { id: dossierId, status: 'SUBMITTED', inputRequestedAt: { not: null }, inputClosedAt: null },
      data: { inputClosedAt: now, inputCloseReason: parsed.data.reason },
    });
    if (closed.count !== 1) throw conflict('Er loopt geen vraag om aanvulling (meer) voor dit dossier.');
    await log({ objectType: 'Dossier', objectId: dossierId, reason: parsed.data.reason });
  });
}
