import 'server-only';
import { useCase, DeniedError } from '@/lib/use-case/kernel';
import { conflict, invalid, notFound } from '@/lib/errors';
import { z } from '@/lib/validation/zod';

/** What may come from the browser, bound to the form or typed in it: parsed before anything else. */
const decisionInput = z.object({
  requestId: z.string().uuid(),
  decision: z.enum(['accept', 'reject', 'cancel']),
  note: z.string().max(1000, 'Hoogstens 1000 tekens.'),
});

/**
 * The receiving coordinator accepts (the dossier moves, with everything in it, and the sending
 * house no longer sees it) or declines; the sending coordinator may cancel while it is pending.
 * Both sides find the event in their part of the access log.
 */
export async function decideTransfer(userId: string, requestId: string, decision: string, note = '', now = new Date()) {
  // a forged decision or id never reaches the database or the access log's action column
  const input = decisionInput.safeParse({ requestId, decision, note });
  if (!input.success) {
    if (input.error.issues.some((i) => i.path[0] === 'note'))
      throw invalid('De opmerking is te lang.', { note: 'Hoogstens 1000 tekens.' });
    throw notFound();
  }
  const action = `transfer.${input.data.decision}` as const;
  return useCase(userId, { action, purpose: 'transfer' }, async ({ tx, actor, log }) => {
    const request = await tx.transferRequest.findFirst({ where: { id: requestId } });
    const mayDecide =
      request &&
      (decision === 'cancel'
        ? actor.coordinatorHouses.includes(request.fromSafeHouseId)
        : actor.coordinatorHouses.includes(request.toSafeHouseId));
    if (!request || !mayDecide) {
      throw new DeniedError({ action, objectType: 'TransferRequest', objectId: requestId, purpose: 'transfer' });
    }
    if (request.status !== 'PENDING') throw conflict('Over deze overdracht is al beslist.');
    if (decision === 'reject' && note.trim().length < 5)
      throw invalid('Geef kort de reden van de weigering.', { note: 'Reden is verplicht.' });
    if (decision === 'accept') {
      await tx.$queryRaw`SELECT accept_dossier_transfer(${requestId}::uuid, ${now})`;
    } else {
      const moved = await tx.transferRequest.updateMany({
        where: { id: requestId, status: 'PENDING' },
        data: {
          status: decision === 'reject' ? 'REJECTED' : 'CANCELLED',
          decidedAt: now,
          decidedByUserId: actor.userId,
          decisionNote: note.trim() || null,
        },
      });
      if (moved.count !== 1) throw conflict('Over deze overdracht is al beslist.');
    }
    // logged on both sides: the deciding house, and the other house
    for (const safeHouseId of [request.toSafeHouseId, request.fromSafeHouseId]) {
      await log({ objectType: 'TransferRequest', objectId: requestId, dossierId: request.dossierId, safeHouseId });
    }
    return { dossierId: request.dossierId };
  });
}
