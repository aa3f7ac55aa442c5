import { beforeAll, describe, expect, it } from 'vitest';
import { getStatistics } from '@/lib/reporting/get-statistics';
import { exportStatistics } from '@/lib/reporting/export-statistics';
import type { UnitStatistics } from '@/lib/reporting/tables';
import { withActor } from '@/lib/use-case/kernel';
import { makeDossier, makeOrganisation, makeSafeHouse, makeUser } from '@/prisma/factories';
import { ownerDb, testKeys } from '../helpers/db';

/**
 * Art. 8 and art. 15 §4: published figures must not let anyone recover a suppressed count by
 * subtracting one period from another. Statistics exist per calendar quarter and per year only,
 * and a quarter is masked together with its year (ADR 0013). The data live in 2013, which no
 * other test uses: house X has 7 refusals in the first quarter and 2 (a small count) plus 6
 * referrals in the second; house Y 5 referrals in the second quarter.
 */
let analyst: { id: string };
let houseX: string;
let houseY: string;

async function referral(
  house: string,
  referrer: { id: string; organisationId: string },
  status: 'NOT_ADMISSIBLE' | 'REFERRED_TO_REGULAR_CARE',
  submitted: string,
) {
  const d = await makeDossier(ownerDb(), testKeys(), {
    safeHouseId: house,
    referrerUserId: referrer.id,
    referrerOrganisationId: referrer.organisationId,
    status,
  });
  const at = new Date(`${submitted}T10:00:00Z`);
  await ownerDb().dossier.update({
    where: { id: d.id },
    data: { submittedAt: at, decidedAt: new Date(at.getTime() + 3 * 86_400_000) },
  });
}

beforeAll(async () => {
  const db = ownerDb();
  houseX = (await makeSafeHouse(db)).id;
  houseY = (await makeSafeHouse(db)).id;
  const police = await makeOrganisation(db, { kind: 'POLICE' });
  const agency = await makeOrganisation(db, { kind: 'AGENCY_JUSTICE_ENFORCEMENT' });
  const referrer = await makeUser(db, { organisationId: police.id, roles: [{ role: 'REFERRER' }] });
  analyst = await makeUser(db, { organisationId: agency.id, roles: [{ role: 'AGENCY_ANALYST' }] });
  for (let i = 0; i < 7; i++) await referral(houseX, referrer, 'NOT_ADMISSIBLE', '2013-02-11');
  for (let i = 0; i < 2; i++) await referral(houseX, referrer, 'NOT_ADMISSIBLE', '2013-05-14');
  for (let i = 0; i < 6; i++) await referral(houseX, referrer, 'REFERRED_TO_REGULAR_CARE', '2013-05-15');
  for (let i = 0; i < 5; i++) await referral(houseY, referrer, 'REFERRED_TO_REGULAR_CARE', '2013-06-03');
});

/** Every published cell of a unit, by measure (the same measures as lib/reporting/tables.ts). */
function cellsOf(u: UnitStatistics): Record<string, number | string> {
  const out: Record<string, number | string> = {
    referrals: u.referrals,
    pending: u.pending,
    decided: u.decided,
    'trajectory:OPEN': u.trajectories.open,
    'trajectory:CLOSED': u.trajectories.closed,
  };
  for (const o of u.outcomes) out[`outcome:${o.code}`] = o.n;
  for (const f of u.violenceForms) out[`form:${f.code}`] = f.n;
  for (const m of u.minors) out[`minors:${m.code}`] = m.n;
  for (const k of u.referrerKinds) out[`kind:${k.code}`] = k.n;
  return out;
}

describe('art. 8, art. 15 §4: no differencing across periods or safe houses', () => {
  it('art. 15 §4: whatever periods and safe houses are combined, a suppressed count cannot be computed from the others', async () => {
    const PERIODS = ['2013-K1', '2013-K2', '2013-K3', '2013-K4', '2013'];
    // everything the analyst can obtain: every period, all safe houses and each one alone
    const published = new Map<string, number | string>();
    const houses = (await getStatistics(analyst.id, { periode: '2013' })).houses.map((h) => h.id);
    for (const periode of PERIODS) {
      for (const veiligHuis of ['', houseX, houseY]) {
        const view = await getStatistics(analyst.id, { periode, veiligHuis });
        for (const u of [...view.rows, ...(view.total ? [view.total] : [])]) {
          for (const [m, v] of Object.entries(cellsOf(u))) {
            const key = `${periode}|${u.id}|${m}`;
            // one masking per scope: the same cell is the same in every view
            if (published.has(key)) expect(published.get(key), key).toEqual(v);
            published.set(key, v);
          }
        }
      }
    }
    // the small count itself is hidden
    expect(published.get(`2013-K2|${houseX}|outcome:NOT_ADMISSIBLE`)).toBe('<5');

    // every additive relation between published cells: within a unit, across safe houses, and
    // the year as the sum of its quarters
    const measures = Object.keys(cellsOf((await getStatistics(analyst.id, { periode: '2013' })).rows[0]!));
    const units = [...houses, 'total'];
    const relations: { total: string; parts: string[] }[] = [];
    for (const p of PERIODS) {
      for (const u of units) {
        const c = (m: string) => `${p}|${u}|${m}`;
        relations.push({ total: c('referrals'), parts: [c('pending'), c('decided')] });
        relations.push({
          total: c('decided'),
          parts: ['REFER_TO_REGULAR_CARE', 'ATTACH_TO_EXISTING_CARE', 'NOT_ADMISSIBLE', 'START_TRAJECTORY'].map((o) =>
            c(`outcome:${o}`),
          ),
        });
        relations.push({ total: c('outcome:START_TRAJECTORY'), parts: [c('trajectory:OPEN'), c('trajectory:CLOSED')] });
        relations.push({ total: c('referrals'), parts: [c('minors:YES'), c('minors:NO')] });
        relations.push({ total: c('referrals'), parts: measures.filter((m) => m.startsWith('kind:')).map(c) });
      }
      for (const m of measures)
        relations.push({ total: `${p}|total|${m}`, parts: houses.map((h) => `${p}|${h}|${m}`) });
    }
    for (const u of units)
      for (const m of measures)
        relations.push({ total: `2013|${u}|${m}`, parts: ['K1', 'K2', 'K3', 'K4'].map((q) => `2013-${q}|${u}|${m}`) });

    const hidden = (key: string) => typeof published.get(key) === 'string';
    for (const r of relations) {
      const cells = [r.total, ...r.parts];
      for (const cell of cells) expect(published.has(cell), cell).toBe(true);
      const n = cells.filter(hidden).length;
      // a relation with exactly one hidden cell would give that cell away by subtraction
      expect(n, `${r.total} = ${r.parts.join(' + ')}`).not.toBe(1);
    }
    // the classic attack: the year minus the other three quarters
    const yearMinusOthers = [
      `2013|${houseX}|outcome:NOT_ADMISSIBLE`,
      ...['K1', 'K3', 'K4'].map((q) => `2013-${q}|${houseX}|outcome:NOT_ADMISSIBLE`),
    ];
    expect(yearMinusOthers.some(hidden)).toBe(true);
  });

  it('art. 15 §4: a free period is refused — by the use case, the export and the database', async () => {
    await expect(getStatistics(analyst.id, { van: '2013-02-01', tot: '2013-06-30' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(exportStatistics(analyst.id, { van: '2013-02-01', tot: '2013-06-30' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(getStatistics(analyst.id, { periode: '2013-03' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      withActor(
        analyst.id,
        (tx) => tx.$queryRaw`SELECT * FROM statistics_counts('2013-02-01'::date, '2013-06-30'::date, NULL)`,
      ),
    ).rejects.toThrow(/quarter or year/);
    await expect(
      withActor(
        analyst.id,
        (tx) => tx.$queryRaw`SELECT * FROM statistics_waiting_times('2013-01-01'::date, '2013-01-31'::date, NULL)`,
      ),
    ).rejects.toThrow(/quarter or year/);
    await expect(
      withActor(
        analyst.id,
        (tx) => tx.$queryRaw`SELECT * FROM statistics_counts('2013-04-01'::date, '2013-06-30'::date, NULL)`,
      ),
    ).resolves.toBeTruthy();
  });
});
