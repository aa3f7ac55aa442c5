import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '@/prisma/factories';
import { findPerson } from '@/lib/gdpr/find-person';
import { getAccessOverview } from '@/lib/gdpr/access-overview';
import { rectifyMember } from '@/lib/gdpr/rectify-member';
import { isClosedDossierError } from '@/lib/gdpr/db-errors';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { withActor } from '@/lib/use-case/kernel';
import { decryptField, encryptField, lookupHmac } from '@/lib/crypto/fields';
import { formatNationalNumber, makeNationalNumber } from '@/lib/validation/national-number';
import { ownerDb, testKeys } from '../helpers/db';
import { declareWorld } from '../helpers/scenario';

/**
 * GDPR art. 15 (access) and 16 (rectification) at the coordinator's desk: a person is found in
 * the dossiers of the coordinator's own safe house only, the overview lists what the dossier
 * environment holds about them, a correction re-encrypts what it must — and the access log
 * records each step without the name or number searched for or corrected.
 */
const stamp = Date.now().toString(36).toUpperCase();
// distinctive, so that the log can be searched for them
const LAST = `Zwartelaere${stamp}`;
const FIRST = 'Noor';
const NN = makeNationalNumber(new Date(Date.UTC(1988, 2, 14)), 217);
const RECT_NN_OLD = makeNationalNumber(new Date(Date.UTC(1979, 10, 2)), 431);
const RECT_NN_NEW = makeNationalNumber(new Date(Date.UTC(1979, 10, 3)), 433);
const RECT_LAST = `Verbrugghe${stamp}`;

async function world() {
  const db = ownerDb();
  const keys = testKeys();
  const {
    houses: { houseA, houseB },
    orgs: { caw, police },
    users: u,
  } = await declareWorld({
    houses: ['houseA', 'houseB', 'houseC'],
    organisations: {
      agency: { kind: 'AGENCY_JUSTICE_ENFORCEMENT' },
      caw: { kind: 'CAW', corePartnerOf: ['houseA'] },
      police: { kind: 'POLICE', corePartnerOf: ['houseA'] },
    },
    users: {
      coordA: { org: 'agency', role: 'COORDINATOR', house: 'houseA', name: 'Coördinator Anna' },
      reprA: { org: 'agency', role: 'COORDINATOR_REPRESENTATIVE', house: 'houseA' },
      coordB: { org: 'agency', role: 'COORDINATOR', house: 'houseB' },
      coordC: { org: 'agency', role: 'COORDINATOR', house: 'houseC' },
      referrer: { org: 'caw', role: 'REFERRER', name: 'Aanmelder Bart' },
      police: { org: 'police', role: 'REFERRER', name: 'Inspecteur Pol' },
      dpo: { org: 'agency', role: 'DPO' },
    },
  });
  const by = { referrerUserId: u.referrer.id, referrerOrganisationId: caw.id };
  const person = (extra: { firstName?: string; dateOfBirth?: Date } = {}) => ({
    memberRole: 'VICTIM' as const,
    firstName: extra.firstName ?? FIRST,
    lastName: LAST,
    nationalNumber: NN,
    dateOfBirth: extra.dateOfBirth ?? new Date(Date.UTC(1988, 2, 14)),
  });
  const d1 = await makeDossier(db, keys, {
    safeHouseId: houseA.id,
    ...by,
    status: 'IN_TRAJECTORY',
    clientSystemLabel: `Gezin ${LAST}`,
    members: [person(), { memberRole: 'ALLEGED_PERPETRATOR', firstName: 'Kurt', lastName: LAST }],
  });
  // the same person in an older dossier of the same house, first name spelled otherwise
  const d2 = await makeDossier(db, keys, {
    safeHouseId: houseA.id,
    ...by,
    status: 'SUBMITTED',
    members: [person({ firstName: 'Noortje' })],
  });
  // and in a dossier of another safe house
  const d3 = await makeDossier(db, keys, { safeHouseId: houseB.id, ...by, status: 'SUBMITTED', members: [person()] });
  // a draft of house A is not the coordinator's yet
  const draft = await makeDossier(db, keys, { safeHouseId: houseA.id, ...by, status: 'DRAFT', members: [person()] });
  const rect = await makeDossier(db, keys, {
    safeHouseId: houseA.id,
    ...by,
    status: 'IN_TRAJECTORY',
    members: [
      {
        memberRole: 'PARENT',
        firstName: 'Jan',
        lastName: 'Verbrugge',
        nationalNumber: RECT_NN_OLD,
        dateOfBirth: new Date(Date.UTC(1979, 10, 2)),
      },
    ],
  });
  const closed = await makeDossier(db, keys, {
    safeHouseId: houseA.id,
    ...by,
    status: 'IN_TRAJECTORY',
    members: [{ memberRole: 'CHILD', firstName: 'Lien', lastName: 'Gesloten', isMinor: true }],
  });
  await db.dossier.update({
    where: { id: closed.id },
    data: {
      status: 'CLOSED',
      closedAt: new Date(),
      retentionUntil: new Date(Date.now() + 15 * 365 * 86_400_000),
      retentionYears: 15,
      closureReasons: 'Doelen bereikt.',
    },
  });

  const members = async (dossierId: string) =>
    db.clientMember.findMany({ where: { dossierId }, orderBy: { memberRole: 'asc' } });
  const d1Members = await members(d1.id);
  const victim = d1Members.find((m) => m.memberRole === 'VICTIM');
  const perpetrator = d1Members.find((m) => m.memberRole === 'ALLEGED_PERPETRATOR');
  const victimD2 = (await members(d2.id))[0]!;
  const victimD3 = (await members(d3.id))[0]!;
  const rectMember = (await members(rect.id))[0]!;
  const closedMember = (await members(closed.id))[0]!;
  await db.clientMember.update({
    where: { id: victim!.id },
    data: { contactEnc: encryptField(keys, 'Kerkstraat 1, 2000 Antwerpen') },
  });

  const item = await db.informationItem.create({
    data: {
      dossierId: d1.id,
      safeHouseId: houseA.id,
      organisationId: police.id,
      authorUserId: u.police.id,
      category: 10,
      concernsMemberId: victim!.id,
      content: 'Na het laatste incident op spoed behandeld voor kneuzingen.',
    },
  });
  await db.informationItem.create({
    data: {
      dossierId: d1.id,
      safeHouseId: houseA.id,
      organisationId: police.id,
      authorUserId: u.police.id,
      category: 9,
      concernsMemberId: perpetrator!.id,
      content: 'Proces-verbaal opgesteld tegen de vermoedelijke pleger.',
    },
  });
  await db.informationItem.create({
    data: {
      dossierId: d1.id,
      safeHouseId: houseA.id,
      organisationId: caw.id,
      authorUserId: u.referrer.id,
      category: 7,
      content: 'Algemene info over het gezin.',
    },
  });
  const proposal = await db.disclosureProposal.create({
    data: {
      dossierId: d1.id,
      safeHouseId: houseA.id,
      kind: 'CLIENT_MEMBER',
      proposedByUserId: u.police.id,
      memberId: victim!.id,
      sharerUserId: u.police.id,
      ground: 'SAFETY',
      necessity: 'Zij moet weten dat er een contactverbod is.',
      status: 'APPROVED',
      decidedAt: new Date(),
      items: { create: [{ informationItemId: item.id, dossierId: d1.id, safeHouseId: houseA.id }] },
    },
  });
  return {
    houseA,
    houseB,
    orgs: { caw, police },
    u,
    d1,
    d2,
    d3,
    draft,
    rect,
    closed,
    victim: victim!,
    perpetrator: perpetrator!,
    victimD2,
    victimD3,
    rectMember,
    closedMember,
    item,
    proposal,
  };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
  // accesses that the overview must report
  await getDossier(w.u.coordA.id, w.d1.id);
  await getDossier(w.u.referrer.id, w.d1.id);
});

const rectValues = (
  over: Partial<Record<'firstName' | 'lastName' | 'dateOfBirth' | 'sex' | 'nationalNumber' | 'reason', string>> = {},
) => ({
  firstName: 'Jan',
  lastName: RECT_LAST,
  dateOfBirth: '1979-11-03',
  sex: 'MALE',
  nationalNumber: formatNationalNumber(RECT_NN_NEW),
  reason: 'Verzoek tot rechtzetting van de betrokkene, identiteitskaart gezien.',
  ...over,
});

describe('GDPR art. 15: finding a person', () => {
  it('GDPR art. 15: the coordinator finds a person by national register number, in their own safe house only', async () => {
    const found = await findPerson(w.u.coordA.id, {
      nationalNumber: formatNationalNumber(NN),
      lastName: '',
      firstName: '',
      dateOfBirth: '',
    });
    expect(found.map((m) => m.memberId).sort()).toEqual([w.victim.id, w.victimD2.id].sort());
    expect(found.find((m) => m.memberId === w.victim.id)).toMatchObject({
      reference: w.d1.reference,
      memberRole: 'VICTIM',
      firstName: FIRST,
      lastName: LAST,
      dateOfBirth: '1988-03-14',
      status: 'IN_TRAJECTORY',
    });
    // the representative too; another house's coordinator only their own; a third nothing
    expect(
      await findPerson(w.u.reprA.id, { nationalNumber: NN, lastName: '', firstName: '', dateOfBirth: '' }),
    ).toHaveLength(2);
    const inB = await findPerson(w.u.coordB.id, { nationalNumber: NN, lastName: '', firstName: '', dateOfBirth: '' });
    expect(inB.map((m) => m.memberId)).toEqual([w.victimD3.id]);
    expect(
      await findPerson(w.u.coordC.id, { nationalNumber: NN, lastName: '', firstName: '', dateOfBirth: '' }),
    ).toEqual([]);
  });

  it('GDPR art. 15: the coordinator finds a person by name (and birth date), case-insensitively and exactly', async () => {
    const byName = await findPerson(w.u.coordA.id, {
      nationalNumber: '',
      lastName: LAST.toUpperCase(),
      firstName: 'noor',
      dateOfBirth: '',
    });
    expect(byName.map((m) => m.memberId)).toEqual([w.victim.id]); // not "Noortje", not the draft, not house B
    const withBirth = await findPerson(w.u.coordA.id, {
      nationalNumber: '',
      lastName: LAST,
      firstName: 'Noortje',
      dateOfBirth: '1988-03-14',
    });
    expect(withBirth.map((m) => m.memberId)).toEqual([w.victimD2.id]);
    expect(
      await findPerson(w.u.coordA.id, {
        nationalNumber: '',
        lastName: LAST,
        firstName: 'Noor',
        dateOfBirth: '1988-03-15',
      }),
    ).toEqual([]);
    expect(
      await findPerson(w.u.coordC.id, { nationalNumber: '', lastName: LAST, firstName: FIRST, dateOfBirth: '' }),
    ).toEqual([]);
    // no pattern search
    await expect(
      findPerson(w.u.coordA.id, { nationalNumber: '', lastName: 'Zwarte%', firstName: '%', dateOfBirth: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { lastName: expect.any(String), firstName: expect.any(String) },
    });
  });

  it('GDPR art. 15: a search is validated, and is for coordinators only', async () => {
    await expect(
      findPerson(w.u.coordA.id, { nationalNumber: '88.03.14-217.00', lastName: '', firstName: '', dateOfBirth: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { nationalNumber: expect.stringMatching(/rijksregisternummer/) },
    });
    await expect(
      findPerson(w.u.coordA.id, { nationalNumber: '', lastName: '', firstName: '', dateOfBirth: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { lastName: expect.any(String), firstName: expect.any(String) },
    });
    for (const user of [w.u.referrer, w.u.police, w.u.dpo]) {
      await expect(
        findPerson(user.id, { nationalNumber: NN, lastName: '', firstName: '', dateOfBirth: '' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
      await expect(getAccessOverview(user.id, w.victim.id)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    }
  });
});

describe('GDPR art. 15: the overview', () => {
  it('GDPR art. 15: the overview lists every information item about the person, and nothing about others', async () => {
    const o = await getAccessOverview(w.u.coordA.id, w.victim.id);
    expect(o.records.map((r) => r.member.id)).toEqual([w.victim.id, w.victimD2.id]); // linked by national number; not house B
    const r = o.records[0]!;
    expect(r.member).toMatchObject({
      firstName: FIRST,
      lastName: LAST,
      nationalNumber: formatNationalNumber(NN),
      contact: 'Kerkstraat 1, 2000 Antwerpen',
      sex: 'UNKNOWN',
    });
    expect(r.dossier).toMatchObject({
      id: w.d1.id,
      reference: w.d1.reference,
      status: 'IN_TRAJECTORY',
      safeHouseName: w.houseA.name,
      referrerOrganisation: w.orgs.caw.name,
    });
    expect(r.referral).toMatchObject({ violenceForms: ['PARTNER_VIOLENCE'], violenceTypes: ['PHYSICAL'] });
    expect(r.informationItems).toEqual([
      {
        id: w.item.id,
        organisation: w.orgs.police.name,
        category: 10,
        categoryLabel: 'Gezondheid',
        createdAt: expect.any(Date),
        content: 'Na het laatste incident op spoed behandeld voor kneuzingen.',
      },
    ]);
    expect(r.disclosures).toEqual([
      {
        id: w.proposal.id,
        kind: 'CLIENT_MEMBER',
        ground: 'SAFETY',
        status: 'APPROVED',
        createdAt: expect.any(Date),
        decidedAt: expect.any(Date),
        sharedAt: null,
        itemCount: 1,
      },
    ]);
    expect(r.canRectify).toBe(true);
    expect(o.records[1]).toMatchObject({
      member: { firstName: 'Noortje' },
      dossier: { id: w.d2.id },
      informationItems: [],
      disclosures: [],
    });
  });

  it('GDPR art. 15: the overview says who accessed the dossier, when and what they did', async () => {
    const o = await getAccessOverview(w.u.coordA.id, w.victim.id);
    const log = o.records[0]!.accessLog;
    expect(log).toEqual(
      expect.arrayContaining([
        {
          occurredAt: expect.any(Date),
          actorName: 'Coördinator Anna',
          organisationName: expect.any(String),
          action: 'dossier.view',
          outcome: 'ALLOWED',
        },
        {
          occurredAt: expect.any(Date),
          actorName: 'Aanmelder Bart',
          organisationName: w.orgs.caw.name,
          action: 'dossier.view',
          outcome: 'ALLOWED',
        },
      ]),
    );
    // newest first; only the five columns, never the log's free fields
    const times = log.map((l) => l.occurredAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const line of log)
      expect(Object.keys(line).sort()).toEqual(['action', 'actorName', 'occurredAt', 'organisationName', 'outcome']);
  });

  it('GDPR art. 15: a member of another safe house is not found, and the attempt is logged as denied', async () => {
    await expect(getAccessOverview(w.u.coordA.id, w.victimD3.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getAccessOverview(w.u.coordA.id, crypto.randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const denied = await ownerDb().auditEvent.findFirst({
      where: { actorUserId: w.u.coordA.id, action: 'gdpr.accessOverview', objectId: w.victimD3.id },
    });
    expect(denied).toMatchObject({ outcome: 'DENIED', dossierId: null, safeHouseId: null });
    // and the other house's coordinator does not see house A's records through the national number
    const inB = await getAccessOverview(w.u.coordB.id, w.victimD3.id);
    expect(inB.records.map((r) => r.member.id)).toEqual([w.victimD3.id]);
    expect(inB.records[0]!.accessLog.every((l) => l.actorName !== 'Aanmelder Bart')).toBe(true);
  });

  it('GDPR art. 15: the access-log function answers only the coordinator of the holding house', async () => {
    const lines = (userId: string) =>
      withActor(userId, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM gdpr_dossier_access_log(${w.d1.id}::uuid, 100)`);
    expect((await lines(w.u.coordA.id)).length).toBeGreaterThan(0);
    expect(await lines(w.u.coordB.id)).toEqual([]);
    expect(await lines(w.u.referrer.id)).toEqual([]); // the referrer sees the dossier, not who else did
    expect(await lines(w.u.dpo.id)).toEqual([]);
  });
});

describe('GDPR art. 16: rectification', () => {
  it('GDPR art. 16: rectification re-encrypts the national number and is logged without the values', async () => {
    const before = await ownerDb().clientMember.findUniqueOrThrow({ where: { id: w.rectMember.id } });
    const result = await rectifyMember(w.u.coordA.id, w.rectMember.id, rectValues());
    expect(result.changed.sort()).toEqual(['dateOfBirth', 'lastName', 'nationalNumber', 'sex']);
    const after = await ownerDb().clientMember.findUniqueOrThrow({ where: { id: w.rectMember.id } });
    const keys = testKeys();
    expect(after).toMatchObject({
      firstName: 'Jan',
      lastName: RECT_LAST,
      sex: 'MALE',
      dateOfBirth: new Date('1979-11-03T00:00:00Z'),
      isMinor: false,
    });
    expect(after.nationalNumberEnc).not.toBe(before.nationalNumberEnc);
    expect(decryptField(keys, after.nationalNumberEnc!)).toBe(RECT_NN_NEW);
    expect(after.nationalNumberHmac).toBe(lookupHmac(keys, RECT_NN_NEW));
    expect(after.nationalNumberEnc).not.toContain(RECT_NN_NEW);

    const event = await ownerDb().auditEvent.findFirst({
      where: { action: 'gdpr.rectify', objectId: w.rectMember.id },
      orderBy: { seq: 'desc' },
    });
    expect(event).toMatchObject({
      actorUserId: w.u.coordA.id,
      objectType: 'ClientMember',
      dossierId: w.rect.id,
      safeHouseId: w.houseA.id,
      purpose: 'dataSubjectRights',
      reason: 'Verzoek tot rechtzetting van de betrokkene, identiteitskaart gezien.',
      outcome: 'ALLOWED',
    });
    // the new number finds the member; the old one no longer does
    expect(
      (
        await findPerson(w.u.coordA.id, { nationalNumber: RECT_NN_NEW, lastName: '', firstName: '', dateOfBirth: '' })
      ).map((m) => m.memberId),
    ).toEqual([w.rectMember.id]);
    expect(
      await findPerson(w.u.coordA.id, { nationalNumber: RECT_NN_OLD, lastName: '', firstName: '', dateOfBirth: '' }),
    ).toEqual([]);
  });

  it('GDPR art. 16: an empty national number removes it', async () => {
    await rectifyMember(
      w.u.reprA.id,
      w.rectMember.id,
      rectValues({ nationalNumber: '', reason: 'Nummer bleek van een ander te zijn.' }),
    );
    const after = await ownerDb().clientMember.findUniqueOrThrow({ where: { id: w.rectMember.id } });
    expect(after).toMatchObject({ nationalNumberEnc: null, nationalNumberHmac: null });
    await rectifyMember(w.u.coordA.id, w.rectMember.id, rectValues({ reason: 'Juiste nummer teruggezet.' }));
  });

  it('GDPR art. 16: rectification is validated, field by field', async () => {
    await expect(
      rectifyMember(w.u.coordA.id, w.rectMember.id, rectValues({ nationalNumber: '79.11.03-433.00' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { nationalNumber: expect.stringMatching(/rijksregisternummer/) },
    });
    await expect(
      rectifyMember(
        w.u.coordA.id,
        w.rectMember.id,
        rectValues({ reason: ' ', firstName: '', dateOfBirth: '2999-01-01' }),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: {
        reason: expect.any(String),
        firstName: expect.any(String),
        dateOfBirth: expect.stringMatching(/toekomst/),
      },
    });
    // the reason goes into the log: no personal data in it
    await expect(
      rectifyMember(
        w.u.coordA.id,
        w.rectMember.id,
        rectValues({ lastName: 'Anders', reason: `nummer was ${RECT_NN_OLD}` }),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { reason: expect.stringMatching(/rijksregisternummer/) },
    });
    await expect(
      rectifyMember(w.u.coordA.id, w.rectMember.id, rectValues({ reason: 'Nog eens hetzelfde.' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/niets gewijzigd/),
    });
  });

  it('GDPR art. 16: a closed dossier can still be rectified during its retention term — identification data only', async () => {
    const o = await getAccessOverview(w.u.coordA.id, w.closedMember.id);
    expect(o.records[0]).toMatchObject({ canRectify: true, dossier: { status: 'CLOSED' } });
    await rectifyMember(w.u.coordA.id, w.closedMember.id, {
      firstName: 'Line',
      lastName: 'Gesloten',
      dateOfBirth: '',
      sex: 'FEMALE',
      nationalNumber: '',
      reason: 'Tikfout in de voornaam.',
    });
    expect(await ownerDb().clientMember.findUniqueOrThrow({ where: { id: w.closedMember.id } })).toMatchObject({
      firstName: 'Line',
    });
    // anything but identification data stays read-only in the database
    const other = await withActor(w.u.coordA.id, (tx) =>
      tx.clientMember.updateMany({ where: { id: w.closedMember.id }, data: { memberRole: 'OTHER' } }),
    ).catch((e: unknown) => e);
    expect(isClosedDossierError(other)).toBe(true);
    expect(isClosedDossierError(new Error('something else'))).toBe(false);
  });

  it('GDPR art. 16: a member of another safe house, or of a dossier one only referred, is not found', async () => {
    await expect(
      rectifyMember(w.u.coordB.id, w.rectMember.id, rectValues({ reason: 'Poging.' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rectifyMember(w.u.referrer.id, w.victim.id, rectValues({ reason: 'Poging.' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(rectifyMember(w.u.coordA.id, w.victimD3.id, rectValues({ reason: 'Poging.' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const denied = await ownerDb().auditEvent.findMany({
      where: {
        action: 'gdpr.rectify',
        outcome: 'DENIED',
        objectId: { in: [w.rectMember.id, w.victim.id, w.victimD3.id] },
      },
    });
    expect(denied.map((e) => e.actorUserId).sort()).toEqual([w.u.coordB.id, w.u.referrer.id, w.u.coordA.id].sort());
    expect(await ownerDb().clientMember.findUniqueOrThrow({ where: { id: w.victimD3.id } })).toMatchObject({
      lastName: LAST,
    });
  });
});

describe('GDPR art. 15 and 16: the access log', () => {
  it('GDPR art. 15/16: search, overview and rectification are logged', async () => {
    const events = await ownerDb().auditEvent.findMany({
      where: { actorUserId: w.u.coordA.id, action: { startsWith: 'gdpr.' }, outcome: 'ALLOWED' },
    });
    const search = events.filter((e) => e.action === 'gdpr.search');
    expect(search.map((e) => e.objectId)).toEqual(
      expect.arrayContaining(['zoekwijze=rijksregisternummer;resultaten=2', 'zoekwijze=naam;resultaten=1']),
    );
    expect(search.every((e) => e.purpose === 'dataSubjectRights' && e.dossierId === null)).toBe(true);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'gdpr.accessOverview',
          objectId: w.victim.id,
          dossierId: w.d1.id,
          safeHouseId: w.houseA.id,
        }),
        expect.objectContaining({ action: 'gdpr.accessOverview', objectId: w.victimD2.id, dossierId: w.d2.id }),
        expect.objectContaining({ action: 'gdpr.rectify', objectId: w.rectMember.id, dossierId: w.rect.id }),
      ]),
    );
  });

  it('GDPR art. 15/16: the log contains no searched or corrected name or number, in any column', async () => {
    const rows = await ownerDb().$queryRaw<{ line: string }[]>`SELECT row_to_json(e)::text AS line FROM "AuditEvent" e`;
    expect(rows.length).toBeGreaterThan(0);
    const secrets = [
      LAST,
      RECT_LAST,
      NN,
      formatNationalNumber(NN),
      RECT_NN_OLD,
      RECT_NN_NEW,
      formatNationalNumber(RECT_NN_NEW),
      'Noortje',
      'Kerkstraat',
    ];
    for (const { line } of rows) {
      for (const secret of secrets) expect(line.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
  });
});
