import 'server-only';
import { useCase, DeniedError } from '@/lib/use-case/kernel';
import { CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import { emergenciesForSession } from '@/lib/emergency/view';

/** The coordinator's sessions (upcoming first) and the trajectories that can be put on an agenda. */
export async function listSessions(userId: string, now = new Date()) {
  return useCase(userId, { action: 'conference.plan', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const [sessions, trajectories] = await Promise.all([
      tx.conferenceSession.findMany({
        where: {
          safeHouseId: { in: actor.coordinatorHouses },
          // the last month's, and any that is still planned or open, however old (ADR 0033)
          OR: [{ endsAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } }, { state: { not: 'CLOSED' } }],
        },
        orderBy: { startsAt: 'asc' },
        include: {
          agenda: {
            include: { dossier: { select: { reference: true, clientSystemLabel: true } } },
            orderBy: { position: 'asc' },
          },
        },
      }),
      tx.dossier.findMany({
        where: { safeHouseId: { in: actor.coordinatorHouses }, status: 'IN_TRAJECTORY' },
        orderBy: { reference: 'asc' },
        select: { id: true, reference: true, clientSystemLabel: true },
      }),
    ]);
    await log({ action: 'conference.listSessions', objectType: 'SessionList' });
    return { sessions, trajectories };
  });
}

/**
 * One session for the coordinator: per case on the agenda its invitations and participants, and
 * the users of every organisation that can be invited (the staff directory; no case content).
 */
export async function getSession(userId: string, sessionId: string) {
  // not the coordinator of the session's house: the session does not exist for them
  return useCase(
    userId,
    { action: 'conference.viewSession', purpose: 'caseConference' },
    async ({ tx, actor, log }) => {
      const session = await tx.conferenceSession.findFirst({
        where: { id: sessionId, safeHouseId: { in: actor.coordinatorHouses } },
        include: {
          agenda: {
            orderBy: { position: 'asc' },
            include: { dossier: { select: { id: true, reference: true, clientSystemLabel: true, status: true } } },
          },
        },
      });
      if (!session)
        throw new DeniedError({
          action: 'conference.viewSession',
          objectType: 'ConferenceSession',
          objectId: sessionId,
          purpose: 'caseConference',
        });
      const dossierIds = session.agenda.map((a) => a.dossierId);
      // urgent disclosures outside consensus to discuss in this session (ADR 0035)
      const emergencies = await emergenciesForSession(tx, dossierIds, session);
      const [invitations, participants, directory, house] = await Promise.all([
        tx.caseInvitation.findMany({
          where: { sessionId },
          include: { organisation: { select: { name: true } } },
          orderBy: { invitedAt: 'asc' },
        }),
        tx.caseParticipant.findMany({ where: { dossierId: { in: dossierIds } }, orderBy: { invitedAt: 'asc' } }),
        tx.organisation.findMany({
          // not as a JSON join: Prisma's lateral join reads "User".*, and the app role may read
          // only some of User's columns (ADR 0020) — so users come in a query of their own
          relationLoadStrategy: 'query',
          orderBy: { name: 'asc' },
          select: {
            id: true,
            name: true,
            users: { where: CLIENT_WORK_USER_WHERE, select: { id: true, name: true }, orderBy: { name: 'asc' } },
          },
        }),
        tx.safeHouse.findUniqueOrThrow({ where: { id: session.safeHouseId }, select: { name: true } }),
      ]);
      const userIds = [
        ...new Set([
          ...participants.map((p) => p.userId),
          ...invitations.flatMap((i) => [i.addresseeUserId, i.attendeeUserId].filter((x): x is string => !!x)),
        ]),
      ];
      const users = await tx.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, name: true, organisation: { select: { name: true } } },
      });
      const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? 'onbekend') : null);
      await log({
        action: 'conference.viewSession',
        objectType: 'ConferenceSession',
        objectId: sessionId,
        safeHouseId: session.safeHouseId,
      });
      return {
        session: {
          id: session.id,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          location: session.location,
          safeHouseName: house.name,
          state: session.state,
          openedAt: session.openedAt,
          closedAt: session.closedAt,
        },
        cases: session.agenda.map((a) => ({
          dossier: a.dossier,
          emergenciesToDiscuss: emergencies.get(a.dossierId) ?? 0,
          invitations: invitations
            .filter((i) => i.dossierId === a.dossierId)
            .map((i) => ({
              id: i.id,
              organisation: i.organisation.name,
              addressee: name(i.addresseeUserId),
              attendee: name(i.attendeeUserId),
              status: i.status,
              reason: i.reason,
              attendance: i.attendance,
              mailSentAt: i.mailSentAt,
            })),
          participants: participants
            .filter((p) => p.dossierId === a.dossierId)
            .map((p) => ({
              id: p.id,
              name: name(p.userId),
              organisation: users.find((u) => u.id === p.userId)?.organisation.name ?? '',
              reason: p.reason,
              attendance: p.attendance,
              acknowledged: !!p.secrecyAcknowledgedAt,
              left: !!p.leftAt,
              showIdentity: p.showIdentity,
              isCaseDirector: p.isCaseDirector,
            })),
        })),
        directory: directory.filter((o) => o.users.length > 0),
      };
    },
  );
}
