import { beforeAll, describe, expect, it } from 'vitest';
import { periodBounds } from '@/lib/reporting/schemas';
import { getStatistics } from '@/lib/reporting/get-statistics';
import { exportStatistics } from '@/lib/reporting/export-statistics';
import type { UnitStatistics } from '@/lib/reporting/tables';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { listDossiers } from '@/lib/dossiers/list-dossiers';
import { withActor } from '@/lib/use-case/kernel';
import type { DossierStatus, OrganisationKind } from '@/lib/generated/prisma/enums';
import { makeDossier, makeOrganisation, makeSafeHouse, makeUser } from '@/prisma/factories';
import { ownerDb, testKeys } from '../helpers/db';

/**
 * Anonymised statistics (art. 8, art. 15 §4). The fixtures live in fresh safe houses and in
 * months of 2011, which no other test uses, so data of other test files cannot change the
 * numbers (the analyst sees every safe house, with zeros for theirs).
 *
 * March 2011, house A — every count 0 or at least 5, so nothing is suppressed:
 *   5 submitted (POLICE), 6 not admissible (POLICE; waiting 2, 4, …, 12 days),
 *   5 in trajectory (CAW; with a minor; waiting 1 day), 5 purged facts (closed trajectories,
 *   POLICE, honour-related violence, waiting 30 days), 3 drafts (never counted).
 * May 2012 (the second quarter of another year, so that its small counts do not reach into
 *   2011's masking) — small groups: house B 3 not admissible + 7 referred to regular care (2 with
 *   minors), house C 3 not admissible.
 */
// statistics exist per quarter or year only (ADR 0013): March is in the first quarter of 2011, May in the second
const MARCH = { periode: '2011-K1' };
const MAY = { periode: '2012-K2' };
const Q1 = { van: '2011-01-01', tot: '2011-03-31' };
const Q2 = { van: '2012-04-01', tot: '2012-06-30' };
const secret = `Zwartvelde${Date.now().toString(36)}`;
const NATIONAL_NUMBER = '85073003328';

let houseA: { id: string; code: string };
let houseB: { id: string; code: string };
let houseC: { id: string; code: string };
let users: Record<'analyst' | 'coordA' | 'coordB' | 'dpo' | 'referrer', { id: string }>;
let aDossierId: string;

const at = (iso: string, plusDays = 0) => new Date(new Date(`${iso}T10:00:00Z`).getTime() + plusDays * 86_400_000);

async function dossier(opts: {
  house: string;
  status: DossierStatus;
  referrer: { id: string; organisationId: string };
  submitted: string;
  waitingDays?: number;
  minor?: boolean;
  violenceForms?: string[];
}) {
  const db = ownerDb();
  const d = await makeDossier(db, testKeys(), {
    safeHouseId: opts.house,
    referrerUserId: opts.referrer.id,
    referrerOrganisationId: opts.referrer.organisationId,
    status: opts.status,
    clientSystemLabel: `Gezin ${secret}`,
    violenceForms: opts.violenceForms ?? ['PARTNER_VIOLENCE'],
    members: [
      { memberRole: 'VICTIM', firstName: 'Ans', lastName: secret, nationalNumber: NATIONAL_NUMBER },
      ...(opts.minor ? [{ memberRole: 'CHILD' as const, firstName: 'Bo', lastName: secret, isMinor: true }] : []),
    ],
  });
  await db.dossier.update({
    where: { id: d.id },
    data: {
      submittedAt: opts.status === 'DRAFT' ? null : at(opts.submitted),
      decidedAt: opts.waitingDays === undefined ? null : at(opts.submitted, opts.waitingDays),
    },
  });
  return d;
}

async function purgedFacts(
  house: string,
  n: number,
  fact: { referrerKind: OrganisationKind; violenceForms: string[]; waitingDays: number },
) {
  // as the owner (the retention purge writes these); the app role cannot even read the table
  await ownerDb().$executeRaw`
    INSERT INTO "PurgedDossierFact" ("safeHouseId", "submittedMonth", "decidedMonth", "closedMonth", "finalStatus", "admitted",
                                     "violenceForms", "minorsInvolved", "referrerKind", "waitingDays")
    SELECT ${house}::uuid, DATE '2011-03-01', DATE '2011-04-01', DATE '2012-01-01', 'CLOSED', true,
           ${fact.violenceForms}::text[], false, ${fact.referrerKind}::"OrganisationKind", ${fact.waitingDays}
      FROM generate_series(1, ${n}::int)`;
}

const repeat = async (n: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < n; i++) await fn(i);
};
const row = (rows: UnitStatistics[], id: string) => rows.find((r) => r.id === id)!;
const outcome = (u: UnitStatistics, code: string) => u.outcomes.find((o) => o.code === code)!.n;
const form = (u: UnitStatistics, code: string) => u.violenceForms.find((o) => o.code === code)!.n;
const kind = (u: UnitStatistics, code: string) => u.referrerKinds.find((o) => o.code === code)!.n;
const minors = (u: UnitStatistics, code: 'YES' | 'NO') => u.minors.find((o) => o.code === code)!.n;

beforeAll(async () => {
  const db = ownerDb();
  houseA = await makeSafeHouse(db);
  houseB = await makeSafeHouse(db);
  houseC = await makeSafeHouse(db);
  const police = await makeOrganisation(db, { kind: 'POLICE', corePartnerOf: [houseA.id] });
  const caw = await makeOrganisation(db, { kind: 'CAW', corePartnerOf: [houseA.id, houseB.id] });
  const agency = await makeOrganisation(db, { kind: 'AGENCY_JUSTICE_ENFORCEMENT' });
  const policeReferrer = await makeUser(db, { organisationId: police.id, roles: [{ role: 'REFERRER' }] });
  const cawReferrer = await makeUser(db, { organisationId: caw.id, roles: [{ role: 'REFERRER' }] });
  users = {
    analyst: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'AGENCY_ANALYST' }] }),
    coordA: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'COORDINATOR', safeHouseId: houseA.id }] }),
    coordB: await makeUser(db, {
      organisationId: agency.id,
      roles: [{ role: 'COORDINATOR_REPRESENTATIVE', safeHouseId: houseB.id }],
    }),
    dpo: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'DPO' }] }),
    referrer: policeReferrer,
  };

  // March 2011, house A
  await repeat(5, () =>
    dossier({ house: houseA.id, status: 'SUBMITTED', referrer: policeReferrer, submitted: '2011-03-07' }),
  );
  await repeat(6, (i) =>
    dossier({
      house: houseA.id,
      status: 'NOT_ADMISSIBLE',
      referrer: policeReferrer,
      submitted: '2011-03-10',
      waitingDays: 2 * (i + 1),
    }),
  );
  await repeat(5, async () => {
    const d = await dossier({
      house: houseA.id,
      status: 'IN_TRAJECTORY',
      referrer: cawReferrer,
      submitted: '2011-03-20',
      waitingDays: 1,
      minor: true,
      violenceForms: ['CHILD_ABUSE', 'CHILDREN_WITNESSING'],
    });
    aDossierId = d.id;
  });
  // drafts never count, not even one that (wrongly) carries a submission date in the period
  await repeat(3, () =>
    dossier({
      house: houseA.id,
      status: 'DRAFT',
      referrer: cawReferrer,
      submitted: '2011-03-15',
      violenceForms: ['ELDER_ABUSE'],
      minor: true,
    }),
  );
  const draft = await ownerDb().dossier.findFirstOrThrow({ where: { safeHouseId: houseA.id, status: 'DRAFT' } });
  await ownerDb().dossier.update({ where: { id: draft.id }, data: { submittedAt: at('2011-03-15') } });
  await purgedFacts(houseA.id, 5, { referrerKind: 'POLICE', violenceForms: ['HONOUR_RELATED'], waitingDays: 30 });

  // May 2011, houses B and C: small groups
  await repeat(3, () =>
    dossier({
      house: houseB.id,
      status: 'NOT_ADMISSIBLE',
      referrer: cawReferrer,
      submitted: '2012-05-03',
      waitingDays: 3,
    }),
  );
  await repeat(7, (i) =>
    dossier({
      house: houseB.id,
      status: 'REFERRED_TO_REGULAR_CARE',
      referrer: cawReferrer,
      submitted: '2012-05-04',
      waitingDays: 5,
      minor: i < 2,
    }),
  );
  await repeat(3, () =>
    dossier({
      house: houseC.id,
      status: 'NOT_ADMISSIBLE',
      referrer: cawReferrer,
      submitted: '2012-05-05',
      waitingDays: 9,
    }),
  );
});

describe('anonymised statistics (art. 8, art. 15 §4)', () => {
  it('art. 8: an analyst gets the correct aggregated numbers of a safe house, purged dossiers included, drafts excluded', async () => {
    const view = await getStatistics(users.analyst.id, MARCH);
    expect(view.filters).toEqual({ periode: '2011-K1', year: 2011, quarter: 1, ...Q1, veiligHuis: '' });
    expect(view.houses.map((h) => h.id)).toEqual(expect.arrayContaining([houseA.id, houseB.id, houseC.id]));
    const a = row(view.rows, houseA.id);
    expect(a).toMatchObject({ referrals: 21, pending: 5, decided: 16, trajectories: { open: 5, closed: 5 } });
    expect(a.outcomes).toEqual([
      { code: 'REFER_TO_REGULAR_CARE', n: 0 },
      { code: 'ATTACH_TO_EXISTING_CARE', n: 0 },
      { code: 'NOT_ADMISSIBLE', n: 6 },
      { code: 'START_TRAJECTORY', n: 10 },
    ]);
    expect([
      form(a, 'PARTNER_VIOLENCE'),
      form(a, 'CHILD_ABUSE'),
      form(a, 'CHILDREN_WITNESSING'),
      form(a, 'HONOUR_RELATED'),
    ]).toEqual([11, 5, 5, 5]);
    expect([minors(a, 'YES'), minors(a, 'NO')]).toEqual([5, 16]);
    expect([kind(a, 'POLICE'), kind(a, 'CAW'), kind(a, 'UNKNOWN')]).toEqual([16, 5, 0]);
    // 16 waiting times: 1 ×5, 2, 4, 6, 8, 10, 12, 30 ×5 -> median (6 + 8) / 2
    expect(a.waiting).toEqual({ medianDays: 7, medianWithheld: false });
    // drafts: their violence form (elder abuse) appears nowhere
    expect(form(a, 'ELDER_ABUSE')).toBe(0);
    // every other safe house has nothing in March 2011: the total equals house A
    expect(view.total).toMatchObject({ referrals: 21, decided: 16, pending: 5 });
  });

  it('art. 15 §4: purged facts are counted: without them, house A has no closed trajectories and no honour-related violence', async () => {
    const view = await getStatistics(users.analyst.id, { ...MARCH, veiligHuis: houseA.id });
    expect(view.rows.map((r) => r.id)).toEqual([houseA.id]);
    expect(view.total).toBeNull();
    expect(view.selection.trajectories.closed).toBe(5);
    expect(form(view.selection, 'HONOUR_RELATED')).toBe(5);
    // and outside the period they are not
    const april = await getStatistics(users.analyst.id, { periode: '2011-K3', veiligHuis: houseA.id });
    expect(april.selection.referrals).toBe(0);
  });

  it('art. 15 §4: counts under 5 are suppressed, and so is the next smallest count of the same sum', async () => {
    const view = await getStatistics(users.analyst.id, MAY);
    const b = row(view.rows, houseB.id);
    const c = row(view.rows, houseC.id);
    expect(outcome(b, 'NOT_ADMISSIBLE')).toBe('<5');
    // decided(B) = 3 + 7: the 7 would give the 3 away
    expect(outcome(b, 'REFER_TO_REGULAR_CARE')).toBe('x');
    expect(minors(b, 'YES')).toBe('<5');
    expect(minors(b, 'NO')).toBe('x');
    expect(c).toMatchObject({ referrals: '<5', decided: '<5' });
    expect(outcome(c, 'NOT_ADMISSIBLE')).toBe('<5');
    // fewer than 5 decisions behind the median: withheld
    expect(c.waiting).toEqual({ medianDays: null, medianWithheld: true });
    expect(b.waiting.medianDays).toBe(5);
    // no small count leaves the use case anywhere
    const numbers = JSON.stringify(view).match(/"n":\d+|"(referrals|pending|decided|open|closed)":\d+/g) ?? [];
    for (const n of numbers) expect(Number(n.split(':')[1])).not.toSatisfy((v: number) => v > 0 && v < 5);
  });

  it('art. 15 §4: a safe house shown on its own is masked exactly as in the table of all safe houses', async () => {
    const all = await getStatistics(users.analyst.id, MAY);
    const onlyB = await getStatistics(users.analyst.id, { ...MAY, veiligHuis: houseB.id });
    expect(onlyB.selection).toEqual(row(all.rows, houseB.id));
  });

  it('art. 15 §4: a coordinator gets only their own safe house; another house is refused and the attempt is logged', async () => {
    const view = await getStatistics(users.coordA.id, MARCH);
    expect(view.houses.map((h) => h.id)).toEqual([houseA.id]);
    expect(view.rows.map((r) => r.id)).toEqual([houseA.id]);
    expect(view.selection.referrals).toBe(21);

    const err = await getStatistics(users.coordA.id, { ...MAY, veiligHuis: houseB.id }).catch((e) => e);
    expect(err.code).toBe('NOT_FOUND');
    const denied = await ownerDb().auditEvent.findFirst({
      where: { actorUserId: users.coordA.id, action: 'statistics.view', outcome: 'DENIED', safeHouseId: houseB.id },
    });
    expect(denied).not.toBeNull();

    // the representative of house B sees B only, with B's own numbers
    const b = await getStatistics(users.coordB.id, MAY);
    expect(b.houses.map((h) => h.id)).toEqual([houseB.id]);
    expect(outcome(b.selection, 'NOT_ADMISSIBLE')).toBe('<5');

    // the database function itself returns nothing for a house outside the scope
    const rows = await withActor(
      users.coordA.id,
      (tx) =>
        tx.$queryRaw<unknown[]>`SELECT * FROM statistics_counts(${Q2.van}::date, ${Q2.tot}::date, ${houseB.id}::uuid)`,
    );
    expect(rows).toEqual([]);
    const own = await withActor(
      users.coordA.id,
      (tx) =>
        tx.$queryRaw<
          { safe_house_id: string }[]
        >`SELECT * FROM statistics_counts(${Q1.van}::date, ${Q1.tot}::date, NULL)`,
    );
    expect(new Set(own.map((r) => r.safe_house_id))).toEqual(new Set([houseA.id]));
  });

  it('art. 8: analysts see only aggregates and never reach a dossier', async () => {
    // the statistics function returns counts per safe house and category: no ids, no text
    const rows = await withActor(
      users.analyst.id,
      (tx) =>
        tx.$queryRaw<
          Record<string, unknown>[]
        >`SELECT * FROM statistics_counts(${Q1.van}::date, ${Q1.tot}::date, ${houseA.id}::uuid)`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(['category', 'metric', 'n', 'safe_house_id']);
      expect(r.safe_house_id).toBe(houseA.id);
      expect(r.category).toMatch(/^[A-Z_]+$/);
    }

    // ... but no dossier, no member, no purged fact
    expect((await getDossier(users.analyst.id, aDossierId).catch((e) => e)).code).toBe('NOT_FOUND');
    expect(await listDossiers(users.analyst.id, {})).toEqual({ allowed: false });
    const unscoped = await withActor(users.analyst.id, async (tx) => ({
      dossiers: await tx.dossier.findMany(),
      referrals: await tx.referral.findMany(),
      members: await tx.clientMember.findMany(),
      assessments: await tx.admissionAssessment.findMany(),
    }));
    expect(unscoped).toEqual({ dossiers: [], referrals: [], members: [], assessments: [] });
    await expect(
      withActor(users.analyst.id, (tx) => tx.$queryRaw`SELECT count(*) FROM "PurgedDossierFact"`),
    ).rejects.toThrow(/permission denied/);
  });

  it('art. 8: the CSV export holds no names, labels, references or national numbers', async () => {
    const { csv, filename } = await exportStatistics(users.analyst.id, MARCH);
    expect(filename).toBe('statistieken-2011-K1.csv');
    expect(csv.startsWith('\uFEFFPeriode van;Periode tot;Veilig Huis;Onderdeel;Categorie;Waarde;Opmerking\r\n')).toBe(
      true,
    );
    const dossiers = await ownerDb().dossier.findMany({
      where: { safeHouseId: { in: [houseA.id, houseB.id, houseC.id] } },
      select: { id: true, reference: true },
    });
    for (const needle of [
      secret,
      'Ans',
      NATIONAL_NUMBER,
      '85.07.30',
      ...dossiers.flatMap((d) => [d.id, d.reference]),
    ]) {
      expect(csv).not.toContain(needle);
    }
    const houseAName = (await ownerDb().safeHouse.findUniqueOrThrow({ where: { id: houseA.id } })).name;
    expect(csv).toContain(`2011-01-01;2011-03-31;${houseAName};Aanmeldingen;Totaal ingediend;21;`);
    expect(csv).toContain(`${houseAName};Wachttijd tot beslissing;Mediaan (dagen);7;`);

    const may = await exportStatistics(users.analyst.id, { ...MAY, veiligHuis: houseC.id });
    expect(may.filename).toBe(`statistieken-${houseC.code}-2012-K2.csv`);
    expect(may.csv).toContain(';Aanmeldingen;Totaal ingediend;<5;kleiner dan 5, niet getoond');
    expect(may.csv).not.toContain(secret);

    const view = await getStatistics(users.analyst.id, MAY);
    expect(JSON.stringify(view)).not.toContain(secret);
  });

  it('art. 8: viewing and exporting are logged in the same transaction', async () => {
    await getStatistics(users.analyst.id, { ...MARCH, veiligHuis: houseA.id });
    const events = await ownerDb().auditEvent.findMany({
      where: { actorUserId: users.analyst.id, action: 'statistics.view', outcome: 'ALLOWED' },
      select: { purpose: true, objectType: true, objectId: true, safeHouseId: true },
    });
    expect(events).toContainEqual({
      purpose: 'statistics',
      objectType: 'Statistics',
      objectId: 'periode:2011-01-01..2011-03-31',
      safeHouseId: houseA.id,
    });
    // the export is told apart by its object: the same period, as CSV
    expect(events.filter((e) => e.objectId?.endsWith(':csv')).every((e) => e.purpose === 'statistics')).toBe(true);
    expect(events.some((e) => e.objectId?.endsWith(':csv'))).toBe(true);
  });

  it('art. 8: anyone without a statistics role is refused, in the use case and in the database', async () => {
    for (const u of [users.dpo, users.referrer]) {
      expect((await getStatistics(u.id, MARCH).catch((e) => e)).code).toBe('FORBIDDEN_ACTION');
      expect((await exportStatistics(u.id, MARCH).catch((e) => e)).code).toBe('FORBIDDEN_ACTION');
      await expect(
        withActor(u.id, (tx) => tx.$queryRaw`SELECT * FROM statistics_counts(${Q1.van}::date, ${Q1.tot}::date, NULL)`),
      ).rejects.toThrow(/not available/);
      await expect(
        withActor(
          u.id,
          (tx) => tx.$queryRaw`SELECT * FROM statistics_waiting_times(${Q1.van}::date, ${Q1.tot}::date, NULL)`,
        ),
      ).rejects.toThrow(/not available/);
      await expect(withActor(u.id, (tx) => tx.$queryRaw`SELECT * FROM statistics_year(2011)`)).rejects.toThrow(
        /not available/,
      );
    }
    // the facts behind the aggregates are not callable by the app at all, not even by an analyst
    await expect(
      withActor(
        users.analyst.id,
        (tx) => tx.$queryRaw`SELECT * FROM statistics_facts(ARRAY[${houseA.id}::uuid], '2011-01-01', '2011-12-31')`,
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('art. 8, issue 11: the one-pass year gives exactly the counts and waiting times of each period on its own', async () => {
    const periods = [null, 1, 2, 3, 4].map((q) => ({ q, ...periodBounds(2011, q) }));
    for (const who of [users.analyst, users.coordA]) {
      await withActor(who.id, async (tx) => {
        const year = await tx.$queryRaw<
          {
            quarter: number | null;
            kind: string;
            safe_house_id: string | null;
            metric: string | null;
            category: string | null;
            n: bigint;
            median_days: number | null;
          }[]
        >`SELECT * FROM statistics_year(2011)`;
        expect(year.length).toBeGreaterThan(0);
        for (const p of periods) {
          const counts = await tx.$queryRaw<{ safe_house_id: string; metric: string; category: string; n: bigint }[]>`
            SELECT * FROM statistics_counts(${p.van}::date, ${p.tot}::date, NULL)`;
          const waits = await tx.$queryRaw<
            { safe_house_id: string | null; decided: bigint; median_days: number | null }[]
          >`
            SELECT * FROM statistics_waiting_times(${p.van}::date, ${p.tot}::date, NULL)`;
          const key = (h: string | null, ...rest: unknown[]) => [h ?? '-', ...rest].join('|');
          const sorted = (xs: string[]) => [...xs].sort();
          const mine = year.filter((r) => r.quarter === p.q);
          expect(
            sorted(mine.filter((r) => r.kind === 'count').map((r) => key(r.safe_house_id, r.metric, r.category, r.n))),
            `${p.q}`,
          ).toEqual(sorted(counts.map((r) => key(r.safe_house_id, r.metric, r.category, r.n))));
          // a period without any decision has no row of its own in the one-pass result (the page adds 0)
          const expectedWaits = waits.filter((w) => w.decided > 0n);
          expect(
            sorted(
              mine.filter((r) => r.kind === 'wait' && r.n > 0n).map((r) => key(r.safe_house_id, r.n, r.median_days)),
            ),
          ).toEqual(sorted(expectedWaits.map((w) => key(w.safe_house_id, w.decided, w.median_days))));
        }
      });
    }
  });
});
