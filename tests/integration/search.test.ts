import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '@/prisma/factories';
import { searchDossiers, hashSearchTerms } from '@/lib/search/search-dossiers';
import { getSearchDesk } from '@/lib/search/search-desk';
import { SEARCH_RESULT_CAP, NO_TERMS, type SearchValues } from '@/lib/search/schemas';
import { rectifyMember } from '@/lib/gdpr/rectify-member';
import { formatNationalNumber, makeNationalNumber } from '@/lib/validation/national-number';
import { ownerDb, testKeys } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';

/**
 * Issue 13 §4 (ADR 0041): the coordinator searches the dossiers of their own safe house by
 * reference, client-system or member name (tolerant of accents and case), birth date and national
 * number (by its HMAC). Nothing of another safe house, no drafts, nobody but coordinators; each
 * search in the access log with its terms only as an HMAC.
 */
// letters only, so that the folded name is the typed one in lower case
const TAG = Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join('');
const LAST = `Dévos-Ñùñez${TAG}`;
const NN = makeNationalNumber(new Date(Date.UTC(1979, 1, 28)), 311);
const OTHER_NN = makeNationalNumber(new Date(Date.UTC(1979, 1, 28)), 313);

let s: Scenario;
let inHouseA: { id: string; reference: string };
let inHouseB: { id: string; reference: string };
let closedA: { id: string; reference: string };
let closedMemberId: string;

const search = (userId: string, v: Partial<SearchValues>) =>
  searchDossiers(userId, { reference: '', name: '', dateOfBirth: '', nationalNumber: '', ...v });
const refs = (r: { hits: { reference: string }[] }) => r.hits.map((h) => h.reference).sort();

beforeAll(async () => {
  s = await buildScenario();
  const db = ownerDb();
  const keys = testKeys();
  const by = (u: { id: string; organisationId: string }) => ({
    referrerUserId: u.id,
    referrerOrganisationId: u.organisationId,
  });
  inHouseA = await makeDossier(db, keys, {
    safeHouseId: s.houseA.id,
    ...by(s.users.referrer),
    status: 'SUBMITTED',
    clientSystemLabel: `Gezin Ëlsen${TAG}`,
    members: [
      {
        memberRole: 'VICTIM',
        firstName: 'Inès',
        lastName: LAST,
        dateOfBirth: new Date('1979-02-28'),
        nationalNumber: NN,
      },
      { memberRole: 'ALLEGED_PERPETRATOR', firstName: 'Jürgen', lastName: LAST, dateOfBirth: new Date('1975-06-01') },
    ],
  });
  inHouseB = await makeDossier(db, keys, {
    safeHouseId: s.houseB.id,
    ...by(s.users.referrer2),
    status: 'SUBMITTED',
    clientSystemLabel: `Gezin Ëlsen${TAG}`,
    members: [
      {
        memberRole: 'VICTIM',
        firstName: 'Inès',
        lastName: LAST,
        dateOfBirth: new Date('1979-02-28'),
        nationalNumber: NN,
      },
    ],
  });
  // a draft of house A is its referrer's alone: never found
  await makeDossier(db, keys, {
    safeHouseId: s.houseA.id,
    ...by(s.users.referrer),
    status: 'DRAFT',
    clientSystemLabel: `Gezin Ëlsen${TAG}`,
    members: [{ memberRole: 'VICTIM', firstName: 'Inès', lastName: LAST, nationalNumber: NN }],
  });
  closedA = await makeDossier(db, keys, {
    safeHouseId: s.houseA.id,
    ...by(s.users.referrer),
    status: 'CLOSED',
    clientSystemLabel: `Gezin Closed${TAG}`,
    members: [{ memberRole: 'CHILD', firstName: 'Mila', lastName: `Oud${TAG}`, dateOfBirth: new Date('2015-03-01') }],
  });
  closedMemberId = (await db.clientMember.findFirstOrThrow({ where: { dossierId: closedA.id } })).id;
});

describe('issue 13 §4: the coordinator searches the dossiers of their own safe house', () => {
  it('issue 13 §4: a member name is found whatever its accents and case, by the beginning of each word', async () => {
    for (const name of [
      `ines devos-nunez${TAG}`,
      `INES DEVOS NUNEZ${TAG.toUpperCase()}`,
      `Nuñez${TAG.slice(0, 5)} in`,
    ]) {
      const r = await search(s.users.coordA.id, { name });
      expect(refs(r), name).toEqual([inHouseA.reference]);
      expect(r.hits[0]!.members.map((m) => m.firstName)).toContain('Inès');
    }
    // the client system's name too; a word that is not the beginning of a word of the name finds nothing
    expect(refs(await search(s.users.coordA.id, { name: `elsen${TAG}` }))).toEqual([inHouseA.reference]);
    expect((await search(s.users.coordA.id, { name: `vos-nunez${TAG}` })).hits).toEqual([]);
    // the representative of the coordinator searches the same house
    expect(refs(await search(s.users.reprA.id, { name: `jurgen nunez${TAG}` }))).toEqual([inHouseA.reference]);
  });

  it('issue 13 §4: a birth date narrows the name to one and the same member', async () => {
    const r = await search(s.users.coordA.id, { name: `nunez${TAG}`, dateOfBirth: '1975-06-01' });
    expect(refs(r)).toEqual([inHouseA.reference]);
    expect(r.hits[0]!.members.map((m) => m.firstName)).toEqual(['Jürgen']);
    expect((await search(s.users.coordA.id, { name: `ines nunez${TAG}`, dateOfBirth: '1975-06-01' })).hits).toEqual([]);
    expect(refs(await search(s.users.coordA.id, { dateOfBirth: '1979-02-28', name: `nunez${TAG}` }))).toEqual([
      inHouseA.reference,
    ]);
  });

  it('issue 13 §4: the national number is matched by its HMAC, written with or without dots', async () => {
    for (const nationalNumber of [NN, formatNationalNumber(NN)])
      expect(refs(await search(s.users.coordA.id, { nationalNumber })), nationalNumber).toEqual([inHouseA.reference]);
    expect((await search(s.users.coordA.id, { nationalNumber: OTHER_NN })).hits).toEqual([]);
  });

  it('issue 13 §4: a reference, or part of it, in any case', async () => {
    expect(refs(await search(s.users.coordA.id, { reference: inHouseA.reference.toLowerCase() }))).toEqual([
      inHouseA.reference,
    ]);
    // another house's reference: not found
    expect((await search(s.users.coordA.id, { reference: inHouseB.reference })).hits).toEqual([]);
  });

  it('issue 13 §4: no result from another safe house, and no draft', async () => {
    expect(refs(await search(s.users.coordA.id, { nationalNumber: NN }))).toEqual([inHouseA.reference]);
    expect(refs(await search(s.users.coordB.id, { nationalNumber: NN }))).toEqual([inHouseB.reference]);
    expect(refs(await search(s.users.coordB.id, { name: `ines nunez${TAG}` }))).toEqual([inHouseB.reference]);
  });

  it('issue 13 §4: a referrer, a core partner, the DPO cannot search (not for their role, nothing revealed)', async () => {
    for (const who of [s.users.referrer, s.users.coreStaffA, s.users.mandated, s.users.participant, s.users.dpo]) {
      await expect(search(who.id, { nationalNumber: NN })).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
      await expect(getSearchDesk(who.id)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    }
  });

  it('issue 13 §4: the access log holds the HMAC of the terms, never the terms, and each dossier shown', async () => {
    const before = await ownerDb().auditEvent.aggregate({ _max: { seq: true } });
    const terms = { name: `Inès Nuñez${TAG}`, dateOfBirth: '1979-02-28', nationalNumber: formatNationalNumber(NN) };
    const r = await search(s.users.reprA.id, terms);
    expect(refs(r)).toEqual([inHouseA.reference]);
    const rows = await ownerDb().auditEvent.findMany({
      where: { actorUserId: s.users.reprA.id, seq: { gt: before._max.seq ?? 0n } },
      orderBy: { seq: 'asc' },
    });
    const searchRow = rows.find((x) => x.action === 'dossier.search')!;
    const expected = hashSearchTerms(testKeys(), {
      reference: null,
      name: terms.name,
      dateOfBirth: terms.dateOfBirth,
      nationalNumber: NN,
    });
    expect(searchRow).toMatchObject({
      objectType: 'DossierSearch',
      objectId: `hmac=${expected};velden=naam+geboortedatum+rijksregisternummer;resultaten=1`,
      purpose: 'caseWork',
      outcome: 'ALLOWED',
    });
    // the same terms typed differently give the same HMAC: a repeated look-up of one person shows
    await search(s.users.reprA.id, { ...terms, name: `ines  NUNEZ${TAG.toUpperCase()}`, nationalNumber: NN });
    const again = await ownerDb().auditEvent.findFirstOrThrow({
      where: { actorUserId: s.users.reprA.id, action: 'dossier.search' },
      orderBy: { seq: 'desc' },
    });
    expect(again.objectId).toBe(searchRow.objectId);
    expect(rows.filter((x) => x.action === 'search.result').map((x) => x.dossierId)).toEqual([inHouseA.id]);
    const text = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).toLowerCase();
    for (const clear of [TAG, 'ines', 'inès', 'nunez', '1979-02-28', '28/02/1979', NN, NN.slice(0, 6)])
      expect(text, clear).not.toContain(clear.toLowerCase());
  });

  it('issue 13 §4: the terms are checked with Dutch messages; a search without terms is refused', async () => {
    await expect(search(s.users.coordA.id, { name: 'a' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { name: 'Geef minstens 2 letters van de naam.' },
    });
    await expect(search(s.users.coordA.id, { dateOfBirth: '1979-02-30' })).rejects.toMatchObject({
      fieldErrors: { dateOfBirth: 'Geef een geldige datum (dd/mm/jjjj).' },
    });
    await expect(search(s.users.coordA.id, { nationalNumber: '12345678901' })).rejects.toMatchObject({
      fieldErrors: { nationalNumber: expect.stringContaining('rijksregisternummer klopt niet') },
    });
    await expect(search(s.users.coordA.id, { reference: 'VH%' })).rejects.toMatchObject({
      fieldErrors: { reference: expect.stringContaining('letters, cijfers en koppeltekens') },
    });
    await expect(search(s.users.coordA.id, { name: '   ' })).rejects.toMatchObject({ message: NO_TERMS });
    // wildcards are no wildcards: "%" and "_" are not part of any name
    expect((await search(s.users.coordA.id, { name: '%_' + TAG })).hits).toEqual([]);
  });

  it(`issue 13 §4: at most ${SEARCH_RESULT_CAP} dossiers, newest first, and the answer says there were more`, async () => {
    const db = ownerDb();
    const label = `Gezin Veel${TAG}`;
    await db.dossier.createMany({
      data: Array.from({ length: SEARCH_RESULT_CAP + 1 }, (_, i) => ({
        reference: `VH-CAP-${TAG}-${String(i).padStart(3, '0')}`,
        safeHouseId: s.houseA.id,
        status: 'SUBMITTED' as const,
        clientSystemLabel: label,
        referrerUserId: s.users.referrer.id,
        referrerOrganisationId: s.users.referrer.organisationId,
        submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000),
      })),
    });
    const r = await search(s.users.coordA.id, { name: `veel${TAG}` });
    expect(r.capped).toBe(true);
    expect(r.hits).toHaveLength(SEARCH_RESULT_CAP);
    expect(r.hits[0]!.reference).toBe(`VH-CAP-${TAG}-${String(SEARCH_RESULT_CAP).padStart(3, '0')}`);
    const exact = await search(s.users.coordA.id, { reference: `VH-CAP-${TAG}-00` });
    expect(exact.capped).toBe(false);
    expect(exact.hits).toHaveLength(10);
  });

  it('GDPR art. 16: a rectified name in a closed dossier is found by its new name (the database refolds it)', async () => {
    expect(refs(await search(s.users.coordA.id, { name: `mila oud${TAG}` }))).toEqual([closedA.reference]);
    await rectifyMember(s.users.coordA.id, closedMemberId, {
      firstName: 'Míla',
      lastName: `Nieuw${TAG}`,
      dateOfBirth: '2015-03-01',
      sex: 'UNKNOWN',
      nationalNumber: '',
      reason: 'Verzoek tot rechtzetting van de betrokkene.',
    });
    expect((await search(s.users.coordA.id, { name: `oud${TAG}` })).hits).toEqual([]);
    expect(refs(await search(s.users.coordA.id, { name: `MILA NIEUW${TAG}` }))).toEqual([closedA.reference]);
  });
});
