import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier, type MemberSeed } from '@/prisma/factories';
import { checkKnownPersons } from '@/lib/search/known-persons';
import { listInbox } from '@/lib/admission/list-inbox';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { makeNationalNumber } from '@/lib/validation/national-number';
import { ownerDb, testKeys } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';

/**
 * Issue 13 §4 (ADR 0041): when the coordinator triages a referral, each member already known in
 * another dossier of the same safe house is shown — by national number (HMAC), else by name
 * (accents and case aside) and birth date — and a referral within 12 months of an earlier one is a
 * repeat referral (MARAC). Only the coordinator's own safe house; never to the referrer.
 */
const TAG = Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join('');
const LAST = `Vermeulen${TAG}`;
const INES_NN = makeNationalNumber(new Date(Date.UTC(1991, 2, 14)), 57);
const OLD_NN = makeNationalNumber(new Date(Date.UTC(1960, 0, 9)), 91);
const WALTER_NN = makeNationalNumber(new Date(Date.UTC(1958, 6, 21)), 93);
const DAY = 86_400_000;

let s: Scenario;
const d: Record<string, { id: string; reference: string }> = {};

async function dossier(
  key: string,
  house: 'houseA' | 'houseB',
  status: 'SUBMITTED' | 'REFERRED_TO_REGULAR_CARE' | 'CLOSED' | 'DRAFT',
  daysAgo: number,
  members: MemberSeed[],
) {
  const referrer = house === 'houseA' ? s.users.referrer : s.users.referrer2;
  const made = await makeDossier(ownerDb(), testKeys(), {
    safeHouseId: s[house].id,
    referrerUserId: referrer.id,
    referrerOrganisationId: referrer.organisationId,
    status,
    clientSystemLabel: `Gezin ${LAST}`,
    members,
  });
  if (status !== 'DRAFT')
    await ownerDb().dossier.update({
      where: { id: made.id },
      data: { submittedAt: new Date(Date.now() - daysAgo * DAY) },
    });
  d[key] = made;
  return made;
}

const ines = (over: Partial<MemberSeed> = {}): MemberSeed => ({
  memberRole: 'VICTIM',
  firstName: 'Inès',
  lastName: LAST,
  dateOfBirth: new Date('1991-03-14'),
  nationalNumber: INES_NN,
  ...over,
});
const jurgen = (firstName = 'Jürgen'): MemberSeed => ({
  memberRole: 'ALLEGED_PERPETRATOR',
  firstName,
  lastName: LAST,
  dateOfBirth: new Date('1987-11-02'),
});

beforeAll(async () => {
  s = await buildScenario();
  // five months ago: referred to regular care
  await dossier('earlier', 'houseA', 'REFERRED_TO_REGULAR_CARE', 150, [ines({ memberRole: 'PARTNER' }), jurgen()]);
  // fourteen months ago: a trajectory, closed since — known, but no repeat
  await dossier('old', 'houseA', 'CLOSED', 425, [
    {
      memberRole: 'PARENT',
      firstName: 'Rita',
      lastName: LAST,
      dateOfBirth: new Date('1960-01-09'),
      nationalNumber: OLD_NN,
    },
    { memberRole: 'PARENT', firstName: 'Walter', lastName: LAST, nationalNumber: WALTER_NN },
  ]);
  // the same people in another safe house, and in a draft of this one: never shown
  await dossier('otherHouse', 'houseB', 'SUBMITTED', 30, [ines(), jurgen()]);
  await dossier('draft', 'houseA', 'DRAFT', 0, [ines(), jurgen()]);
  // the referral being triaged: Inès by her number (her name typed otherwise), Jurgen by name and
  // birth date, Rita by her number from fourteen months ago, a namesake with another birth date
  await dossier('referral', 'houseA', 'SUBMITTED', 1, [
    ines({ firstName: 'Ines', lastName: `VERMEULEN${TAG.toUpperCase()}` }),
    jurgen('Jurgen'),
    { memberRole: 'PARENT', firstName: 'Rita', lastName: 'Anders', nationalNumber: OLD_NN },
    { memberRole: 'CHILD', firstName: 'Jürgen', lastName: LAST, dateOfBirth: new Date('2016-05-05'), isMinor: true },
  ]);
  // a referral whose only known person dates from fourteen months ago
  await dossier('lateRepeat', 'houseA', 'SUBMITTED', 2, [
    { memberRole: 'VICTIM', firstName: 'Walter', lastName: 'Anders', nationalNumber: WALTER_NN },
  ]);
});

const matchesOf = (check: Awaited<ReturnType<typeof checkKnownPersons>>, firstName: string) =>
  check.members
    .filter((m) => m.firstName === firstName)
    .flatMap((m) => m.matches)
    .map((x) => ({ reference: x.reference, basis: x.basis, repeat: x.repeat, role: x.otherRole, status: x.status }));

describe('issue 13 §4: the known-person check at triage', () => {
  it('issue 13 §4: a member is known in an earlier dossier of the house by national number (HMAC)', async () => {
    const check = await checkKnownPersons(s.users.coordA.id, d.referral!.id);
    expect(matchesOf(check, 'Ines')).toEqual([
      {
        reference: d.earlier!.reference,
        basis: 'nationalNumber',
        repeat: true,
        role: 'PARTNER',
        status: 'REFERRED_TO_REGULAR_CARE',
      },
    ]);
    // by number even under another name
    expect(matchesOf(check, 'Rita')).toEqual([
      { reference: d.old!.reference, basis: 'nationalNumber', repeat: false, role: 'PARENT', status: 'CLOSED' },
    ]);
  });

  it('issue 13 §4: else by first and last name (accents and case aside) and birth date', async () => {
    const check = await checkKnownPersons(s.users.reprA.id, d.referral!.id);
    expect(matchesOf(check, 'Jurgen')).toEqual([
      {
        reference: d.earlier!.reference,
        basis: 'nameAndBirthDate',
        repeat: true,
        role: 'ALLEGED_PERPETRATOR',
        status: 'REFERRED_TO_REGULAR_CARE',
      },
    ]);
    // the same name with another birth date is someone else
    expect(matchesOf(check, 'Jürgen')).toEqual([]);
  });

  it('issue 13 §4: nothing of another safe house or of a draft, and never the referral itself', async () => {
    const check = await checkKnownPersons(s.users.coordA.id, d.referral!.id);
    const shown = new Set(check.members.flatMap((m) => m.matches.map((x) => x.otherDossierId)));
    expect([...shown].sort()).toEqual([d.earlier!.id, d.old!.id].sort());
    // the other house's coordinator sees its own referral's match there: none in house A
    const other = await checkKnownPersons(s.users.coordB.id, d.otherHouse!.id);
    expect(other.members.flatMap((m) => m.matches)).toEqual([]);
    expect(other.repeat).toBe(false);
  });

  it('MARAC: a repeat referral within 12 months, and not after', async () => {
    expect((await checkKnownPersons(s.users.coordA.id, d.referral!.id)).repeat).toBe(true);
    const late = await checkKnownPersons(s.users.coordA.id, d.lateRepeat!.id);
    expect(late.members[0]!.matches.map((x) => ({ reference: x.reference, repeat: x.repeat }))).toEqual([
      { reference: d.old!.reference, repeat: false },
    ]);
    expect(late.repeat).toBe(false);
    // the inbox marks both referrals: one as a repeat, one as a known person
    const inbox = await listInbox(s.users.coordA.id, { status: 'open' });
    const mark = (id: string) => inbox.rows.find((r) => r.id === id)?.knownPerson;
    expect(mark(d.referral!.id)).toBe('repeat');
    expect(mark(d.lateRepeat!.id)).toBe('known');
  });

  it('issue 13 §4: not shown to the referrer, a core partner, or another house’s coordinator (not found, logged as denied)', async () => {
    // the referrer sees their own referral, but not the check
    await expect(getDossier(s.users.referrer.id, d.referral!.id)).resolves.toBeDefined();
    for (const who of [s.users.referrer, s.users.coreStaffA, s.users.coordB, s.users.mandated, s.users.dpo]) {
      const denied = () =>
        ownerDb().auditEvent.count({
          where: { actorUserId: who.id, action: 'referral.knownPersons', outcome: 'DENIED' },
        });
      const before = await denied();
      await expect(checkKnownPersons(who.id, d.referral!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await denied()).toBe(before + 1);
    }
    // once decided, it is no referral to triage any more: not even the coordinator gets the check
    await expect(checkKnownPersons(s.users.coordA.id, d.earlier!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('issue 13 §4: each check is logged, with each other dossier it named — without names', async () => {
    const before = await ownerDb().auditEvent.aggregate({ _max: { seq: true } });
    await checkKnownPersons(s.users.coordA.id, d.referral!.id);
    const rows = await ownerDb().auditEvent.findMany({
      where: { actorUserId: s.users.coordA.id, seq: { gt: before._max.seq ?? 0n } },
      orderBy: { seq: 'asc' },
    });
    expect(rows.map((r) => [r.action, r.dossierId, r.objectId])).toEqual([
      ['referral.knownPersons', d.referral!.id, 'dossiers=2;herhaald=ja'],
      ['knownPerson.shown', d.earlier!.id, d.earlier!.id],
      ['knownPerson.shown', d.old!.id, d.old!.id],
    ]);
    const text = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).toLowerCase();
    expect(text).not.toContain(TAG);
  });
});
