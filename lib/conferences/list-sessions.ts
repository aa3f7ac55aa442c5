import 'server-only';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { can, CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';

/** The coordinator's sessions (upcoming first) and the trajectories that can be put on an agenda. */
export async function listSessions(userId: string, now = new Date()) {
  return withActor(userId, async (tx, actor) => {
    if (!can(actor, 'conference.plan')) throw new AppError('FORBIDDEN_ACTION', 'Enkel voor coördinatoren.');
    const [sessions, trajectories] = await Promise.all([
      tx.conferenceSession.findMany({
        where: { safeHouseId: { in: actor.coordinatorHouses }, endsAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } },
        orderBy: { startsAt: 'asc' },
        include: { agenda: { include: { dossier: { select: { reference: true, clientSystemLabel: true } } }, orderBy: { position: 'asc' } } },
      }),
      tx.dossier.findMany({
        where: { safeHouseId: { in: actor.coordinatorHouses }, status: 'IN_TRAJECTORY' },
        orderBy: { reference: 'asc' },
        select: { id: true, reference: true, clientSystemLabel: true },
      }),
    ]);
    await recordAudit(tx, actor, { action: 'conference.listSessions', objectType: 'SessionList', purpose: 'listSessions', outcome: 'ALLOWED' });
    return { sessions, trajectories };
  });
}

/**
 * One session for the coordinator: per case on the agenda its invitations and participants, and
 * the users of every organisation that can be invited (the staff directory; no case content).
 */
export async function getSession(userId: string, sessionId: string) {
  return withActor(userId, async (tx, actor) => {
    const session = await tx.conferenceSession.findFirst({
      where: { id: sessionId, safeHouseId: { in: actor.coordinatorHouses } },
      include: { agenda: { orderBy: { position: 'asc' }, include: { dossier: { select: { id: true, reference: true, clientSystemLabel: true, status: true } } } } },
    });
    if (!session) throw new DeniedError({ action: 'conference.viewSession', objectType: 'ConferenceSession', objectId: sessionId, purpose: 'getSession' });
    const dossierIds = session.agenda.map((a) => a.dossierId);
    const [invitations, participants, directory, house] = await Promise.all([
      tx.caseInvitation.findMany({ where: { sessionId }, include: { organisation: { select: { name: true } } }, orderBy: { invitedAt: 'asc' } }),
      tx.caseParticipant.findMany({ where: { dossierId: { in: dossierIds } }, orderBy: { invitedAt: 'asc' } }),
      tx.organisation.findMany({
        orderBy: { name: 'asc' },
        select: { id: true, name: true, users: { where: CLIENT_WORK_USER_WHERE, select: { id: true, name: true }, orderBy: { name: 'asc' } } },
      }),
      tx.safeHouse.findUniqueOrThrow({ where: { id: session.safeHouseId }, select: { name: true } }),
    ]);
    const userIds = [...new Set([...participants.map((p) => p.userId), ...invitations.flatMap((i) => [i.addresseeUserId, i.attendeeUserId].filter((x): x is string => !!x))])];
    const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, organisation: { select: { name: true } } } });
    const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? 'onbekend') : null);
    await recordAudit(tx, actor, {
      action: 'conference.viewSession', objectType: 'ConferenceSession', objectId: sessionId, safeHouseId: session.safeHouseId,
      purpose: 'getSession', outcome: 'ALLOWED',
    });
    return {
      session: { id: session.id, startsAt: session.startsAt, endsAt: session.endsAt, location: session.location, safeHouseName: house.name },
      cases: session.agenda.map((a) => ({
        dossier: a.dossier,
        invitations: invitations.filter((i) => i.dossierId === a.dossierId).map((i) => ({
          id: i.id, organisation: i.organisation.name, addressee: name(i.addresseeUserId), attendee: name(i.attendeeUserId),
          status: i.status, reason: i.reason, attendance: i.attendance, mailSentAt: i.mailSentAt,
        })),
        participants: participants.filter((p) => p.dossierId === a.dossierId).map((p) => ({
          id: p.id, name: name(p.userId), organisation: users.find((u) => u.id === p.userId)?.organisation.name ?? '', reason: p.reason,
          attendance: p.attendance, acknowledged: !!p.secrecyAcknowledgedAt, left: !!p.leftAt, showIdentity: p.showIdentity,
          isCaseDirector: p.isCaseDirector,
        })),
      })),
      directory: directory.filter((o) => o.users.length > 0),
    };
  });
}
