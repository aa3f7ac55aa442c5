import { makeDossier, makeOrganisation, makeParticipant, makeSafeHouse, makeUser } from '@/prisma/factories';
import type { DossierStatus, OrganisationKind, Role } from '@/lib/generated/prisma/enums';
import { encryptField } from '@/lib/crypto/fields';
import { makeNationalNumber } from '@/lib/validation/national-number';
import { ownerDb, testKeys } from './db';

/**
 * Two safe houses with one user per role and dossiers in every relevant state. Every call
 * builds a fresh, independent copy (unique names), so test files do not share state.
 */
export async function buildScenario() {
  const db = ownerDb();
  const keys = testKeys();
  const houseA = await makeSafeHouse(db);
  const houseB = await makeSafeHouse(db);
  const coreOrgA = await makeOrganisation(db, { kind: 'POLICE', corePartnerOf: [houseA.id] });
  const coreOrgB = await makeOrganisation(db, { kind: 'CAW', corePartnerOf: [houseB.id] });
  const vkA = await makeOrganisation(db, { kind: 'VK', corePartnerOf: [houseA.id] });
  const nonCore = await makeOrganisation(db, { kind: 'MEDICAL_SECTOR' });
  const justice = await makeOrganisation(db, { kind: 'JUSTICE_HOUSE' });
  const agency = await makeOrganisation(db, { kind: 'AGENCY_JUSTICE_ENFORCEMENT' });

  const u = {
    coordA: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'COORDINATOR', safeHouseId: houseA.id }] }),
    reprA: await makeUser(db, {
      organisationId: agency.id,
      roles: [{ role: 'COORDINATOR_REPRESENTATIVE', safeHouseId: houseA.id }],
    }),
    coordB: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'COORDINATOR', safeHouseId: houseB.id }] }),
    referrer: await makeUser(db, { organisationId: nonCore.id, roles: [{ role: 'REFERRER' }] }),
    referrer2: await makeUser(db, { organisationId: coreOrgB.id, roles: [{ role: 'REFERRER' }] }),
    coreStaffA: await makeUser(db, {
      organisationId: coreOrgA.id,
      roles: [{ role: 'CORE_PARTNER_STAFF', safeHouseId: houseA.id }],
    }),
    // has the role, but the organisation is not a core partner of house A: no partner access
    coreRoleNonCoreOrg: await makeUser(db, {
      organisationId: nonCore.id,
      roles: [{ role: 'CORE_PARTNER_STAFF', safeHouseId: houseA.id }],
    }),
    participant: await makeUser(db, { organisationId: justice.id, roles: [{ role: 'REFERRER' }] }),
    participantNotAcknowledged: await makeUser(db, { organisationId: justice.id, roles: [{ role: 'REFERRER' }] }),
    participantLeft: await makeUser(db, { organisationId: justice.id, roles: [{ role: 'REFERRER' }] }),
    mandated: await makeUser(db, {
      organisationId: vkA.id,
      roles: [{ role: 'MANDATED_AGENCY_STAFF', safeHouseId: houseA.id }],
    }),
    admin: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'FUNCTIONAL_ADMIN' }] }),
    dpo: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'DPO' }] }),
    analyst: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'AGENCY_ANALYST' }] }),
  };
  const by = (user: { id: string; organisationId: string }) => ({
    referrerUserId: user.id,
    referrerOrganisationId: user.organisationId,
  });
  const secretName = `Geheim${Date.now()}`;
  const d = {
    // the art. 5 check found all criteria met: the core partners' input round is open (ADR 0031)
    submittedA: await makeDossier(db, keys, {
      safeHouseId: houseA.id,
      ...by(u.referrer),
      status: 'SUBMITTED',
      inputRequested: true,
      clientSystemLabel: `Gezin ${secretName}`,
      members: [{ memberRole: 'VICTIM', firstName: 'An', lastName: secretName }],
    }),
    trajectoryA: await makeDossier(db, keys, {
      safeHouseId: houseA.id,
      ...by(u.referrer2),
      status: 'IN_TRAJECTORY',
      // the input round ended with the follow-up decision
      inputRequested: true,
      inputClosed: true,
      members: [{ memberRole: 'CHILD', firstName: 'Bo', lastName: secretName, isMinor: true }],
    }),
    draftA: await makeDossier(db, keys, { safeHouseId: houseA.id, ...by(u.referrer), status: 'DRAFT' }),
    submittedB: await makeDossier(db, keys, {
      safeHouseId: houseB.id,
      ...by(u.referrer2),
      status: 'SUBMITTED',
      members: [{ memberRole: 'VICTIM', firstName: 'Cas', lastName: secretName }],
    }),
  };
  const part = (user: { id: string; organisationId: string }, extra: { acknowledged?: boolean; left?: boolean } = {}) =>
    makeParticipant(db, {
      dossierId: d.trajectoryA.id,
      safeHouseId: houseA.id,
      organisationId: user.organisationId,
      userId: user.id,
      ...extra,
    });
  // house A's mandated agency (VK) was asked for its position on submittedA (art. 5, 2nd para)
  await db.agencyConsultation.create({
    data: {
      dossierId: d.submittedA.id,
      safeHouseId: houseA.id,
      organisationId: vkA.id,
      requestedByUserId: u.coordA.id,
      proposedDecision: 'START_TRAJECTORY',
    },
  });
  await part(u.participant);
  await part(u.participantNotAcknowledged, { acknowledged: false });
  await part(u.participantLeft, { left: true });
  return { houseA, houseB, users: u, dossiers: d, secretName };
}

export type Scenario = Awaited<ReturnType<typeof buildScenario>>;
export type UserKey = keyof Scenario['users'];
export type DossierKey = keyof Scenario['dossiers'];

// ---------------------------------------------------------------- small factories on top of a world

type Db = ReturnType<typeof ownerDb>;
type DossierRef = { id: string; safeHouseId: string };

/**
 * A conference session of the dossier's house (by default started an hour ago and OPEN, so
 * participants can bring in information and vote; art. 13, ADR 0033), with the dossier on its agenda.
 */
export async function makeSessionWithAgenda(
  dossier: DossierRef,
  createdByUserId: string,
  opts: { startsAt?: Date; minutes?: number; location?: string; state?: 'PLANNED' | 'OPEN' | 'CLOSED' } = {},
) {
  const db = ownerDb();
  const startsAt = opts.startsAt ?? new Date(Date.now() - 3_600_000);
  const endsAt = new Date(startsAt.getTime() + (opts.minutes ?? 90) * 60_000);
  const session = await db.conferenceSession.create({
    data: {
      safeHouseId: dossier.safeHouseId,
      startsAt,
      endsAt,
      location: opts.location ?? 'Zaal 1',
      createdByUserId,
      ...sessionStateData(opts.state ?? 'OPEN', createdByUserId, startsAt, endsAt),
    },
  });
  const agendaItem = await db.agendaItem.create({
    data: { sessionId: session.id, dossierId: dossier.id, safeHouseId: dossier.safeHouseId },
  });
  return { session, agendaItem };
}

/** The state columns of a session created directly in `state` (as the owner, in tests). */
export function sessionStateData(state: 'PLANNED' | 'OPEN' | 'CLOSED', by: string, startsAt: Date, endsAt: Date) {
  if (state === 'PLANNED') return { state };
  const opened = { openedAt: startsAt, openedByUserId: by };
  return state === 'OPEN' ? { state, ...opened } : { state, ...opened, closedAt: endsAt, closedByUserId: by };
}

/**
 * A fresh dossier that stands in the same relation to every scenario user as the scenario's
 * dossier `like`: same safe house, referrer and written-input round, a copy of its participants
 * (accepted / acknowledged / left as there). The status may differ (e.g. CLOSED). Members: an adult
 * victim with a national number and contact data, and the alleged perpetrator. For a test that
 * changes a dossier and so needs its own.
 */
export async function makeCaseLike(
  s: Scenario,
  like: DossierKey,
  over: { status?: DossierStatus; lastName?: string } = {},
) {
  const db = ownerDb();
  const src = await db.dossier.findUniqueOrThrow({
    where: { id: s.dossiers[like].id },
    select: {
      safeHouseId: true,
      referrerUserId: true,
      referrerOrganisationId: true,
      status: true,
      inputRequestedAt: true,
      inputClosedAt: true,
      participants: true,
      agencyConsultation: true,
    },
  });
  const lastName = over.lastName ?? s.secretName;
  const status = over.status ?? src.status;
  const dossier = await makeDossier(db, testKeys(), {
    safeHouseId: src.safeHouseId,
    referrerUserId: src.referrerUserId,
    referrerOrganisationId: src.referrerOrganisationId,
    status: status === 'CLOSED' ? 'IN_TRAJECTORY' : status,
    inputRequested: src.inputRequestedAt !== null,
    inputClosed: src.inputClosedAt !== null,
    clientSystemLabel: `Gezin ${lastName}`,
    members: [
      {
        memberRole: 'VICTIM',
        firstName: 'An',
        lastName,
        nationalNumber: makeNationalNumber(new Date('1984-05-17'), 46),
      },
      { memberRole: 'ALLEGED_PERPETRATOR', firstName: 'Dirk', lastName },
    ],
  });
  if (src.agencyConsultation) {
    const { organisationId, requestedByUserId, proposedDecision } = src.agencyConsultation;
    await db.agencyConsultation.create({
      data: {
        dossierId: dossier.id,
        safeHouseId: dossier.safeHouseId,
        organisationId,
        requestedByUserId,
        proposedDecision,
      },
    });
  }
  const participants = [];
  for (const p of src.participants) {
    participants.push(
      await makeParticipant(db, {
        dossierId: dossier.id,
        safeHouseId: dossier.safeHouseId,
        organisationId: p.organisationId,
        userId: p.userId,
        accepted: p.acceptedAt !== null,
        acknowledged: p.secrecyAcknowledgedAt !== null,
        left: p.leftAt !== null,
      }),
    );
  }
  const members = await db.clientMember.findMany({
    where: { dossierId: dossier.id },
    select: { id: true, memberRole: true },
  });
  const victim = members.find((m) => m.memberRole === 'VICTIM')!;
  const perpetrator = members.find((m) => m.memberRole === 'ALLEGED_PERPETRATOR')!;
  await db.clientMember.update({
    where: { id: victim.id },
    data: { contactEnc: encryptField(testKeys(), '0470 00 00 01') },
  });
  // closed after the participants joined (the database keeps a closed dossier as it is)
  const closed = status === 'CLOSED' ? await closeAsOwner(dossier.id) : dossier;
  return { dossier: closed, victim, perpetrator, participants };
}

/** Closes a dossier directly (as the owner), with its closing moment and a 15-year retention term. */
export async function closeAsOwner(dossierId: string) {
  const now = new Date();
  return ownerDb().dossier.update({
    where: { id: dossierId },
    data: {
      status: 'CLOSED',
      closedAt: now,
      retentionYears: 15,
      retentionUntil: new Date(now.getTime() + 15 * 365 * 86_400_000),
    },
  });
}

/**
 * A small world described declaratively: safe houses, organisations (and which houses they are a
 * core partner of), users with one role (optionally in a house). Created in the order given, with
 * unique names. For test files whose case needs a world other than `buildScenario`'s.
 */
export async function declareWorld<H extends string, O extends string, U extends string>(
  spec: {
    houses: readonly H[];
    organisations: Record<O, { kind: OrganisationKind; corePartnerOf?: readonly H[] }>;
    users: Record<U, { org: O; role: Role; house?: H; name?: string }>;
  },
  db: Db = ownerDb(),
) {
  const houses = {} as Record<H, Awaited<ReturnType<typeof makeSafeHouse>>>;
  for (const h of spec.houses) houses[h] = await makeSafeHouse(db);
  const orgs = {} as Record<O, Awaited<ReturnType<typeof makeOrganisation>>>;
  for (const [key, o] of Object.entries(spec.organisations) as [
    O,
    { kind: OrganisationKind; corePartnerOf?: readonly H[] },
  ][]) {
    orgs[key] = await makeOrganisation(db, {
      kind: o.kind,
      corePartnerOf: (o.corePartnerOf ?? []).map((h) => houses[h].id),
    });
  }
  const users = {} as Record<U, Awaited<ReturnType<typeof makeUser>>>;
  for (const [key, v] of Object.entries(spec.users) as [U, { org: O; role: Role; house?: H; name?: string }][]) {
    users[key] = await makeUser(db, {
      organisationId: orgs[v.org].id,
      ...(v.name ? { name: v.name } : {}),
      roles: [{ role: v.role, safeHouseId: v.house ? houses[v.house].id : null }],
    });
  }
  return { houses, orgs, users };
}
