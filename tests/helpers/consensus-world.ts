import { makeDossier, makeParticipant } from '@/prisma/factories';
import { ownerDb, testKeys } from './db';
import { declareWorld, sessionStateData } from './scenario';

/**
 * A case in trajectory with a coordinator who chairs a session of it and three participating
 * organisations (police, justice house, CAW), each with one acknowledged participant.
 */
export async function consensusWorld(
  opts: { sessionStartsAt?: Date; sessionState?: 'PLANNED' | 'OPEN' | 'CLOSED' } = {},
) {
  const db = ownerDb();
  const role = 'REFERRER' as const;
  const {
    houses: { house },
    orgs: { agency, police, justice, caw },
    users: u,
  } = await declareWorld(
    {
      houses: ['house'],
      organisations: {
        agency: { kind: 'AGENCY_JUSTICE_ENFORCEMENT' },
        police: { kind: 'POLICE', corePartnerOf: ['house'] },
        justice: { kind: 'JUSTICE_HOUSE' },
        caw: { kind: 'CAW', corePartnerOf: ['house'] },
      },
      users: {
        coord: { org: 'agency', role: 'COORDINATOR', house: 'house' },
        police: { org: 'police', role },
        justice: { org: 'justice', role },
        caw: { org: 'caw', role },
        outsider: { org: 'caw', role },
      },
    },
    db,
  );
  const dossier = await makeDossier(db, testKeys(), {
    safeHouseId: house.id,
    referrerUserId: u.caw.id,
    referrerOrganisationId: caw.id,
    status: 'IN_TRAJECTORY',
    clientSystemLabel: 'Gezin Consensus',
    members: [
      { memberRole: 'VICTIM', firstName: 'Sara', lastName: 'Consensus' },
      { memberRole: 'CHILD', firstName: 'Tim', lastName: 'Consensus', isMinor: true },
    ],
  });
  const startsAt = opts.sessionStartsAt ?? new Date(Date.now() - 3_600_000);
  const session = await db.conferenceSession.create({
    data: {
      safeHouseId: house.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 5_400_000),
      location: 'Zaal 1',
      createdByUserId: u.coord.id,
      // open, so the participants can share and vote (art. 13; ADR 0033)
      ...sessionStateData(opts.sessionState ?? 'OPEN', u.coord.id, startsAt, new Date(startsAt.getTime() + 5_400_000)),
    },
  });
  const agendaItem = await db.agendaItem.create({
    data: { sessionId: session.id, dossierId: dossier.id, safeHouseId: house.id },
  });
  const participations: Record<'police' | 'justice' | 'caw', string> = { police: '', justice: '', caw: '' };
  for (const key of ['police', 'justice', 'caw'] as const) {
    const p = await makeParticipant(db, {
      dossierId: dossier.id,
      safeHouseId: house.id,
      organisationId: u[key].organisationId,
      userId: u[key].id,
    });
    participations[key] = p.id;
  }
  const members = await db.clientMember.findMany({ where: { dossierId: dossier.id } });
  const victim = members.find((m) => m.memberRole === 'VICTIM')!;
  return { house, orgs: { agency, police, justice, caw }, u, dossier, session, agendaItem, participations, victim };
}
export type ConsensusWorld = Awaited<ReturnType<typeof consensusWorld>>;
