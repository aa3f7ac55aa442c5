import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { makeDossier, makeParticipant } from '@/prisma/factories';
import { decryptField } from '@/lib/crypto/fields';
import { RISK_FACTORS } from '@/lib/referrals/risk-screening';
import { getRiskHistory } from '@/lib/risk/get-risk-history';
import { listRiskRises } from '@/lib/risk/list-risk-rises';
import { recordRiskAssessment } from '@/lib/risk/record-risk-assessment';
import type { RiskAssessmentValues } from '@/lib/risk/schemas';
import { withActor } from '@/lib/use-case/kernel';
import { requestTransfer } from '@/lib/transfers/request-transfer';
import { getAccessOverview } from '@/lib/gdpr/access-overview';
import { purgeExpiredDossiers } from '@/lib/retention/purge';
import { parseRetentionTerms } from '@/lib/retention/terms';
import { decideTransfer } from '@/lib/transfers/decide-transfer';
import type { RiskLevel } from '@/lib/generated/prisma/enums';
import { allTablesText, appRoleClient, ownerDb, testKeys } from '../helpers/db';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';
import { closeAsOwner, declareWorld } from '../helpers/scenario';
import { asActor, refused } from '../helpers/sql-actor';

/**
 * Risk over time (issue 13 §5; ADR 0042): during a trajectory the coordinator or the case director
 * records a new risk assessment — the referral's screening, a level and an encrypted reasoning —
 * append-only; the case team (coordinator, participants) reads the history, of which the
 * referral's own screening is the first point; "Mijn werk" gets the recent rises.
 */
let client: pg.Client;
let w: ConsensusWorld;
const REFUSED = /^refused (42501|23514)$|^no rows$/;
const DAY = 86_400_000;

const answers = (yes: number) =>
  Object.fromEntries(RISK_FACTORS.map((f, i) => [f.key, i < yes ? 'YES' : i === yes ? 'UNKNOWN' : 'NO']));
const values = (riskLevel: RiskLevel | '', reasoning = 'Nieuwe feiten gemeld door de politie.', yes = 3) =>
  ({ riskAnswers: answers(yes), riskLevel, reasoning }) as RiskAssessmentValues;
const denied = (userId: string) =>
  ownerDb().auditEvent.count({ where: { actorUserId: userId, action: 'risk.assess', outcome: 'DENIED' } });

/** A dossier in trajectory of `house` whose referrer judged the risk `referralLevel`. */
async function trajectory(house: string, referrer: { id: string; organisationId: string }, referralLevel: RiskLevel) {
  const d = await makeDossier(ownerDb(), testKeys(), {
    safeHouseId: house,
    referrerUserId: referrer.id,
    referrerOrganisationId: referrer.organisationId,
    status: 'IN_TRAJECTORY',
  });
  await ownerDb().referral.update({
    where: { dossierId: d.id },
    data: {
      riskJudgement: referralLevel,
      riskJudgementReason: 'Eerste inschatting.',
      riskAnswers: answers(2),
      riskScore: 2,
    },
  });
  return d;
}
/** An assessment as the owner (the demo's and the tests' way to put one in the past). */
const pastAssessment = (d: { id: string; safeHouseId: string }, by: string, riskLevel: RiskLevel, daysAgo: number) =>
  ownerDb().riskAssessment.create({
    data: {
      dossierId: d.id,
      safeHouseId: d.safeHouseId,
      assessorUserId: by,
      riskAnswers: answers(1),
      riskScore: 1,
      riskLevel,
      reasoningEnc: 'v1.k.iv.tag.ct',
      assessedAt: new Date(Date.now() - daysAgo * DAY),
    },
  });

beforeAll(async () => {
  client = await appRoleClient();
  w = await consensusWorld();
  await ownerDb().referral.update({
    where: { dossierId: w.dossier.id },
    data: {
      riskJudgement: 'ELEVATED',
      riskJudgementReason: 'Dreigingen van Consensus.',
      riskAnswers: answers(2),
      riskScore: 2,
    },
  });
  // the CAW participant is the case director (ADR 0034)
  await ownerDb().caseParticipant.update({ where: { id: w.participations.caw }, data: { isCaseDirector: true } });
});
afterAll(async () => {
  await client.end();
});

describe('issue 13 §5: who records a new risk assessment, and when', () => {
  it('issue 13 §5: only the coordinator or the case director records a risk assessment', async () => {
    const byCoordinator = await recordRiskAssessment(w.u.coord.id, w.dossier.id, values('ELEVATED'));
    const byDirector = await recordRiskAssessment(w.u.caw.id, w.dossier.id, values('HIGH'));
    const rows = await ownerDb().riskAssessment.findMany({ where: { id: { in: [byCoordinator.id, byDirector.id] } } });
    expect(rows.find((r) => r.id === byCoordinator.id)).toMatchObject({
      assessorUserId: w.u.coord.id,
      asCaseDirector: false,
      riskScore: 3,
    });
    expect(rows.find((r) => r.id === byDirector.id)).toMatchObject({
      assessorUserId: w.u.caw.id,
      asCaseDirector: true,
      riskLevel: 'HIGH',
    });

    // another participant, and someone outside the case: "not found", logged as denied
    for (const user of [w.u.justice, w.u.police, w.u.outsider]) {
      const before = await denied(user.id);
      await expect(recordRiskAssessment(user.id, w.dossier.id, values('LOW'))).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await denied(user.id), user.id).toBe(before + 1);
    }
    // each recording is in the access log
    expect(
      await ownerDb().auditEvent.count({
        where: { action: 'risk.assess', outcome: 'ALLOWED', objectId: { in: [byCoordinator.id, byDirector.id] } },
      }),
    ).toBe(2);
  });

  it('issue 13 §5 (ADR 0042): only during a trajectory — not at triage, not after closure', async () => {
    const submitted = await makeDossier(ownerDb(), testKeys(), {
      safeHouseId: w.house.id,
      referrerUserId: w.u.caw.id,
      referrerOrganisationId: w.orgs.caw.id,
      status: 'SUBMITTED',
    });
    await expect(recordRiskAssessment(w.u.coord.id, submitted.id, values('HIGH'))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Een nieuwe risico-inschatting registreer je tijdens het traject.',
    });
    const closed = await trajectory(w.house.id, w.u.caw, 'LOW');
    await closeAsOwner(closed.id);
    await expect(recordRiskAssessment(w.u.coord.id, closed.id, values('HIGH'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // the database holds the same line, for any writer
    await expect(pastAssessment(submitted, w.u.coord.id, 'HIGH', 0)).rejects.toThrow(/only during a trajectory/);
    expect(await ownerDb().riskAssessment.count({ where: { dossierId: { in: [submitted.id, closed.id] } } })).toBe(0);
  });

  it('issue 13 §5: the same screening as at referral — every factor answered, a level, a reasoning (Dutch, at the field)', async () => {
    const incomplete = {
      riskAnswers: { ...answers(1), recentPhysical: '', weapons: 'MISSCHIEN' },
      riskLevel: '',
      reasoning: 'kort',
    };
    const err = await recordRiskAssessment(w.u.coord.id, w.dossier.id, incomplete).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION', message: 'De risico-inschatting is nog niet volledig.' });
    expect((err as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({
      'riskAnswers.recentPhysical': 'Beantwoord deze vraag (ja, nee of onbekend).',
      'riskAnswers.weapons': 'Beantwoord deze vraag (ja, nee of onbekend).',
      riskLevel: 'Kies het risiconiveau van deze inschatting.',
      reasoning: expect.stringMatching(/^Licht de inschatting toe in minstens 10 tekens/),
    });
  });
});

describe('issue 13 §5: the history is append-only and its reasoning encrypted', () => {
  it('art. 458ter Sw.: the reasoning is encrypted at rest (AES-256-GCM), readable only through the application', async () => {
    const secret = `Vader Consensus kocht een vuurwapen ${Date.now()}`;
    const { id } = await recordRiskAssessment(w.u.coord.id, w.dossier.id, values('HIGH', secret));
    const row = await ownerDb().riskAssessment.findUniqueOrThrow({ where: { id } });
    expect(row.reasoningEnc).toMatch(/^v1\./);
    expect(row.reasoningEnc).not.toContain('vuurwapen');
    expect(decryptField(testKeys(), row.reasoningEnc)).toBe(secret);
    expect(await allTablesText()).not.toContain(secret);
    const history = await getRiskHistory(w.u.coord.id, w.dossier.id);
    expect(history.points.find((p) => p.id === id)?.reasoning).toBe(secret);
  });

  it('issue 13 §5: an assessment is never changed or removed; a new one is added to the history', async () => {
    const first = await recordRiskAssessment(w.u.coord.id, w.dossier.id, values('LOW', 'Situatie rustiger geworden.'));
    const before = await ownerDb().riskAssessment.count({ where: { dossierId: w.dossier.id } });
    for (const user of [w.u.coord, w.u.caw]) {
      for (const sql of [
        `UPDATE "RiskAssessment" SET "riskLevel" = 'ACUTE' WHERE "id" = $1`,
        `UPDATE "RiskAssessment" SET "assessedAt" = now() - interval '1 year' WHERE "id" = $1`,
        `DELETE FROM "RiskAssessment" WHERE "id" = $1`,
      ])
        expect(await refused(client, user.id, sql, [first.id]), `${user.id}: ${sql}`).toMatch(REFUSED);
    }
    await recordRiskAssessment(w.u.coord.id, w.dossier.id, values('ELEVATED', 'Opnieuw zorgen na een incident.'));
    expect(await ownerDb().riskAssessment.count({ where: { dossierId: w.dossier.id } })).toBe(before + 1);
    expect(await ownerDb().riskAssessment.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      riskLevel: 'LOW',
    });
  });

  it('issue 13 §5: the application cannot backdate an assessment or record it in another name', async () => {
    const backdated = await asActor(
      client,
      w.u.coord.id,
      `INSERT INTO "RiskAssessment" ("dossierId", "safeHouseId", "assessorUserId", "riskAnswers", "riskScore", "riskLevel", "reasoningEnc", "assessedAt")
       VALUES ($1, $2, $3, '{}', 0, 'LOW', 'v1.k.iv.tag.ct', now() - interval '30 days') RETURNING "assessedAt"`,
      [w.dossier.id, w.house.id, w.u.coord.id],
    );
    expect(Date.now() - (backdated.rows[0] as { assessedAt: Date }).assessedAt.getTime()).toBeLessThan(DAY);
    expect(
      await refused(
        client,
        w.u.coord.id,
        `INSERT INTO "RiskAssessment" ("dossierId", "safeHouseId", "assessorUserId", "riskAnswers", "riskScore", "riskLevel", "reasoningEnc")
         VALUES ($1, $2, $3, '{}', 0, 'LOW', 'v1.k.iv.tag.ct')`,
        [w.dossier.id, w.house.id, w.u.caw.id],
      ),
    ).toMatch(REFUSED);
  });
});

describe('issue 13 §5 (ADR 0042): who reads the risk history', () => {
  it('art. 12, 458ter Sw.: the coordinator and the case participants read the history, with the referral as first point', async () => {
    for (const user of [w.u.coord, w.u.justice, w.u.police]) {
      const history = await getRiskHistory(user.id, w.dossier.id);
      expect(history.points[0], user.id).toMatchObject({ kind: 'referral', level: 'ELEVATED', score: 2 });
      expect(history.points.filter((p) => p.kind === 'assessment').length).toBeGreaterThan(0);
      // only the coordinator and the case director may add one
      expect(history.canRecord, user.id).toBe(user.id === w.u.coord.id);
    }
    expect((await getRiskHistory(w.u.caw.id, w.dossier.id)).canRecord).toBe(true);
    const logged = await ownerDb().auditEvent.count({
      where: { actorUserId: w.u.justice.id, action: 'risk.view', outcome: 'ALLOWED', dossierId: w.dossier.id },
    });
    expect(logged).toBeGreaterThan(0);
  });

  it('art. 458ter Sw.: nobody outside the case team reads it — not in the use case, not in the database', async () => {
    await expect(getRiskHistory(w.u.outsider.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const sql = `SELECT count(*)::int AS n FROM "RiskAssessment" WHERE "dossierId" = $1`;
    expect((await asActor(client, w.u.outsider.id, sql, [w.dossier.id])).rows[0]).toEqual({ n: 0 });
    expect((await asActor(client, w.u.justice.id, sql, [w.dossier.id])).rows[0].n).toBeGreaterThan(0);
    // a participant who left no longer reads it
    await ownerDb().caseParticipant.update({ where: { id: w.participations.police }, data: { leftAt: new Date() } });
    try {
      expect((await asActor(client, w.u.police.id, sql, [w.dossier.id])).rows[0]).toEqual({ n: 0 });
      await expect(getRiskHistory(w.u.police.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await ownerDb().caseParticipant.update({ where: { id: w.participations.police }, data: { leftAt: null } });
    }
  });

  it('art. 458ter Sw.: the referrer who is not in the case team does not read later assessments', async () => {
    const other = await declareWorld(
      {
        houses: ['h'],
        organisations: { gp: { kind: 'MEDICAL_SECTOR' }, city: { kind: 'LOCAL_GOVERNMENT' } },
        users: { coord: { org: 'city', role: 'COORDINATOR', house: 'h' }, gp: { org: 'gp', role: 'REFERRER' } },
      },
      ownerDb(),
    );
    const d = await trajectory(other.houses.h.id, other.users.gp, 'LOW');
    await recordRiskAssessment(other.users.coord.id, d.id, values('HIGH'));
    await expect(getRiskHistory(other.users.gp.id, d.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const sql = `SELECT count(*)::int AS n FROM "RiskAssessment" WHERE "dossierId" = $1`;
    expect((await asActor(client, other.users.gp.id, sql, [d.id])).rows[0]).toEqual({ n: 0 });
  });
});

describe('issue 13 §5: a rise in level is highlighted (listRiskRises, for "Mijn werk")', () => {
  it('issue 13 §5: listRiskRises returns recent rises only, of dossiers the actor may see', async () => {
    const world = await declareWorld(
      {
        houses: ['a', 'b'],
        organisations: {
          city: { kind: 'LOCAL_GOVERNMENT' },
          caw: { kind: 'CAW', corePartnerOf: ['a'] },
          police: { kind: 'POLICE', corePartnerOf: ['a'] },
        },
        users: {
          coordA: { org: 'city', role: 'COORDINATOR', house: 'a' },
          coordB: { org: 'city', role: 'COORDINATOR', house: 'b' },
          caw: { org: 'caw', role: 'REFERRER' },
          police: { org: 'police', role: 'REFERRER' },
        },
      },
      ownerDb(),
    );
    const { a, b } = world.houses;
    const u = world.users;
    // a rise from the referral's screening (ELEVATED -> HIGH), with the police participating
    const risen = await trajectory(a.id, u.caw, 'ELEVATED');
    await makeParticipant(ownerDb(), {
      dossierId: risen.id,
      safeHouseId: a.id,
      organisationId: u.police.organisationId,
      userId: u.police.id,
    });
    await recordRiskAssessment(u.coordA.id, risen.id, values('HIGH'));
    // a fall (HIGH -> LOW): no rise
    const fallen = await trajectory(a.id, u.caw, 'LOW');
    await pastAssessment(fallen, u.coordA.id, 'HIGH', 5);
    await recordRiskAssessment(u.coordA.id, fallen.id, values('LOW'));
    // the same level again: no rise
    const level = await trajectory(a.id, u.caw, 'HIGH');
    await recordRiskAssessment(u.coordA.id, level.id, values('HIGH'));
    // a rise 20 days ago: only within a longer window
    const old = await trajectory(a.id, u.caw, 'LOW');
    await pastAssessment(old, u.coordA.id, 'ACUTE', 20);
    // a rise in an earlier assessment, then a lower latest one: not a rise any more
    const back = await trajectory(a.id, u.caw, 'LOW');
    await pastAssessment(back, u.coordA.id, 'ACUTE', 3);
    await pastAssessment(back, u.coordA.id, 'ELEVATED', 1);
    // a rise in another safe house
    const elsewhere = await trajectory(b.id, u.caw, 'LOW');
    await recordRiskAssessment(u.coordB.id, elsewhere.id, values('ACUTE'));

    const rises = (userId: string, sinceDays?: number) =>
      withActor(userId, (tx, actor) => listRiskRises(tx, actor, sinceDays ? { sinceDays } : {}));
    const coordA = await rises(u.coordA.id);
    expect(coordA).toEqual([
      expect.objectContaining({
        dossierId: risen.id,
        reference: risen.reference,
        fromLevel: 'ELEVATED',
        toLevel: 'HIGH',
      }),
    ]);
    expect(coordA[0]!.assessedAt).toBeInstanceOf(Date);
    expect((await rises(u.coordA.id, 30)).map((r) => [r.dossierId, r.fromLevel, r.toLevel])).toEqual([
      [risen.id, 'ELEVATED', 'HIGH'],
      [old.id, 'LOW', 'ACUTE'],
    ]);
    // the other house's coordinator sees only their own; a participant only their case; others nothing
    expect((await rises(u.coordB.id)).map((r) => r.dossierId)).toEqual([elsewhere.id]);
    expect((await rises(u.police.id)).map((r) => r.dossierId)).toEqual([risen.id]);
    expect(await rises(u.caw.id)).toEqual([]);
    // after closure a participant no longer sees the case; the coordinator still does
    await closeAsOwner(risen.id);
    expect(await rises(u.police.id)).toEqual([]);
    expect((await rises(u.coordA.id)).map((r) => r.dossierId)).toEqual([risen.id]);
  });

  it('issue 13 §5: the dossier shows a rise of its last point', async () => {
    const d = await trajectory(w.house.id, w.u.caw, 'ELEVATED');
    await recordRiskAssessment(w.u.coord.id, d.id, values('ELEVATED'));
    expect((await getRiskHistory(w.u.coord.id, d.id)).rise).toBeNull();
    await recordRiskAssessment(w.u.coord.id, d.id, values('ACUTE'));
    expect((await getRiskHistory(w.u.coord.id, d.id)).rise).toMatchObject({ from: 'ELEVATED', to: 'ACUTE' });
  });
});

describe('art. 15 §1, 7° (transfer): the risk history moves with the dossier', () => {
  it('art. 15 §1, 7°: after a transfer the receiving coordinator reads and continues the history; the sender no longer', async () => {
    const t = await declareWorld(
      {
        houses: ['from', 'to'],
        organisations: { city: { kind: 'LOCAL_GOVERNMENT' }, caw: { kind: 'CAW' } },
        users: {
          coordFrom: { org: 'city', role: 'COORDINATOR', house: 'from' },
          coordTo: { org: 'city', role: 'COORDINATOR', house: 'to' },
          worker: { org: 'caw', role: 'REFERRER' },
        },
      },
      ownerDb(),
    );
    const d = await trajectory(t.houses.from.id, t.users.worker, 'ELEVATED');
    const first = await recordRiskAssessment(t.users.coordFrom.id, d.id, values('HIGH'));
    const req = await requestTransfer(t.users.coordFrom.id, d.id, {
      toSafeHouseId: t.houses.to.id,
      reason: 'Het gezin verhuisde naar het arrondissement van het andere Veilig Huis.',
    });
    await decideTransfer(t.users.coordTo.id, req.id, 'accept');
    expect(await ownerDb().riskAssessment.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      safeHouseId: t.houses.to.id,
      riskLevel: 'HIGH',
    });
    await expect(getRiskHistory(t.users.coordFrom.id, d.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await recordRiskAssessment(t.users.coordTo.id, d.id, values('ACUTE'));
    const history = await getRiskHistory(t.users.coordTo.id, d.id);
    expect(history.points.map((p) => p.level)).toEqual(['ELEVATED', 'HIGH', 'ACUTE']);
    expect(history.rise).toMatchObject({ from: 'HIGH', to: 'ACUTE' });
  });
});

describe('GDPR art. 15: the risk assessments are part of what the dossier holds about a member', () => {
  it("GDPR art. 15: the access overview of a member lists the trajectory's assessments with their reasoning", async () => {
    const reasoning = `Inschatting voor de inzage ${Date.now()}`;
    await recordRiskAssessment(w.u.coord.id, w.dossier.id, values('HIGH', reasoning));
    const overview = await getAccessOverview(w.u.coord.id, w.victim.id);
    const record = overview.records.find((r) => r.dossier.id === w.dossier.id)!;
    expect(record.riskAssessments.at(-1)).toMatchObject({ riskLevel: 'HIGH', reasoning });
  });
});

describe('art. 15 §3: the risk history goes with the dossier at the end of its term', () => {
  it('art. 15 §3: the purge deletes the assessments with the dossier and counts them in its deletion record', async () => {
    const t = await declareWorld(
      {
        houses: ['h'],
        organisations: { city: { kind: 'LOCAL_GOVERNMENT' }, caw: { kind: 'CAW' } },
        users: { coord: { org: 'city', role: 'COORDINATOR', house: 'h' }, worker: { org: 'caw', role: 'REFERRER' } },
      },
      ownerDb(),
    );
    const d = await trajectory(t.houses.h.id, t.users.worker, 'LOW');
    const secret = `Te wissen onderbouwing ${Date.now()}`;
    await recordRiskAssessment(t.users.coord.id, d.id, values('HIGH', secret));
    await recordRiskAssessment(t.users.coord.id, d.id, values('ACUTE'));
    const closed = await closeAsOwner(d.id);
    const purged = await purgeExpiredDossiers(
      ownerDb(),
      new Date(closed.retentionUntil!.getTime() + 1000),
      parseRetentionTerms({}),
      { safeHouseId: t.houses.h.id },
    );
    // the dossier, its referral and the two assessments at least
    expect(purged).toEqual([expect.objectContaining({ dossierId: d.id, rowsDeleted: expect.any(Number) })]);
    expect(purged[0]!.rowsDeleted).toBeGreaterThanOrEqual(4);
    expect(await ownerDb().riskAssessment.count({ where: { dossierId: d.id } })).toBe(0);
    expect(await allTablesText()).not.toContain(secret);
  });
});
