import 'server-only';
import { z } from '@/lib/validation/zod';
import { useCase, DeniedError, type Tx } from '@/lib/use-case/kernel';
import { conflict } from '@/lib/errors';

type SessionMove = { from: 'PLANNED'; to: 'OPEN' } | { from: 'OPEN'; to: 'CLOSED' };

/**
 * Moves a session one step forward, as the coordinator of its safe house: the transition is an
 * update from the expected state, and the count is checked (the database allows only
 * PLANNED -> OPEN -> CLOSED, in the coordinator's own name; ADR 0033). Every case on the agenda
 * hears of it, so open pages refresh.
 */
export async function moveSession(userId: string, sessionId: string, move: SessionMove, now: Date) {
  const action = move.to === 'OPEN' ? 'conference.openSession' : 'conference.closeSession';
  const denied = () =>
    new DeniedError({ action, objectType: 'ConferenceSession', objectId: sessionId, purpose: 'caseConference' });
  if (!z.string().uuid().safeParse(sessionId).success) throw denied();
  return useCase(userId, { action: 'conference.runSession', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const session = await tx.conferenceSession.findFirst({
      where: { id: sessionId, safeHouseId: { in: actor.coordinatorHouses } },
      select: { id: true, safeHouseId: true, state: true, agenda: { select: { dossierId: true } } },
    });
    if (!session) throw denied();
    if (session.state !== move.from) {
      throw conflict(
        move.to === 'OPEN'
          ? session.state === 'OPEN'
            ? 'Dit overleg is al geopend.'
            : 'Een afgesloten overleg kan niet opnieuw geopend worden. Plan een nieuw overleg.'
          : session.state === 'PLANNED'
            ? 'Dit overleg is nog niet geopend.'
            : 'Dit overleg is al afgesloten.',
      );
    }
    const data =
      move.to === 'OPEN'
        ? { state: 'OPEN' as const, openedAt: now, openedByUserId: actor.userId }
        : { state: 'CLOSED' as const, closedAt: now, closedByUserId: actor.userId };
    const moved = await tx.conferenceSession.updateMany({ where: { id: sessionId, state: move.from }, data });
    if (moved.count !== 1) throw conflict('Het overleg werd intussen gewijzigd. Laad de pagina opnieuw.');
    await log({ action, objectType: 'ConferenceSession', objectId: sessionId, safeHouseId: session.safeHouseId });
    await notifyAgenda(tx, session.agenda, sessionId);
    return { id: sessionId, state: move.to };
  });
}

async function notifyAgenda(tx: Tx, agenda: { dossierId: string }[], sessionId: string) {
  for (const a of agenda) {
    await tx.$executeRaw`SELECT notify_case_event(${a.dossierId}::uuid, ${'session'}, ${sessionId}::uuid)`;
  }
}

/**
 * The coordinator of the session's safe house opens it (art. 13): from now until it is closed,
 * the participants of each case on its agenda bring in information and vote.
 */
export async function openSession(userId: string, sessionId: string, now = new Date()) {
  return moveSession(userId, sessionId, { from: 'PLANNED', to: 'OPEN' }, now);
}
