import 'server-only';
import { notifyUsers } from '@/lib/notifications/notify';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { transferSchema, type TransferValues } from './schemas';

/**
 * Art. 15 §1, 3rd para, 7°: the coordinator hands the whole dossier to the coordinator of another
 * Veilig Huis that takes over the follow-up (e.g. the family moved). The receiving coordinator
 * sees only the reference, the sending house and the reason until they accept.
 */
export async function requestTransfer(userId: string, dossierId: string, values: TransferValues) {
  const parsed = validateForm(transferSchema, values);
  if (!parsed.ok) throw invalid('De overdracht is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const need = {
    action: 'transfer.request',
    purpose: 'transfer',
    dossierId,
    notNow: 'Dit dossier kan niet overgedragen worden.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    if (v.toSafeHouseId === dossier.safeHouseId)
      throw invalid('Kies een ander Veilig Huis.', { toSafeHouseId: 'Dat is het eigen Veilig Huis.' });
    const target = await tx.safeHouse.findUnique({ where: { id: v.toSafeHouseId }, select: { id: true } });
    if (!target) throw invalid('Onbekend Veilig Huis.', { toSafeHouseId: 'Onbekend Veilig Huis.' });
    const pending = await tx.transferRequest.findFirst({
      where: { dossierId, status: 'PENDING' },
      select: { id: true },
    });
    if (pending) throw conflict('Er loopt al een overdracht voor dit dossier.');
    const request = await tx.transferRequest.create({
      data: {
        dossierId,
        reference: dossier.reference,
        fromSafeHouseId: dossier.safeHouseId,
        toSafeHouseId: v.toSafeHouseId,
        reason: v.reason,
        requestedByUserId: actor.userId,
      },
      select: { id: true },
    });
    await log({ objectType: 'TransferRequest', objectId: request.id });
    await notifyUsers(tx, {
      kind: 'TRANSFER',
      objectId: request.id,
      safeHouseId: v.toSafeHouseId,
      link: '/overdrachten',
      to: { coordinatorsOf: v.toSafeHouseId },
    });
    return request;
  });
}
