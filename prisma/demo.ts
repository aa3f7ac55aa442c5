import type { PrismaClient } from '../lib/generated/prisma/client';
import type { OrganisationKind, Role } from '../lib/generated/prisma/enums';
import * as OTPAuth from 'otpauth';
import type { FieldKeys } from '../lib/crypto/fields';
import { hashPassword } from '../lib/auth/passwords';
import { makeNationalNumber } from '../lib/validation/national-number';
import { makeDossier, makeParticipant } from './factories';

/** Demo data: two safe houses, their core partners, one user per role, a few dossiers. */
export const DEMO_PASSWORD = 'VeiligHuis-demo-2026';
/**
 * The demo users' second factor (README): one known TOTP secret (base32, SHA-1, 6 digits, 30 s)
 * to add to an authenticator app. Demo only: real users link their own app at first login.
 */
export const DEMO_TOTP_SECRET = 'VHDDEMOTOTPSECRETJBSWY3DPEHPK3PX';
/** The demo secret as the database keeps it: its bytes. */
const base32Bytes = (secret: string) => Uint8Array.from(new Uint8Array(OTPAuth.Secret.fromBase32(secret).buffer));
/** A demo user who has not linked an app yet: shows the enrolment at first login. */
export const DEMO_USER_WITHOUT_TOTP = 'nieuw.aanmelder@vhd.test';

const HOUSES = [
  { code: 'ANT', name: 'Veilig Huis Antwerpen', judicialDistrict: 'Antwerpen' },
  { code: 'OVL', name: 'Veilig Huis Oost-Vlaanderen', judicialDistrict: 'Oost-Vlaanderen' },
] as const;
type HouseCode = (typeof HOUSES)[number]['code'];

const ORGS: { name: string; kind: OrganisationKind; core: HouseCode[] }[] = [
  { name: 'Agentschap Justitie en Handhaving', kind: 'AGENCY_JUSTICE_ENFORCEMENT', core: ['ANT', 'OVL'] },
  { name: 'Agentschap Opgroeien', kind: 'AGENCY_OPGROEIEN', core: ['ANT', 'OVL'] },
  { name: 'Stad Antwerpen', kind: 'LOCAL_GOVERNMENT', core: ['ANT'] },
  { name: 'CAW Antwerpen', kind: 'CAW', core: ['ANT'] },
  { name: 'Vertrouwenscentrum Kindermishandeling Antwerpen', kind: 'VK', core: ['ANT'] },
  { name: 'Politiezone Antwerpen', kind: 'POLICE', core: ['ANT'] },
  { name: 'Justitiehuis Antwerpen', kind: 'JUSTICE_HOUSE', core: ['ANT'] },
  { name: 'Stad Gent', kind: 'LOCAL_GOVERNMENT', core: ['OVL'] },
  { name: 'CAW Oost-Vlaanderen', kind: 'CAW', core: ['OVL'] },
  { name: 'Vertrouwenscentrum Kindermishandeling Oost-Vlaanderen', kind: 'VK', core: ['OVL'] },
  { name: 'Politiezone Gent', kind: 'POLICE', core: ['OVL'] },
  { name: 'Huisartsenpraktijk De Linde', kind: 'MEDICAL_SECTOR', core: [] },
  { name: 'Centrum Geestelijke Gezondheidszorg Vagga', kind: 'MENTAL_HEALTH_CARE', core: [] },
];

export const DEMO_USERS: {
  email: string;
  name: string;
  org: string;
  roles: [Role, HouseCode | null][];
  description: string;
}[] = [
  {
    email: 'coordinator.antwerpen@vhd.test',
    name: 'Katrien Coördinator',
    org: 'Stad Antwerpen',
    roles: [['COORDINATOR', 'ANT']],
    description: 'coördinator, Veilig Huis Antwerpen',
  },
  {
    email: 'vertegenwoordiger.antwerpen@vhd.test',
    name: 'Jan Vertegenwoordiger',
    org: 'Stad Antwerpen',
    roles: [['COORDINATOR_REPRESENTATIVE', 'ANT']],
    description: 'vertegenwoordiger van de coördinator, Antwerpen',
  },
  {
    email: 'coordinator.oostvlaanderen@vhd.test',
    name: 'Sofie Coördinator',
    org: 'Stad Gent',
    roles: [['COORDINATOR', 'OVL']],
    description: 'coördinator, Veilig Huis Oost-Vlaanderen',
  },
  {
    email: 'aanmelder.huisarts@vhd.test',
    name: 'Dr. Pieter Aanmelder',
    org: 'Huisartsenpraktijk De Linde',
    roles: [['REFERRER', null]],
    description: 'aanmelder (huisarts, geen kernpartner)',
  },
  {
    email: 'kernpartner.caw@vhd.test',
    name: 'Lotte Kernpartner',
    org: 'CAW Antwerpen',
    roles: [
      ['CORE_PARTNER_STAFF', 'ANT'],
      ['REFERRER', null],
    ],
    description: 'medewerker kernpartner (CAW), Antwerpen',
  },
  {
    email: 'kernpartner.politie@vhd.test',
    name: 'Inspecteur Bram Kernpartner',
    org: 'Politiezone Antwerpen',
    roles: [
      ['CORE_PARTNER_STAFF', 'ANT'],
      ['REFERRER', null],
    ],
    description: 'medewerker kernpartner (politie), Antwerpen; deelnemer aan dossier VH-ANT-2026-0002',
  },
  {
    email: 'deelnemer.justitiehuis@vhd.test',
    name: 'Eva Deelnemer',
    org: 'Justitiehuis Antwerpen',
    roles: [['CORE_PARTNER_STAFF', 'ANT']],
    description: 'deelnemer / vaste afgevaardigde (justitiehuis); deelnemer aan VH-ANT-2026-0002',
  },
  {
    email: 'casusregisseur.caw@vhd.test',
    name: 'Tom Casusregisseur',
    org: 'CAW Antwerpen',
    roles: [['CORE_PARTNER_STAFF', 'ANT']],
    description: 'casusregisseur (CAW) van VH-ANT-2026-0002',
  },
  {
    email: DEMO_USER_WITHOUT_TOTP,
    name: 'Mira Nieuw',
    org: 'Huisartsenpraktijk De Linde',
    roles: [['REFERRER', null]],
    description:
      'aanmelder (huisarts) zonder gekoppelde authenticator-app: toont de koppeling bij de eerste aanmelding',
  },
  {
    email: 'medewerker.cgg@vhd.test',
    name: 'Nora Medewerker',
    org: 'Centrum Geestelijke Gezondheidszorg Vagga',
    roles: [['REFERRER', null]],
    description: 'rechtstreeks betrokken medewerker (ontvangt terugkoppeling)',
  },
  {
    email: 'vk.antwerpen@vhd.test',
    name: 'Ann Gemandateerde',
    org: 'Vertrouwenscentrum Kindermishandeling Antwerpen',
    roles: [
      ['MANDATED_AGENCY_STAFF', 'ANT'],
      ['CORE_PARTNER_STAFF', 'ANT'],
    ],
    description: 'medewerker gemandateerde voorziening (VK), Antwerpen',
  },
  {
    email: 'kernpartner.gent@vhd.test',
    name: 'Wim Kernpartner',
    org: 'CAW Oost-Vlaanderen',
    roles: [
      ['CORE_PARTNER_STAFF', 'OVL'],
      ['REFERRER', null],
    ],
    description: 'medewerker kernpartner (CAW), Oost-Vlaanderen',
  },
  {
    email: 'beheerder@vhd.test',
    name: 'Frank Beheerder',
    org: 'Agentschap Justitie en Handhaving',
    roles: [['FUNCTIONAL_ADMIN', null]],
    description: 'functioneel beheerder (geen inhoud)',
  },
  {
    email: 'dpo@vhd.test',
    name: 'Greet Toezicht',
    org: 'Agentschap Justitie en Handhaving',
    roles: [['DPO', null]],
    description: 'DPO / toezichthouder (toegangslog, geen inhoud)',
  },
  {
    email: 'analist@vhd.test',
    name: 'Ruben Analist',
    org: 'Agentschap Justitie en Handhaving',
    roles: [['AGENCY_ANALYST', null]],
    description: 'analist van het Agentschap (enkel geanonimiseerde cijfers)',
  },
];

export async function seedDemo(db: PrismaClient, keys: FieldKeys): Promise<{ seeded: boolean }> {
  if ((await db.safeHouse.count()) > 0) return { seeded: false };
  const houses = new Map<string, string>();
  for (const h of HOUSES) houses.set(h.code, (await db.safeHouse.create({ data: h })).id);
  const orgs = new Map<string, string>();
  for (const o of ORGS) {
    const created = await db.organisation.create({
      data: {
        name: o.name,
        kind: o.kind,
        corePartnerships: { create: o.core.map((c) => ({ safeHouseId: houses.get(c)! })) },
      },
    });
    orgs.set(o.name, created.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, { id: string; organisationId: string }>();
  for (const u of DEMO_USERS) {
    const created = await db.user.create({
      data: {
        email: u.email,
        name: u.name,
        organisationId: orgs.get(u.org)!,
        passwordHash,
        roles: { create: u.roles.map(([role, house]) => ({ role, safeHouseId: house ? houses.get(house)! : null })) },
        ...(u.email === DEMO_USER_WITHOUT_TOTP
          ? {}
          : { totp: { create: { secret: base32Bytes(DEMO_TOTP_SECRET), confirmedAt: new Date() } } }),
      },
    });
    users.set(u.email, { id: created.id, organisationId: created.organisationId });
  }
  const ant = houses.get('ANT')!;
  const ovl = houses.get('OVL')!;
  const huisarts = users.get('aanmelder.huisarts@vhd.test')!;
  const politie = users.get('kernpartner.politie@vhd.test')!;
  const gent = users.get('kernpartner.gent@vhd.test')!;
  const ref = (u: { id: string; organisationId: string }) => ({
    referrerUserId: u.id,
    referrerOrganisationId: u.organisationId,
  });

  await makeDossier(db, keys, {
    safeHouseId: ant,
    ...ref(huisarts),
    status: 'SUBMITTED',
    reference: 'VH-ANT-2026-0001',
    clientSystemLabel: 'Gezin Peeters',
    violenceForms: ['PARTNER_VIOLENCE', 'CHILDREN_WITNESSING'],
    members: [
      {
        memberRole: 'VICTIM',
        firstName: 'Sarah',
        lastName: 'Peeters',
        dateOfBirth: new Date('1988-04-12'),
        nationalNumber: makeNationalNumber(new Date('1988-04-12'), 124),
      },
      {
        memberRole: 'ALLEGED_PERPETRATOR',
        firstName: 'Kevin',
        lastName: 'Peeters',
        dateOfBirth: new Date('1985-09-30'),
      },
      {
        memberRole: 'CHILD',
        firstName: 'Lina',
        lastName: 'Peeters',
        dateOfBirth: new Date('2016-02-03'),
        isMinor: true,
        nationalNumber: makeNationalNumber(new Date('2016-02-03'), 82),
      },
    ],
  });
  const trajectory = await makeDossier(db, keys, {
    safeHouseId: ant,
    ...ref(politie),
    status: 'IN_TRAJECTORY',
    reference: 'VH-ANT-2026-0002',
    clientSystemLabel: 'Gezin Janssens',
    violenceForms: ['HONOUR_RELATED'],
    members: [
      { memberRole: 'VICTIM', firstName: 'Amira', lastName: 'Janssens', dateOfBirth: new Date('1999-11-20') },
      { memberRole: 'PARENT', firstName: 'Hassan', lastName: 'Janssens', dateOfBirth: new Date('1970-01-05') },
    ],
  });
  for (const email of [
    'kernpartner.politie@vhd.test',
    'deelnemer.justitiehuis@vhd.test',
    'casusregisseur.caw@vhd.test',
  ]) {
    const u = users.get(email)!;
    await makeParticipant(db, {
      dossierId: trajectory.id,
      safeHouseId: ant,
      organisationId: u.organisationId,
      userId: u.id,
    });
  }
  await db.caseParticipant.updateMany({
    where: { dossierId: trajectory.id, userId: users.get('casusregisseur.caw@vhd.test')!.id },
    data: { isCaseDirector: true },
  });
  await seedConference(db, {
    dossierId: trajectory.id,
    safeHouseId: ant,
    coordinatorId: users.get('coordinator.antwerpen@vhd.test')!.id,
    users,
  });
  await makeDossier(db, keys, {
    safeHouseId: ant,
    ...ref(huisarts),
    status: 'DRAFT',
    reference: 'CONCEPT-DEMO0003',
    clientSystemLabel: 'Gezin Wouters (concept)',
    members: [{ memberRole: 'VICTIM', firstName: 'Marleen', lastName: 'Wouters', dateOfBirth: new Date('1951-06-14') }],
    violenceForms: ['ELDER_ABUSE'],
  });
  await makeDossier(db, keys, {
    safeHouseId: ovl,
    ...ref(gent),
    status: 'SUBMITTED',
    reference: 'VH-OVL-2026-0001',
    clientSystemLabel: 'Gezin De Smet',
    members: [
      { memberRole: 'VICTIM', firstName: 'Ilse', lastName: 'De Smet', dateOfBirth: new Date('1979-03-08') },
      {
        memberRole: 'CHILD',
        firstName: 'Noah',
        lastName: 'De Smet',
        dateOfBirth: new Date('2012-07-21'),
        isMinor: true,
      },
    ],
  });
  const claes = await makeDossier(db, keys, {
    safeHouseId: ovl,
    ...ref(gent),
    status: 'IN_TRAJECTORY',
    reference: 'VH-OVL-2026-0002',
    clientSystemLabel: 'Gezin Claes',
    members: [{ memberRole: 'VICTIM', firstName: 'Hilde', lastName: 'Claes', dateOfBirth: new Date('1965-12-01') }],
    violenceForms: ['PARENT_ABUSE', 'HONOUR_RELATED'],
  });
  // the CAW of Oost-Vlaanderen takes part in the conference of Gezin Claes, whose closing
  // conference (afrondingstafel) was held yesterday: ready to be closed
  await makeParticipant(db, {
    dossierId: claes.id,
    safeHouseId: ovl,
    organisationId: gent.organisationId,
    userId: gent.id,
  });
  const closingAt = new Date(Date.now() - 86_400_000);
  closingAt.setUTCHours(9, 0, 0, 0);
  await db.conferenceSession.create({
    data: {
      safeHouseId: ovl,
      startsAt: closingAt,
      endsAt: new Date(closingAt.getTime() + 60 * 60_000),
      location: 'Afrondingstafel, Veilig Huis Oost-Vlaanderen',
      createdByUserId: users.get('coordinator.oostvlaanderen@vhd.test')!.id,
      // opened by the coordinator and not yet closed: the extension can still be voted on (ADR 0033)
      state: 'OPEN',
      openedAt: closingAt,
      openedByUserId: users.get('coordinator.oostvlaanderen@vhd.test')!.id,
      agenda: { create: [{ dossierId: claes.id, safeHouseId: ovl, position: 0 }] },
    },
  });
  // a referral that did not meet the criteria: ended at the decision, with its retention term (ADR 0015)
  const refused = await makeDossier(db, keys, {
    safeHouseId: ant,
    ...ref(huisarts),
    status: 'NOT_ADMISSIBLE',
    reference: 'VH-ANT-2026-0003',
    clientSystemLabel: 'Gezin Maes',
    members: [{ memberRole: 'VICTIM', firstName: 'Els', lastName: 'Maes', dateOfBirth: new Date('1990-10-02') }],
    violenceForms: ['PARTNER_VIOLENCE'],
  });
  const decidedAt = new Date(Date.now() - 10 * 86_400_000);
  const until = new Date(decidedAt);
  until.setUTCFullYear(until.getUTCFullYear() + 3);
  await db.dossier.update({
    where: { id: refused.id },
    data: {
      submittedAt: new Date(decidedAt.getTime() - 3 * 86_400_000),
      decidedAt,
      closedAt: decidedAt,
      retentionYears: 3,
      retentionUntil: until,
      decisionReasons:
        'Geen verhoogd risico op herhaling vastgesteld; doorverwezen naar de huisarts voor verdere opvolging.',
    },
  });
  // a family that moved: a referral the Oost-Vlaanderen coordinator may hand over to Antwerpen
  await makeDossier(db, keys, {
    safeHouseId: ovl,
    ...ref(gent),
    status: 'SUBMITTED',
    reference: 'VH-OVL-2026-0003',
    clientSystemLabel: 'Gezin Wuyts',
    members: [{ memberRole: 'VICTIM', firstName: 'Sien', lastName: 'Wuyts', dateOfBirth: new Date('1992-08-19') }],
  });
  // The demo references above used numbers 1 to 3 (Antwerpen) and 1 to 3 (Oost-Vlaanderen) of 2026.
  await db.referenceCounter.create({ data: { safeHouseId: ant, year: 2026, last: 3 } });
  await db.referenceCounter.create({ data: { safeHouseId: ovl, year: 2026, last: 3 } });
  return { seeded: true };
}

/** A conference session for VH-ANT-2026-0002 with information brought in, a goal, and an open invitation. */
async function seedConference(
  db: PrismaClient,
  c: {
    dossierId: string;
    safeHouseId: string;
    coordinatorId: string;
    users: Map<string, { id: string; organisationId: string }>;
  },
) {
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  startsAt.setUTCHours(8, 0, 0, 0);
  const session = await db.conferenceSession.create({
    data: {
      safeHouseId: c.safeHouseId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      location: 'Vergaderzaal Veilig Huis Antwerpen',
      createdByUserId: c.coordinatorId,
      agenda: { create: [{ dossierId: c.dossierId, safeHouseId: c.safeHouseId, position: 0 }] },
    },
    include: { agenda: true },
  });
  const sessions = await seedSessionStates(db, c);
  const members = await db.clientMember.findMany({ where: { dossierId: c.dossierId } });
  const victim = members.find((m) => m.memberRole === 'VICTIM')!;
  const parent = members.find((m) => m.memberRole === 'PARENT')!;
  const politie = c.users.get('kernpartner.politie@vhd.test')!;
  const justitie = c.users.get('deelnemer.justitiehuis@vhd.test')!;
  const item = (
    u: { id: string; organisationId: string },
    category: number,
    concernsMemberId: string | null,
    content: string,
  ) =>
    db.informationItem.create({
      data: {
        dossierId: c.dossierId,
        safeHouseId: c.safeHouseId,
        // brought in at today's open session (art. 13; ADR 0033)
        agendaItemId: sessions.openAgendaItemId,
        organisationId: u.organisationId,
        authorUserId: u.id,
        category,
        concernsMemberId,
        content,
      },
    });
  await item(politie, 9, victim.id, 'Amira diende op 2 november een klacht in wegens bedreiging.');
  await item(justitie, 9, parent.id, 'Voor Hassan loopt een opvolging door het justitiehuis met een contactverbod.');
  await item(politie, 11, null, 'Twee interventies op het gezinsadres in oktober.');
  await db.goal.create({
    data: {
      dossierId: c.dossierId,
      safeHouseId: c.safeHouseId,
      title: 'Veiligheid van Amira verzekeren',
      createdByUserId: c.coordinatorId,
    },
  });
  const cgg = c.users.get('medewerker.cgg@vhd.test')!;
  await db.caseInvitation.create({
    data: {
      dossierId: c.dossierId,
      safeHouseId: c.safeHouseId,
      sessionId: session.id,
      organisationId: cgg.organisationId,
      addresseeUserId: cgg.id,
      reason: 'EXPERTISE',
      reasonNote: 'Expertise eergerelateerd geweld',
      invitedByUserId: c.coordinatorId,
    },
  });
}

/**
 * Issue 12 §3 (art. 13; ADR 0033): the sessions of VH-ANT-2026-0002 in each state besides the
 * planned one of seedConference — a CLOSED session two weeks ago with minutes, a decision, an
 * agreed action of the plan and information brought in there; an OPEN session of this morning
 * where the participants share and vote now; and a private preparation note of the justice house
 * participant that only they see.
 */
async function seedSessionStates(
  db: PrismaClient,
  c: {
    dossierId: string;
    safeHouseId: string;
    coordinatorId: string;
    users: Map<string, { id: string; organisationId: string }>;
  },
) {
  const agendaOf = [{ dossierId: c.dossierId, safeHouseId: c.safeHouseId, position: 0 }];
  const earlier = new Date(Date.now() - 14 * 86_400_000);
  earlier.setUTCHours(8, 0, 0, 0);
  const earlierEnd = new Date(earlier.getTime() + 90 * 60_000);
  const closed = await db.conferenceSession.create({
    data: {
      safeHouseId: c.safeHouseId,
      startsAt: earlier,
      endsAt: earlierEnd,
      location: 'Vergaderzaal Veilig Huis Antwerpen',
      createdByUserId: c.coordinatorId,
      state: 'CLOSED',
      openedAt: earlier,
      openedByUserId: c.coordinatorId,
      closedAt: earlierEnd,
      closedByUserId: c.coordinatorId,
      agenda: {
        create: agendaOf.map((a) => ({
          ...a,
          minutes:
            'Eerste bespreking. De politie en het justitiehuis brachten de klacht en de lopende opvolging in. ' +
            'Afgesproken: veiligheidsplan met Amira, contactverbod opvolgen.',
          minutesUpdatedAt: earlierEnd,
        })),
      },
    },
    include: { agenda: true },
  });
  const closedItem = closed.agenda[0]!;
  await db.conferenceDecision.create({
    data: {
      agendaItemId: closedItem.id,
      dossierId: c.dossierId,
      safeHouseId: c.safeHouseId,
      text: 'Traject in het Veilig Huis opstarten; de casusregisseur maakt met Amira een veiligheidsplan.',
      recordedByUserId: c.coordinatorId,
    },
  });
  const politie = c.users.get('kernpartner.politie@vhd.test')!;
  const caw = c.users.get('casusregisseur.caw@vhd.test')!;
  await db.informationItem.create({
    data: {
      dossierId: c.dossierId,
      safeHouseId: c.safeHouseId,
      agendaItemId: closedItem.id,
      organisationId: politie.organisationId,
      authorUserId: politie.id,
      category: 11,
      content: 'Eerste melding van huiselijk geweld op het gezinsadres in september.',
      createdAt: new Date(earlier.getTime() + 20 * 60_000),
    },
  });
  const goal = await db.goal.create({
    data: {
      dossierId: c.dossierId,
      safeHouseId: c.safeHouseId,
      title: 'Een veiligheidsplan voor Amira',
      createdByUserId: c.coordinatorId,
    },
  });
  await db.planAction.create({
    data: {
      goalId: goal.id,
      dossierId: c.dossierId,
      safeHouseId: c.safeHouseId,
      description: 'Veiligheidsplan opstellen met Amira',
      ownerOrganisationId: caw.organisationId,
      dueDate: new Date(earlier.getTime() + 21 * 86_400_000),
      agendaItemId: closedItem.id,
    },
  });
  const today = new Date();
  today.setUTCHours(Math.max(0, today.getUTCHours() - 1), 0, 0, 0);
  const open = await db.conferenceSession.create({
    data: {
      safeHouseId: c.safeHouseId,
      startsAt: today,
      endsAt: new Date(today.getTime() + 3 * 3_600_000),
      location: 'Vergaderzaal Veilig Huis Antwerpen (online deelname mogelijk)',
      createdByUserId: c.coordinatorId,
      state: 'OPEN',
      openedAt: today,
      openedByUserId: c.coordinatorId,
      agenda: { create: agendaOf },
    },
    include: { agenda: true },
  });
  const justitie = c.users.get('deelnemer.justitiehuis@vhd.test')!;
  await db.preparationNote.create({
    data: {
      dossierId: c.dossierId,
      safeHouseId: c.safeHouseId,
      authorUserId: justitie.id,
      category: 9,
      content: 'Nagaan of het contactverbod voor Hassan verlengd wordt; de justitieassistent bevestigt nog.',
    },
  });
  return { closedAgendaItemId: closedItem.id, openAgendaItemId: open.agenda[0]!.id };
}
