import type { PrismaClient } from '../lib/generated/prisma/client';
import type { OrganisationKind, Role } from '../lib/generated/prisma/enums';
import * as OTPAuth from 'otpauth';
import { encryptField, type FieldKeys } from '../lib/crypto/fields';
import { hashPassword } from '../lib/auth/passwords';
import { makeNationalNumber } from '../lib/validation/national-number';
import { makeDossier, makeParticipant } from './factories';
import { addDays, brusselsToday, brusselsWallClockToInstant } from '../lib/time';
import { isWorkingDay } from '../lib/working-days';
import { sealHistory } from '../lib/dossier-export/history';

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
    description: 'medewerker gemandateerde voorziening (VK), Antwerpen; standpunt gevraagd over VH-ANT-2026-0005',
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
  // issue 12 §5: receives feedback from the standing delegate of the justice house
  {
    email: 'medewerker.justitiehuis@vhd.test',
    name: 'Jonas Justitieassistent',
    org: 'Justitiehuis Antwerpen',
    roles: [['REFERRER', null]],
    description:
      'justitieassistent; kreeg terugkoppeling van de vaste afgevaardigde (bevestigt eerst de geheimhoudingsplicht)',
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
  await seedActionPlanAndEmergency(db, { dossierId: trajectory.id, safeHouseId: ant, users });
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
  await seedClientVoice(db, keys, { coordinatorId: users.get('coordinator.antwerpen@vhd.test')!.id });
  await seedPlanDistribution(db, keys, {
    trajectoryId: trajectory.id,
    safeHouseId: ant,
    coordinatorId: users.get('coordinator.antwerpen@vhd.test')!.id,
    users,
  });
  // The demo references above used numbers 1 to 3 (Antwerpen) and 1 to 3 (Oost-Vlaanderen) of 2026.
  await db.referenceCounter.create({ data: { safeHouseId: ant, year: 2026, last: 3 } });
  await db.referenceCounter.create({ data: { safeHouseId: ovl, year: 2026, last: 3 } });
  await seedAdmissionSequence(db, keys, { ant, users });
  await seedAttachments(db, keys);
  await seedAccessReview(db, { ovl: houses.get('OVL')!, adminId: users.get('beheerder@vhd.test')!.id });
  await seedNotifications(db, { ant, users });
  await seedRiskHistory(db, keys, users);
  await seedRepeatReferral(db, keys, { ant, users });
  await seedMyWork(db, keys, { ant, ovl, trajectoryId: trajectory.id, users });
  await seedApiKey(db, {
    organisationId: orgs.get('Huisartsenpraktijk De Linde')!,
    adminId: users.get('beheerder@vhd.test')!.id,
  });
  await seedImportedDossier(db, keys, {
    ovl,
    coordinatorId: users.get('coordinator.oostvlaanderen@vhd.test')!.id,
  });
  return { seeded: true };
}

// ---------------------------------------------------------------- issue 14 §4: an imported dossier (ADR 0047)
/**
 * VH-OVL-2026-0005 (Gezin Aerts) was read in yesterday by the coordinator of Oost-Vlaanderen from
 * the export of a Veilig Huis of another installation (Limburg): it waits for triage, and its
 * page shows "Herkomst en voorgeschiedenis" — the source's risk assessments, minutes, decision
 * and plan, read-only. Written as the import writes it (provenance with the field-encrypted history).
 */
async function seedImportedDossier(db: PrismaClient, keys: FieldKeys, c: { ovl: string; coordinatorId: string }) {
  const day = 86_400_000;
  const ago = (days: number) => new Date(Date.now() - days * day).toISOString();
  const coordinator = await db.user.findUniqueOrThrow({ where: { id: c.coordinatorId } });
  const aerts = await makeDossier(db, keys, {
    safeHouseId: c.ovl,
    referrerUserId: coordinator.id,
    referrerOrganisationId: coordinator.organisationId,
    status: 'SUBMITTED',
    reference: 'VH-OVL-2026-0005',
    clientSystemLabel: 'Gezin Aerts',
    violenceForms: ['PARTNER_VIOLENCE'],
    members: [
      { memberRole: 'VICTIM', firstName: 'Sofie', lastName: 'Aerts', dateOfBirth: new Date('1990-04-12') },
      {
        memberRole: 'CHILD',
        firstName: 'Mila',
        lastName: 'Aerts',
        dateOfBirth: new Date('2019-09-01'),
        isMinor: true,
      },
    ],
  });
  await db.dossier.update({ where: { id: aerts.id }, data: { submittedAt: new Date(Date.now() - day) } });
  await db.referenceCounter.updateMany({
    where: { safeHouseId: c.ovl, year: 2026, last: { lt: 5 } },
    data: { last: 5 },
  });
  await db.dossierImport.create({
    data: {
      dossierId: aerts.id,
      safeHouseId: c.ovl,
      sourceInstallation: 'Veilig Huis Limburg (andere installatie)',
      sourceSafeHouseCode: 'LIM',
      sourceReference: 'VH-LIM-2026-0017',
      sourceStatus: 'IN_TRAJECTORY',
      formatVersion: 1,
      exportedAt: new Date(Date.now() - 2 * day),
      importedAt: new Date(Date.now() - day),
      importedByUserId: coordinator.id,
      historyEnc: sealHistory(keys, {
        dossier: {
          status: 'IN_TRAJECTORY',
          clientSystemLabel: 'Gezin Aerts',
          createdAt: ago(120),
          submittedAt: ago(118),
          decidedAt: ago(110),
          closedAt: null,
          decisionReasons: 'Aanhoudend partnergeweld met een jong kind in het gezin; de hulpverlening liep vast.',
          closureReasons: null,
        },
        riskAssessments: [
          {
            assessedAt: ago(100),
            riskAnswers: { weapons: 'NO', escalation: 'YES' },
            riskScore: 1,
            riskLevel: 'HIGH',
            reasoning: 'Escalatie in de laatste maanden; bedreigingen na de scheiding.',
            asCaseDirector: false,
          },
          {
            assessedAt: ago(30),
            riskAnswers: { weapons: 'NO', escalation: 'NO' },
            riskScore: 0,
            riskLevel: 'ELEVATED',
            reasoning: 'Contactverbod nageleefd; de moeder verhuist naar Oost-Vlaanderen.',
            asCaseDirector: true,
          },
        ],
        minutes: [
          {
            sessionStartsAt: ago(105),
            location: 'Veilig Huis Limburg, Hasselt',
            text: 'Het gezin is besproken. De moeder wil een veilige woonst dicht bij haar familie.\n\nDe school van Mila wordt betrokken.',
            finalisedAt: ago(104),
          },
        ],
        decisions: [{ createdAt: ago(105), text: 'Veiligheidsplan met de moeder opstellen; contactverbod opvolgen.' }],
        plan: [
          {
            title: 'Veiligheid thuis',
            createdAt: ago(105),
            actions: [
              {
                description: 'Veiligheidsplan opstellen',
                ownerOrganisation: 'CAW Limburg',
                dueDate: ago(90).slice(0, 10),
                status: 'DONE',
                doneAt: ago(92),
                doneNote: 'Besproken en ondertekend.',
              },
              {
                description: 'Overdracht naar de nieuwe woonplaats voorbereiden',
                ownerOrganisation: 'Politiezone Hasselt',
                dueDate: null,
                status: 'OPEN',
                doneAt: null,
                doneNote: null,
              },
            ],
          },
        ],
      }),
    },
  });
}

// ---------------------------------------------------------------- issue 14 §2: the partner API (ADR 0045)
/** The demo's API key (docs/api.md): a published demo value, valid on a demo installation only. */
export const DEMO_API_KEY = 'vhd_00000000de00_demo-sleutel-enkel-voor-de-demo-installatie';

/**
 * Huisartsenpraktijk De Linde's API account and one key with both scopes, 180 days, 60 per minute:
 * a newcomer can try the API with curl at once. Made as api_key_create would, but with the known
 * demo value (its HMAC under this database's own key).
 */
async function seedApiKey(db: PrismaClient, p: { organisationId: string; adminId: string }): Promise<void> {
  const [, prefix, secret] = /^vhd_([0-9a-f]{12})_(.{43})$/.exec(DEMO_API_KEY)!;
  const account = await db.user.create({
    data: {
      email: `api-${p.organisationId.replaceAll('-', '')}@api.invalid`,
      name: 'API-koppeling Huisartsenpraktijk De Linde',
      organisationId: p.organisationId,
    },
  });
  await db.$executeRaw`INSERT INTO "ApiAccount" ("userId", "organisationId") VALUES (${account.id}::uuid, ${p.organisationId}::uuid)`;
  await db.roleAssignment.create({ data: { userId: account.id, role: 'REFERRER', safeHouseId: null } });
  await db.$executeRaw`
    INSERT INTO "ApiKey" ("organisationId", "userId", "name", "prefix", "secretHash", "scopes", "rateLimitPerMinute",
                          "createdByUserId", "expiresAt")
    VALUES (${p.organisationId}::uuid, ${account.id}::uuid, 'Demo: praktijksoftware', ${prefix}, api_key_hash(${prefix}, ${secret}),
            '{referrals:read,referrals:write}', 60, ${p.adminId}::uuid, now() + interval '180 days')`;
}

/**
 * The admission sequence (issue 12 §1, §2; ADR 0031), in Antwerpen:
 * - VH-ANT-2026-0004 Gezin Verbruggen: checked against art. 5 (all criteria met), the core
 *   partners' input round open for ten more days — the CAW and the police see it under
 *   *Te beantwoorden*;
 * - VH-ANT-2026-0005 Gezin Aerts: a minor involved, checked, the round closed early, the VK asked
 *   for its position — vk.antwerpen@vhd.test answers under *Te beantwoorden*.
 * VH-ANT-2026-0001 (Gezin Peeters) still waits for its art. 5 check.
 */
async function seedAdmissionSequence(
  db: PrismaClient,
  keys: FieldKeys,
  { ant, users }: { ant: string; users: Map<string, { id: string; organisationId: string }> },
) {
  const coordinator = users.get('coordinator.antwerpen@vhd.test')!;
  const huisarts = users.get('aanmelder.huisarts@vhd.test')!;
  const vk = users.get('vk.antwerpen@vhd.test')!;
  const day = 86_400_000;
  const now = Date.now();
  const check = (dossierId: string, checkedAt: Date) =>
    db.admissionCheck.create({
      data: {
        dossierId,
        safeHouseId: ant,
        assessorUserId: coordinator.id,
        criterion1Met: true,
        criterion1Reason: 'Herhaald fysiek geweld met escalatie: verhoogd risico op herhaling.',
        criterion2Met: true,
        criterion2Reason: 'Politie, CAW en huisarts hebben elk een deel van het beeld: informatiedeling is nodig.',
        criterion3Met: true,
        criterion3Reason: 'Eén organisatie alleen kan de cyclus niet doorbreken: een afgestemd traject is nodig.',
        riskLevel: 'HIGH',
        riskAssessment: 'Hoog risico volgens de stapsgewijze inschatting (escalatie, doodsbedreigingen).',
        checkedAt,
      },
    });
  const verbruggen = await makeDossier(db, keys, {
    safeHouseId: ant,
    referrerUserId: huisarts.id,
    referrerOrganisationId: huisarts.organisationId,
    status: 'SUBMITTED',
    reference: 'VH-ANT-2026-0004',
    clientSystemLabel: 'Gezin Verbruggen',
    violenceForms: ['PARTNER_VIOLENCE'],
    members: [
      { memberRole: 'VICTIM', firstName: 'Joke', lastName: 'Verbruggen', dateOfBirth: new Date('1983-01-17') },
      { memberRole: 'ALLEGED_PERPETRATOR', firstName: 'Bart', lastName: 'Verbruggen' },
    ],
  });
  await check(verbruggen.id, new Date(now - day));
  await db.dossier.update({
    where: { id: verbruggen.id },
    data: {
      submittedAt: new Date(now - 2 * day),
      inputRequestedAt: new Date(now - day),
      inputDeadline: new Date(now + 10 * day),
    },
  });

  const aerts = await makeDossier(db, keys, {
    safeHouseId: ant,
    referrerUserId: huisarts.id,
    referrerOrganisationId: huisarts.organisationId,
    status: 'SUBMITTED',
    reference: 'VH-ANT-2026-0005',
    clientSystemLabel: 'Gezin Aerts',
    violenceForms: ['PARTNER_VIOLENCE', 'CHILDREN_WITNESSING'],
    members: [
      { memberRole: 'VICTIM', firstName: 'Nele', lastName: 'Aerts', dateOfBirth: new Date('1990-05-03') },
      { memberRole: 'ALLEGED_PERPETRATOR', firstName: 'Tom', lastName: 'Aerts' },
      {
        memberRole: 'CHILD',
        firstName: 'Finn',
        lastName: 'Aerts',
        dateOfBirth: new Date('2017-10-09'),
        isMinor: true,
      },
    ],
  });
  await check(aerts.id, new Date(now - 4 * day));
  await db.dossier.update({
    where: { id: aerts.id },
    data: {
      submittedAt: new Date(now - 5 * day),
      inputRequestedAt: new Date(now - 4 * day),
      inputDeadline: new Date(now + 6 * day),
      inputClosedAt: new Date(now - day),
      inputCloseReason: 'Alle kernpartners hebben hun aanvulling gegeven.',
    },
  });
  await db.agencyConsultation.create({
    data: {
      dossierId: aerts.id,
      safeHouseId: ant,
      organisationId: vk.organisationId,
      requestedByUserId: coordinator.id,
      requestedAt: new Date(now - day),
      proposedDecision: 'START_TRAJECTORY',
      question: 'Een kind is getuige van partnergeweld. Gaan jullie akkoord met een traject in het Veilig Huis?',
    },
  });
  await db.referenceCounter.updateMany({ where: { safeHouseId: ant, year: 2026, last: { lt: 5 } }, data: { last: 5 } });
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
 * Issue 12 §5 (ADR 0036): after a case conference.
 * - VH-ANT-2026-0002 (Gezin Janssens): a session held 12 working days ago whose minutes are
 *   final but whose plan is not sent yet — 2 working days left (seed 004), shown to the
 *   coordinator on the case, the session and the triage page;
 * - feedback from the justice house's standing delegate (Eva) to her colleague
 *   `medewerker.justitiehuis`, who must acknowledge the secrecy before reading it;
 * - VH-ANT-2025-0012 (Gezin Verhoeven), referred by `aanmelder.huisarts`: a conference whose plan
 *   was distributed, with the outcome the referrer reads on Mijn aanmeldingen.
 */
async function seedPlanDistribution(
  db: PrismaClient,
  keys: FieldKeys,
  c: {
    trajectoryId: string;
    safeHouseId: string;
    coordinatorId: string;
    users: Map<string, { id: string; organisationId: string }>;
  },
) {
  // the working day 12 working days before today (Brussels): 2 working days left of 14
  let day = brusselsToday();
  for (let n = 0; n < 12;) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) n++;
  }
  const heldAt = brusselsWallClockToInstant(day, '10:00');
  const held = await db.conferenceSession.create({
    data: {
      safeHouseId: c.safeHouseId,
      startsAt: heldAt,
      endsAt: new Date(heldAt.getTime() + 90 * 60_000),
      location: 'Vergaderzaal Veilig Huis Antwerpen',
      createdByUserId: c.coordinatorId,
      // held: opened at its start and closed at its end by the coordinator (ADR 0033)
      state: 'CLOSED',
      openedAt: heldAt,
      openedByUserId: c.coordinatorId,
      closedAt: new Date(heldAt.getTime() + 90 * 60_000),
      closedByUserId: c.coordinatorId,
      agenda: {
        create: [
          {
            dossierId: c.trajectoryId,
            safeHouseId: c.safeHouseId,
            position: 0,
            minutes:
              'Veiligheidsplan voor Amira besproken. Politie en justitiehuis stemmen het contactverbod af; ' +
              'het CAW volgt de begeleiding op.',
            minutesUpdatedAt: new Date(heldAt.getTime() + 2 * 3_600_000),
            finalisedAt: new Date(heldAt.getTime() + 24 * 3_600_000),
            finalisedByUserId: c.coordinatorId,
          },
        ],
      },
    },
    include: { agenda: true },
  });
  await db.conferenceDecision.create({
    data: {
      agendaItemId: held.agenda[0]!.id,
      dossierId: c.trajectoryId,
      safeHouseId: c.safeHouseId,
      text: 'Het CAW neemt de casusregie op; evaluatie op het volgende overleg.',
      recordedByUserId: c.coordinatorId,
    },
  });
  await db.referrerOutcome.create({
    data: {
      agendaItemId: held.agenda[0]!.id,
      dossierId: c.trajectoryId,
      safeHouseId: c.safeHouseId,
      text: 'De situatie wordt opgevolgd in een traject van het Veilig Huis. U blijft aanspreekpunt voor de politie.',
      writtenByUserId: c.coordinatorId,
      writtenAt: new Date(heldAt.getTime() + 24 * 3_600_000),
    },
  });

  // feedback by the standing delegate of the justice house, not yet acknowledged
  const eva = c.users.get('deelnemer.justitiehuis@vhd.test')!;
  const jonas = c.users.get('medewerker.justitiehuis@vhd.test')!;
  await db.caseParticipant.updateMany({
    where: { dossierId: c.trajectoryId, userId: eva.id },
    data: { attendance: 'STANDING_DELEGATE' },
  });
  const feedback = await db.feedbackRecord.create({
    data: {
      dossierId: c.trajectoryId,
      safeHouseId: c.safeHouseId,
      delegateUserId: eva.id,
      caseWorkerUserId: jonas.id,
      givenAt: new Date(heldAt.getTime() + 26 * 3_600_000),
    },
  });
  await db.feedbackNote.create({
    data: {
      feedbackRecordId: feedback.id,
      dossierId: c.trajectoryId,
      safeHouseId: c.safeHouseId,
      note: 'Het contactverbod voor Hassan blijft gelden; meld elk contact met Amira meteen aan de politie.',
    },
  });

  // a referral by the GP whose conference plan was distributed, with the outcome for the referrer
  const huisarts = c.users.get('aanmelder.huisarts@vhd.test')!;
  const verhoeven = await makeDossier(db, keys, {
    safeHouseId: c.safeHouseId,
    referrerUserId: huisarts.id,
    referrerOrganisationId: huisarts.organisationId,
    status: 'IN_TRAJECTORY',
    reference: 'VH-ANT-2025-0012',
    clientSystemLabel: 'Gezin Verhoeven',
    violenceForms: ['PARTNER_VIOLENCE'],
    members: [{ memberRole: 'VICTIM', firstName: 'Leen', lastName: 'Verhoeven', dateOfBirth: new Date('1983-05-17') }],
  });
  const earlierAt = brusselsWallClockToInstant(addDays(brusselsToday(), -30), '14:00');
  const earlier = await db.conferenceSession.create({
    data: {
      safeHouseId: c.safeHouseId,
      startsAt: earlierAt,
      endsAt: new Date(earlierAt.getTime() + 60 * 60_000),
      location: 'Vergaderzaal Veilig Huis Antwerpen',
      createdByUserId: c.coordinatorId,
      // held: opened at its start and closed at its end by the coordinator (ADR 0033)
      state: 'CLOSED',
      openedAt: earlierAt,
      openedByUserId: c.coordinatorId,
      closedAt: new Date(earlierAt.getTime() + 60 * 60_000),
      closedByUserId: c.coordinatorId,
      agenda: {
        create: [
          {
            dossierId: verhoeven.id,
            safeHouseId: c.safeHouseId,
            position: 0,
            minutes: 'Leen verblijft tijdelijk bij haar zus. Afspraken over opvang en juridische bijstand.',
            finalisedAt: new Date(earlierAt.getTime() + 24 * 3_600_000),
            finalisedByUserId: c.coordinatorId,
            distributedAt: new Date(earlierAt.getTime() + 48 * 3_600_000),
            distributedByUserId: c.coordinatorId,
          },
        ],
      },
    },
    include: { agenda: true },
  });
  const sharedAt = new Date(earlierAt.getTime() + 48 * 3_600_000);
  await db.referrerOutcome.create({
    data: {
      agendaItemId: earlier.agenda[0]!.id,
      dossierId: verhoeven.id,
      safeHouseId: c.safeHouseId,
      text:
        'De aanmelding is opgenomen in een traject van het Veilig Huis. Afgesproken met u: u ziet mevrouw op ' +
        'consultatie over twee weken en neemt contact op met de casusregisseur als u zich zorgen maakt.',
      writtenByUserId: c.coordinatorId,
      writtenAt: new Date(earlierAt.getTime() + 24 * 3_600_000),
      sharedAt,
    },
  });
  await db.planDistributionRecipient.create({
    data: {
      agendaItemId: earlier.agenda[0]!.id,
      dossierId: verhoeven.id,
      safeHouseId: c.safeHouseId,
      userId: huisarts.id,
      reason: 'REFERRER',
      mailSentAt: sharedAt,
    },
  });
}

/**
 * Issue 12 §6, §7 (ADR 0034, 0035): the demo case's action plan with owner persons — one action
 * due soon, one overdue, one done with a note — and one urgent disclosure outside consensus,
 * still to be discussed at the next session. Log in as kernpartner.politie@vhd.test or
 * deelnemer.justitiehuis@vhd.test and open "Mijn acties"; casusregisseur.caw@vhd.test manages the plan.
 */
async function seedActionPlanAndEmergency(
  db: PrismaClient,
  c: { dossierId: string; safeHouseId: string; users: Map<string, { id: string; organisationId: string }> },
) {
  const goal = await db.goal.findFirstOrThrow({ where: { dossierId: c.dossierId }, orderBy: { createdAt: 'asc' } });
  const politie = c.users.get('kernpartner.politie@vhd.test')!;
  const justitie = c.users.get('deelnemer.justitiehuis@vhd.test')!;
  const caw = c.users.get('casusregisseur.caw@vhd.test')!;
  const day = (offset: number) =>
    new Date(`${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
  const action = (
    owner: { id: string; organisationId: string },
    description: string,
    dueDate: Date,
    done?: { note: string; at: Date },
  ) =>
    db.planAction.create({
      data: {
        goalId: goal.id,
        dossierId: c.dossierId,
        safeHouseId: c.safeHouseId,
        description,
        ownerOrganisationId: owner.organisationId,
        ownerUserId: owner.id,
        dueDate,
        ...(done ? { status: 'DONE', doneAt: done.at, doneByUserId: owner.id, doneNote: done.note } : {}),
      },
    });
  await action(politie, 'Huisbezoek bij Amira met de wijkagent', day(3));
  await action(justitie, 'Naleving van het contactverbod van Hassan nagaan', day(-5));
  await action(caw, 'Opvangplaats voor Amira zoeken', day(-10), {
    note: 'Amira verblijft sinds 25 november in de opvang van het CAW.',
    at: new Date(Date.now() - 2 * 86_400_000),
  });
  const disclosedAt = new Date(Date.now() - 26 * 3_600_000);
  await db.emergencyDisclosure.create({
    data: {
      dossierId: c.dossierId,
      safeHouseId: c.safeHouseId,
      recordedByUserId: politie.id,
      organisationId: politie.organisationId,
      ground: 'STATE_OF_NECESSITY',
      disclosed: 'Het adres van de opvang van Amira, meegedeeld aan de interventieploeg.',
      recipient: 'Politiezone Antwerpen, interventieploeg van wacht',
      disclosedAt,
      urgency: 'Hassan was op weg naar de opvang en had gedreigd; de ploeg moest weten waar ze moest zijn.',
      createdAt: new Date(disclosedAt.getTime() + 2 * 3_600_000),
    },
  });
}

/**
 * The members' voice and rights (issue 12 §4; ADR 0037), so the coordinator sees each kind of
 * record: Gezin Janssens (in trajectory, with a session) — Amira informed, consent given, her own
 * view, a trusted person; Hassan not informed about the referral for her safety, nothing recorded
 * about the conference (the warning shows). Gezin Peeters (submitted) — Sarah informed, consent
 * asked; Kevin not informed for safety; Lina without any record (the warning shows).
 */
async function seedClientVoice(db: PrismaClient, keys: FieldKeys, c: { coordinatorId: string }) {
  const member = async (reference: string, firstName: string) => {
    const m = await db.clientMember.findFirstOrThrow({
      where: { firstName, dossier: { reference } },
      include: { dossier: { select: { safeHouseId: true } } },
    });
    return {
      memberId: m.id,
      dossierId: m.dossierId,
      safeHouseId: m.dossier.safeHouseId,
      updatedByUserId: c.coordinatorId,
    };
  };
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const safety =
    'Veiligheid: Hassan mag niet weten dat Amira hulp zoekt (risico op eergerelateerd geweld). Afgestemd met de politie.';
  await db.memberVoice.create({
    data: {
      ...(await member('VH-ANT-2026-0002', 'Amira')),
      referralInformed: true,
      referralInformedAt: day('2026-11-03'),
      referralInformedBy: 'Inspecteur Bram Kernpartner (politie, aanmelder)',
      referralInformedHow: 'Gesprek op het politiekantoor, zonder Hassan',
      conferenceInformed: true,
      conferenceInformedAt: day('2026-11-20'),
      conferenceInformedBy: 'Tom Casusregisseur (CAW)',
      conferenceInformedHow: 'Gesprek in het CAW, met de privacyverklaring op papier',
      consent: 'GIVEN',
      consentAt: day('2026-11-20'),
      consentNote: 'Toestemming voor het delen van de klacht en van haar verblijfssituatie.',
      viewEnc: encryptField(keys, 'Ik wil mijn opleiding afmaken en niet terug naar het ouderlijk huis.'),
      voiceChannel: 'TRUSTED_PERSON',
      representative: 'Tante Nadia (vertrouwenspersoon)',
      debriefBy: 'Tom Casusregisseur (CAW)',
      debriefAt: day('2026-12-20'),
    },
  });
  await db.memberVoice.create({
    data: {
      ...(await member('VH-ANT-2026-0002', 'Hassan')),
      referralInformed: false,
      referralNotInformedReason: safety,
      consent: 'NOT_ASKED',
      consentNote: safety,
    },
  });
  await db.memberVoice.create({
    data: {
      ...(await member('VH-ANT-2026-0001', 'Sarah')),
      referralInformed: true,
      referralInformedAt: day('2026-11-10'),
      referralInformedBy: 'Dr. Pieter Aanmelder (huisarts, aanmelder)',
      referralInformedHow: 'Consultatie in de praktijk',
      consent: 'ASKED',
      consentAt: day('2026-11-10'),
    },
  });
  await db.memberVoice.create({
    data: {
      ...(await member('VH-ANT-2026-0001', 'Kevin')),
      referralInformed: false,
      referralNotInformedReason: 'Veiligheid: Kevin is de vermoedelijke pleger; Sarah vreest escalatie.',
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

/**
 * Documents attached to a dossier (issue 13 §3; ADR 0040): the Antwerpen coordinator attached a
 * small PDF (the safety plan's first draft) to VH-ANT-2026-0002 Gezin Janssens. The file is
 * encrypted into the configured store (ATTACHMENT_DIR, as the app reads it), so it downloads.
 */
async function seedAttachments(db: PrismaClient, keys: FieldKeys) {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const { attachmentStore, blobKeyFor } = await import('../lib/attachments/blob-store');
  const { sealBlob } = await import('../lib/attachments/blob-crypto');
  const dossier = await db.dossier.findUniqueOrThrow({
    where: { reference: 'VH-ANT-2026-0002' },
    select: { id: true, safeHouseId: true, members: { where: { memberRole: 'VICTIM' }, select: { id: true } } },
  });
  const coordinator = await db.user.findUniqueOrThrow({
    where: { email: 'coordinator.antwerpen@vhd.test' },
    select: { id: true, organisationId: true },
  });
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('Veiligheidsplan - eerste ontwerp (demo)', { x: 50, y: 780, size: 16, font });
  page.drawText('Demogegevens: geen echte personen.', { x: 50, y: 750, size: 11, font });
  const bytes = await pdf.save({ useObjectStreams: false });
  const id = crypto.randomUUID();
  const blobKey = blobKeyFor(dossier.id, id);
  const sealed = sealBlob(keys, blobKey, bytes);
  await attachmentStore().put(blobKey, sealed.blob);
  await db.attachment.create({
    data: {
      id,
      dossierId: dossier.id,
      safeHouseId: dossier.safeHouseId,
      context: 'COORDINATOR',
      organisationId: coordinator.organisationId,
      uploadedByUserId: coordinator.id,
      category: 11,
      concernsMemberId: dossier.members[0]?.id ?? null,
      fileNameEnc: encryptField(keys, 'Veiligheidsplan ontwerp.pdf'),
      mediaType: 'application/pdf',
      sizeBytes: bytes.length,
      blobKey,
      wrappedKey: sealed.wrappedKey,
      keyId: sealed.keyId,
    },
  });
}

/**
 * Issue 13 §6 (ADR 0043): Oost-Vlaanderen confirmed its accounts last quarter (the access review
 * at /beheer/toegangsreview shows when and by whom); Antwerpen has not confirmed yet.
 */
async function seedAccessReview(db: PrismaClient, p: { ovl: string; adminId: string }): Promise<void> {
  const accounts = await db.user.count({ where: { roles: { some: { safeHouseId: p.ovl } } } });
  await db.$executeRaw`
    INSERT INTO "AccessReview" ("safeHouseId", "confirmedByUserId", "confirmedAt", "accounts")
    VALUES (${p.ovl}::uuid, ${p.adminId}::uuid, now() - interval '80 days', ${accounts})`;
}

/**
 * Search and the known-person check (issue 13 §4; ADR 0041), in Antwerpen: Gezin Vermeulen was
 * referred five months ago and sent on to regular care (VH-ANT-2026-0031); two days ago the
 * police referred the family again (VH-ANT-2026-0032, waiting for its art. 5 check). Inès is known
 * by her national number, Jürgen — typed "Jurgen" this time — by his name and birth date: the
 * coordinator sees a repeat referral in *Te toetsen* and on the dossier.
 */
async function seedRepeatReferral(
  db: PrismaClient,
  keys: FieldKeys,
  { ant, users }: { ant: string; users: Map<string, { id: string; organisationId: string }> },
) {
  const huisarts = users.get('aanmelder.huisarts@vhd.test')!;
  const politie = users.get('kernpartner.politie@vhd.test')!;
  const day = 86_400_000;
  const ines = { firstName: 'Inès', lastName: 'Vermeulen', dateOfBirth: new Date('1991-03-14') };
  const inesNumber = makeNationalNumber(ines.dateOfBirth, 57);
  const earlier = await makeDossier(db, keys, {
    safeHouseId: ant,
    referrerUserId: huisarts.id,
    referrerOrganisationId: huisarts.organisationId,
    status: 'REFERRED_TO_REGULAR_CARE',
    reference: 'VH-ANT-2026-0031',
    clientSystemLabel: 'Gezin Vermeulen',
    violenceForms: ['PARTNER_VIOLENCE'],
    members: [
      { memberRole: 'VICTIM', ...ines, nationalNumber: inesNumber },
      {
        memberRole: 'ALLEGED_PERPETRATOR',
        firstName: 'Jürgen',
        lastName: 'Vermeulen',
        dateOfBirth: new Date('1987-11-02'),
      },
    ],
  });
  const decidedAt = new Date(Date.now() - 140 * day);
  const until = new Date(decidedAt);
  until.setUTCFullYear(until.getUTCFullYear() + 5);
  await db.dossier.update({
    where: { id: earlier.id },
    data: {
      submittedAt: new Date(Date.now() - 150 * day),
      decidedAt,
      closedAt: decidedAt,
      retentionYears: 5,
      retentionUntil: until,
      decisionReasons: 'Geen acuut risico vastgesteld; doorverwezen naar het CAW voor partnerbegeleiding.',
    },
  });
  const repeat = await makeDossier(db, keys, {
    safeHouseId: ant,
    referrerUserId: politie.id,
    referrerOrganisationId: politie.organisationId,
    status: 'SUBMITTED',
    reference: 'VH-ANT-2026-0032',
    clientSystemLabel: 'Gezin Vermeulen',
    violenceForms: ['PARTNER_VIOLENCE'],
    members: [
      { memberRole: 'VICTIM', ...ines, nationalNumber: inesNumber },
      {
        memberRole: 'ALLEGED_PERPETRATOR',
        firstName: 'Jurgen',
        lastName: 'Vermeulen',
        dateOfBirth: new Date('1987-11-02'),
      },
    ],
  });
  await db.dossier.update({ where: { id: repeat.id }, data: { submittedAt: new Date(Date.now() - 2 * day) } });
  await db.referenceCounter.updateMany({
    where: { safeHouseId: ant, year: 2026, last: { lt: 32 } },
    data: { last: 32 },
  });
}

/**
 * Risk over time (issue 13 §5; ADR 0042) for VH-ANT-2026-0002 (Gezin Janssens, in trajectory): the
 * referrer's first screening (verhoogd, 40 days ago), then three assessments — the coordinator
 * (hoog, 30 days ago), the case director (verhoogd, 14 days ago) and the case director again
 * (hoog, yesterday): a recent rise, shown on the dossier and on "Mijn werk". The reasoning is
 * encrypted like every assessment's.
 */
async function seedRiskHistory(
  db: PrismaClient,
  keys: FieldKeys,
  users: Map<string, { id: string; organisationId: string }>,
) {
  const dossier = await db.dossier.findFirstOrThrow({
    where: { reference: 'VH-ANT-2026-0002' },
    select: { id: true, safeHouseId: true },
  });
  // imported here, so the demo's additions for this feature stay in this one function
  const { RISK_FACTORS } = await import('../lib/referrals/risk-screening');
  const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const answers = (yes: string[], unknown: string[] = []) =>
    Object.fromEntries(
      RISK_FACTORS.map((f) => f.key).map((k) => [k, yes.includes(k) ? 'YES' : unknown.includes(k) ? 'UNKNOWN' : 'NO']),
    );
  // the referral: submitted 40 days ago, with the referrer's own screening
  const first = answers(['separation', 'controlStalking', 'victimFear', 'honourPressure'], ['weapons']);
  await db.dossier.update({ where: { id: dossier.id }, data: { submittedAt: ago(40 * 24) } });
  await db.referral.update({
    where: { dossierId: dossier.id },
    data: {
      riskAnswers: first,
      riskScore: Object.values(first).filter((a) => a === 'YES').length,
      riskJudgement: 'ELEVATED',
      riskJudgementReason:
        'Amira meldt dreigementen van haar vader sinds ze een gearrangeerd huwelijk weigerde. Nog geen fysiek geweld.',
    },
  });
  const coordinator = users.get('coordinator.antwerpen@vhd.test')!;
  const director = users.get('casusregisseur.caw@vhd.test')!;
  const assessments = [
    {
      by: coordinator.id,
      asCaseDirector: false,
      hoursAgo: 30 * 24,
      level: 'HIGH' as const,
      answers: answers(['escalation', 'deathThreats', 'separation', 'controlStalking', 'victimFear', 'honourPressure']),
      reasoning:
        'Bij de start van het traject: Hassan zoekt Amira via familieleden en dreigde met eerwraak. Zij woont nog thuis.',
    },
    {
      by: director.id,
      asCaseDirector: true,
      hoursAgo: 14 * 24,
      level: 'ELEVATED' as const,
      answers: answers(['separation', 'controlStalking', 'honourPressure']),
      reasoning: 'Amira verblijft in de opvang van het CAW; sinds twee weken geen contact met Hassan.',
    },
    {
      by: director.id,
      asCaseDirector: true,
      hoursAgo: 20,
      level: 'HIGH' as const,
      answers: answers(['escalation', 'deathThreats', 'separation', 'controlStalking', 'victimFear', 'honourPressure']),
      reasoning:
        'Hassan vond het adres van de opvang en stond gisteren aan de deur (zie de dringende mededeling van de politie).',
    },
  ];
  for (const a of assessments) {
    await db.riskAssessment.create({
      data: {
        dossierId: dossier.id,
        safeHouseId: dossier.safeHouseId,
        assessorUserId: a.by,
        asCaseDirector: a.asCaseDirector,
        riskAnswers: a.answers,
        riskScore: Object.values(a.answers).filter((x) => x === 'YES').length,
        riskLevel: a.level,
        reasoningEnc: encryptField(keys, a.reasoning),
        assessedAt: ago(a.hoursAgo),
      },
    });
  }
}

/**
 * Issue 13 §2 (ADR 0039): what the demo users find under "Meldingen" — unread and read
 * notifications of what waits for them (no case content: kind, Veilig Huis, a path) — and a few
 * preferences. Their mail counts as sent already (one demo delivery each), so a worker started
 * with SMTP configured does not mail the demo addresses.
 */
async function seedNotifications(
  db: PrismaClient,
  c: { ant: string; users: Map<string, { id: string; organisationId: string }> },
) {
  const user = (email: string) => c.users.get(email)!.id;
  const dossier = async (reference: string) =>
    (await db.dossier.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id;
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
  const triage = await dossier('VH-ANT-2026-0001');
  const round = await dossier('VH-ANT-2026-0004');
  const asked = await dossier('VH-ANT-2026-0005');
  const trajectory = await dossier('VH-ANT-2026-0002');
  const consultation = await db.agencyConsultation.findUniqueOrThrow({
    where: { dossierId: asked },
    select: { id: true },
  });
  const politie = user('kernpartner.politie@vhd.test');
  const justitie = user('deelnemer.justitiehuis@vhd.test');
  const openAction = (ownerUserId: string) =>
    db.planAction.findFirst({ where: { dossierId: trajectory, ownerUserId, status: 'OPEN' }, select: { id: true } });
  const [dueAction, overdueAction] = await Promise.all([openAction(politie), openAction(justitie)]);
  type Row = {
    email: string;
    kind: string;
    dossierId: string | null;
    link: string;
    object: string;
    hours: number;
    read?: true;
  };
  const rows: Row[] = [
    {
      email: 'coordinator.antwerpen@vhd.test',
      kind: 'REFERRAL_TO_TRIAGE',
      dossierId: triage,
      link: `/dossiers/${triage}`,
      object: triage,
      hours: 3,
    },
    {
      email: 'coordinator.antwerpen@vhd.test',
      kind: 'REFERRAL_TO_TRIAGE',
      dossierId: round,
      link: `/dossiers/${round}`,
      object: round,
      hours: 50,
      read: true,
    },
    {
      email: 'vertegenwoordiger.antwerpen@vhd.test',
      kind: 'REFERRAL_TO_TRIAGE',
      dossierId: triage,
      link: `/dossiers/${triage}`,
      object: triage,
      hours: 3,
    },
    {
      email: 'kernpartner.caw@vhd.test',
      kind: 'INPUT_ROUND',
      dossierId: round,
      link: '/te-beantwoorden',
      object: round,
      hours: 26,
    },
    {
      email: 'kernpartner.politie@vhd.test',
      kind: 'INPUT_ROUND',
      dossierId: round,
      link: '/te-beantwoorden',
      object: round,
      hours: 26,
      read: true,
    },
    {
      email: 'vk.antwerpen@vhd.test',
      kind: 'CONSULTATION',
      dossierId: asked,
      link: '/te-beantwoorden',
      object: consultation.id,
      hours: 5,
    },
    ...(dueAction
      ? [
          {
            email: 'kernpartner.politie@vhd.test',
            kind: 'ACTION_DUE',
            dossierId: trajectory,
            link: '/acties',
            object: dueAction.id,
            hours: 2,
          },
        ]
      : []),
    ...(overdueAction
      ? [
          {
            email: 'deelnemer.justitiehuis@vhd.test',
            kind: 'ACTION_OVERDUE',
            dossierId: trajectory,
            link: '/acties',
            object: overdueAction.id,
            hours: 2,
          },
        ]
      : []),
  ];
  const deliveries = new Map<string, string>();
  for (const r of rows) {
    const userId = user(r.email);
    if (!deliveries.has(userId)) {
      const d = await db.notificationDelivery.create({
        data: { idempotencyKey: `demo:${userId}`, userId, kind: 'DIGEST', status: 'SENT', sentAt: new Date() },
      });
      deliveries.set(userId, d.id);
    }
    await db.notification.create({
      data: {
        userId,
        kind: r.kind,
        safeHouseId: c.ant,
        dossierId: r.dossierId,
        linkPath: r.link,
        dedupeKey: `${r.kind}:${r.object}`,
        createdAt: hoursAgo(r.hours),
        readAt: r.read ? hoursAgo(r.hours - 1) : null,
        deliveryId: deliveries.get(userId)!,
      },
    });
  }
  // preferences: the police officer wants action reminders at once; the coordinator transfers in the digest
  await db.notificationPreference.createMany({
    data: [
      { userId: politie, kind: 'ACTION_DUE', mode: 'IMMEDIATE' },
      { userId: politie, kind: 'ACTION_OVERDUE', mode: 'IMMEDIATE' },
      { userId: user('coordinator.antwerpen@vhd.test'), kind: 'TRANSFER', mode: 'DIGEST' },
    ],
  });
}

/**
 * Issue 13 §1 "Mijn werk" (ADR 0038): with the data above, every kind of waiting work is there
 * for some demo user (README, "Mijn werk"). Added here what was missing:
 * - an open vote: the justice house's delegate proposes, at today's open session of
 *   VH-ANT-2026-0002, to pass one item on under a reporting duty (art. 14 §2) — the chair
 *   (coordinator.antwerpen), kernpartner.politie, deelnemer.justitiehuis and casusregisseur.caw
 *   still have to vote;
 * - a transfer to accept: Oost-Vlaanderen hands VH-OVL-2026-0004 (Gezin Segers, moved to
 *   Antwerpen) to Antwerpen — coordinator.antwerpen accepts or refuses it;
 * - a secrecy acknowledgement: kernpartner.caw accepted to take part in VH-ANT-2026-0002 and has
 *   not yet acknowledged the secrecy of art. 458ter §2 Sw.
 */
async function seedMyWork(
  db: PrismaClient,
  keys: FieldKeys,
  c: { ant: string; ovl: string; trajectoryId: string; users: Map<string, { id: string; organisationId: string }> },
) {
  const user = (email: string) => c.users.get(email)!;
  const coordinator = user('coordinator.antwerpen@vhd.test');
  const justitie = user('deelnemer.justitiehuis@vhd.test');
  // the open vote, at today's open session of the case (its chair is the coordinator)
  const openItem = await db.agendaItem.findFirstOrThrow({
    where: { dossierId: c.trajectoryId, session: { state: 'OPEN' } },
    select: { id: true },
  });
  const item = await db.informationItem.findFirstOrThrow({
    where: { dossierId: c.trajectoryId, agendaItemId: openItem.id, authorUserId: justitie.id },
    select: { id: true },
  });
  const proposal = await db.disclosureProposal.create({
    data: {
      dossierId: c.trajectoryId,
      safeHouseId: c.ant,
      kind: 'REPORTING_DUTY',
      proposedByUserId: justitie.id,
      sharerUserId: justitie.id,
      ground: 'SAFETY',
      necessity: 'De justitieassistent moet de opvolging van het contactverbod aan de probatiecommissie melden.',
      recipient: 'Probatiecommissie Antwerpen',
      agendaItemId: openItem.id,
    },
  });
  await db.disclosureItem.create({
    data: { proposalId: proposal.id, informationItemId: item.id, dossierId: c.trajectoryId, safeHouseId: c.ant },
  });
  const current = await db.caseParticipant.findMany({
    where: {
      dossierId: c.trajectoryId,
      acceptedAt: { not: null },
      secrecyAcknowledgedAt: { not: null },
      leftAt: null,
    },
    select: { userId: true, organisationId: true },
  });
  await db.disclosureVoter.createMany({
    data: [
      { userId: coordinator.id, organisationId: coordinator.organisationId, capacity: 'CHAIR' as const },
      ...current.map((p) => ({ ...p, capacity: 'PARTICIPANT' as const })),
    ].map((v) => ({ ...v, proposalId: proposal.id, dossierId: c.trajectoryId, safeHouseId: c.ant })),
  });

  // a transfer from Oost-Vlaanderen to accept in Antwerpen
  const gent = user('kernpartner.gent@vhd.test');
  const segers = await makeDossier(db, keys, {
    safeHouseId: c.ovl,
    referrerUserId: gent.id,
    referrerOrganisationId: gent.organisationId,
    status: 'SUBMITTED',
    reference: 'VH-OVL-2026-0004',
    clientSystemLabel: 'Gezin Segers',
    members: [{ memberRole: 'VICTIM', firstName: 'Lien', lastName: 'Segers', dateOfBirth: new Date('1987-02-11') }],
  });
  await db.referenceCounter.updateMany({
    where: { safeHouseId: c.ovl, year: 2026, last: { lt: 4 } },
    data: { last: 4 },
  });
  await db.transferRequest.create({
    data: {
      dossierId: segers.id,
      reference: 'VH-OVL-2026-0004',
      fromSafeHouseId: c.ovl,
      toSafeHouseId: c.ant,
      reason: 'Het gezin is verhuisd naar Antwerpen.',
      requestedByUserId: user('coordinator.oostvlaanderen@vhd.test').id,
      createdAt: new Date(Date.now() - 3_600_000),
    },
  });

  // a participation accepted, its secrecy not yet acknowledged
  const caw = user('kernpartner.caw@vhd.test');
  await makeParticipant(db, {
    dossierId: c.trajectoryId,
    safeHouseId: c.ant,
    organisationId: caw.organisationId,
    userId: caw.id,
    acknowledged: false,
  });
}
