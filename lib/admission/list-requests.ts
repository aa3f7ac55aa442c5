import 'server-only';
import { useCase } from '@/lib/use-case/kernel';

/**
 * What waits for the actor in the admission (art. 11, 2nd para; art. 5, 2nd para; ADR 0031):
 * - core-partner staff: referrals of their safe houses whose input round is open, with the
 *   deadline and whether their organisation already answered;
 * - staff of a mandated agency: the referrals whose consultation was asked of their agency, with
 *   whether the agency already gave its position.
 * Only the reference, the client system's label and the dates: the rest is on the dossier.
 */
export async function listRequests(userId: string, now = new Date()) {
  return useCase(userId, { action: 'requests.listOwn', purpose: 'admission' }, async ({ tx, actor, log }) => {
    const [rounds, consultations] = await Promise.all([
      actor.corePartnerHouses.length === 0
        ? []
        : tx.dossier.findMany({
            where: {
              safeHouseId: { in: actor.corePartnerHouses },
              status: 'SUBMITTED',
              inputRequestedAt: { not: null },
              inputClosedAt: null,
            },
            orderBy: [{ inputDeadline: 'asc' }, { id: 'asc' }],
            select: {
              id: true,
              reference: true,
              clientSystemLabel: true,
              inputDeadline: true,
              safeHouse: { select: { name: true } },
              partnerInputs: { where: { organisationId: actor.organisationId }, select: { updatedAt: true } },
            },
          }),
      actor.agencyDossiers.length === 0
        ? []
        : tx.agencyConsultation.findMany({
            // until the follow-up decision (then the referral is no longer theirs to see)
            where: {
              dossierId: { in: actor.agencyDossiers },
              organisationId: actor.organisationId,
              dossier: { status: 'SUBMITTED' },
            },
            orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
            select: {
              dossierId: true,
              requestedAt: true,
              respondedAt: true,
              exceptionRecordedAt: true,
              dossier: {
                select: {
                  reference: true,
                  clientSystemLabel: true,
                  status: true,
                  safeHouse: { select: { name: true } },
                },
              },
            },
          }),
    ]);
    await log({ objectType: 'RequestList', objectId: null });
    return {
      inputRounds: rounds.map((r) => ({
        id: r.id,
        reference: r.reference,
        clientSystemLabel: r.clientSystemLabel,
        safeHouseName: r.safeHouse.name,
        inputDeadline: r.inputDeadline,
        open: !!r.inputDeadline && now < r.inputDeadline,
        answeredAt: r.partnerInputs[0]?.updatedAt ?? null,
      })),
      consultations: consultations
        .filter((c) => c.dossier?.status === 'SUBMITTED')
        .map((c) => ({
          id: c.dossierId,
          reference: c.dossier.reference,
          clientSystemLabel: c.dossier.clientSystemLabel,
          safeHouseName: c.dossier.safeHouse.name,
          requestedAt: c.requestedAt,
          respondedAt: c.respondedAt,
          exceptionRecordedAt: c.exceptionRecordedAt,
        })),
    };
  });
}
