import 'server-only';
import { can } from '@/lib/access/policy';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { planDeadlineState } from './deadline';

/**
 * Per session of this case: whether the minutes are final, whether and when the plan was
 * distributed and to whom, the 14-working-day deadline (seed 004) and the outcome written for the
 * referrer. Participants see the dates and their own mail; the recipients and the outcome text
 * only the coordinator (row-level security returns nothing else to others).
 */
export async function getPlanDistribution(userId: string, dossierId: string, now = new Date()) {
  return dossierUseCase(
    userId,
    { action: 'conference.view', purpose: 'caseConference', dossierId },
    async ({ tx, actor, dossier, log }) => {
      const items = await tx.agendaItem.findMany({
        where: { dossierId },
        orderBy: { session: { startsAt: 'desc' } },
        select: {
          id: true,
          finalisedAt: true,
          distributedAt: true,
          session: { select: { startsAt: true, location: true } },
          finalisedBy: { select: { name: true } },
          distributedBy: { select: { name: true } },
          recipients: {
            orderBy: { createdAt: 'asc' },
            select: { id: true, reason: true, mailSentAt: true, user: { select: { name: true } } },
          },
          referrerOutcomes: { select: { text: true, sharedAt: true } },
        },
      });
      await log({ objectType: 'Dossier', objectId: dossierId });
      return {
        /** the deadline is the chair's to watch (seed 004) */
        isCoordinator: actor.coordinatorHouses.includes(dossier.safeHouseId),
        canFinalise: can(actor, 'conference.finalise', dossier),
        canDistribute: can(actor, 'conference.distribute', dossier),
        items: items.map((i) => ({
          id: i.id,
          startsAt: i.session.startsAt,
          location: i.session.location,
          past: i.session.startsAt.getTime() <= now.getTime(),
          finalisedAt: i.finalisedAt,
          finalisedBy: i.finalisedBy?.name ?? null,
          distributedAt: i.distributedAt,
          distributedBy: i.distributedBy?.name ?? null,
          deadline: planDeadlineState(i.session.startsAt, i.distributedAt, now),
          recipients: i.recipients.map((r) => ({
            id: r.id,
            name: r.user.name,
            reason: r.reason,
            mailSentAt: r.mailSentAt,
          })),
          referrerOutcome: i.referrerOutcomes[0] ?? null,
        })),
      };
    },
  );
}

export type PlanDistributionView = Awaited<ReturnType<typeof getPlanDistribution>>;
