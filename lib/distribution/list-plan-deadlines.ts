import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { planDeadlineState } from './deadline';

/**
 * The coordinator's plans still to distribute (seed 004: within 14 working days after the
 * session): every case of a session that has begun, in the safe houses they coordinate, whose
 * plan was not sent yet — the most urgent first. `sessionId` narrows it to one session.
 */
export async function listPlanDeadlines(userId: string, opts: { sessionId?: string } = {}, now = new Date()) {
  return useCase(userId, { action: 'plan.deadlines', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const rows = await tx.agendaItem.findMany({
      where: {
        safeHouseId: { in: actor.coordinatorHouses },
        distributedAt: null,
        dossier: { status: 'IN_TRAJECTORY' },
        session: { startsAt: { lte: now } },
        ...(opts.sessionId ? { sessionId: opts.sessionId } : {}),
      },
      orderBy: { session: { startsAt: 'asc' } },
      take: 200,
      select: {
        id: true,
        dossierId: true,
        sessionId: true,
        finalisedAt: true,
        session: { select: { startsAt: true } },
        dossier: { select: { reference: true } },
      },
    });
    await log({ objectType: 'PlanDeadlineList' });
    return rows.map((r) => ({
      agendaItemId: r.id,
      dossierId: r.dossierId,
      sessionId: r.sessionId,
      reference: r.dossier.reference,
      sessionStartsAt: r.session.startsAt,
      finalised: r.finalisedAt !== null,
      ...planDeadlineState(r.session.startsAt, null, now),
    }));
  });
}
