import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { makeDossier } from '@/prisma/factories';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { appRoleClient, ownerDb, testKeys } from '../helpers/db';
import { buildScenario, makeSessionWithAgenda, type Scenario } from '../helpers/scenario';
import { asActor, refused } from '../helpers/sql-actor';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';

/**
 * The second wall guards the invariants (art. 15 §1 last para, art. 32 GDPR; ADR 0016): connected
 * as the application role with a real actor's settings, every write the use cases would refuse is
 * refused by PostgreSQL too — row-level security per command, reduced grants and a state machine.
 * A forbidden write either fails (SQLSTATE 42501 insufficient privilege / RLS, 23514 check) or
 * finds no row it may touch; the owner then sees the row unchanged.
 */
let client: pg.Client;
let s: Scenario;
let w: ConsensusWorld;
let decided: { id: string };
let policeItem: string;
const REFUSED = /^refused (42501|23514)$|^no rows$/;

beforeAll(async () => {
  client = await appRoleClient();
  s = await buildScenario();
  w = await consensusWorld();
  decided = await makeDossier(ownerDb(), testKeys(), {
    safeHouseId: s.houseA.id,
    referrerUserId: s.users.referrer.id,
    referrerOrganisationId: s.users.referrer.organisationId,
    status: 'NOT_ADMISSIBLE',
  });
  policeItem = (
    await addInformationItem(w.u.police.id, w.dossier.id, {
      category: '9',
      concernsMemberId: '',
      content: 'Klacht op 3/11.',
    })
  ).id;
});
afterAll(async () => {
  await client.end();
});

describe('art. 15 §1, art. 32 GDPR: the dossier status moves only along the decree', () => {
  it('art. 11: a referrer cannot give their draft any status but "submitted", nor a decision', async () => {
    const u = s.users.referrer.id;
    const draft = s.dossiers.draftA.id;
    for (const status of ['IN_TRAJECTORY', 'NOT_ADMISSIBLE', 'CLOSED', 'REFERRED_TO_REGULAR_CARE']) {
      expect(
        await refused(
          client,
          u,
          `UPDATE "Dossier" SET "status" = $2::"DossierStatus", "submittedAt" = now(), "decidedAt" = now(), "decisionReasons" = 'x' WHERE "id" = $1`,
          [draft, status],
        ),
        status,
      ).toMatch(REFUSED);
    }
    expect(await refused(client, u, `UPDATE "Dossier" SET "status" = 'SUBMITTED' WHERE "id" = $1`, [draft])).toMatch(
      REFUSED,
    );
    expect(
      await refused(client, u, `UPDATE "Dossier" SET "referrerUserId" = $2 WHERE "id" = $1`, [
        draft,
        s.users.referrer2.id,
      ]),
    ).toMatch(REFUSED);
    // the legitimate step still works: submitting with its time
    const ok = await asActor(
      client,
      u,
      `UPDATE "Dossier" SET "status" = 'SUBMITTED', "submittedAt" = now() WHERE "id" = $1`,
      [draft],
    );
    expect(ok.rowCount).toBe(1);
    // and once submitted, the referrer changes nothing
    expect(
      await refused(client, u, `UPDATE "Dossier" SET "clientSystemLabel" = 'anders' WHERE "id" = $1`, [
        s.dossiers.submittedA.id,
      ]),
    ).toMatch(REFUSED);
  });

  it('art. 5: a coordinator cannot start a trajectory without an assessment with all three criteria met', async () => {
    expect(
      await refused(
        client,
        s.users.coordA.id,
        `UPDATE "Dossier" SET "status" = 'IN_TRAJECTORY', "decidedAt" = now(), "decisionReasons" = 'zonder toetsing' WHERE "id" = $1`,
        [s.dossiers.submittedA.id],
      ),
    ).toMatch(REFUSED);
    // with an assessment whose criteria are not all met, still not
    const sql = `WITH a AS (INSERT INTO "AdmissionAssessment" ("dossierId", "safeHouseId", "assessorUserId", "criterion1Met", "criterion1Reason", "criterion2Met",
                   "criterion2Reason", "criterion3Met", "criterion3Reason", "riskLevel", "riskAssessment", "decision", "decisionReasons")
                   VALUES ($1, $2, $3, true, 'x', false, 'x', true, 'x', 'HIGH', 'x', 'START_TRAJECTORY', 'x') RETURNING 1)
                 UPDATE "Dossier" SET "status" = 'IN_TRAJECTORY', "decidedAt" = now(), "decisionReasons" = 'x' WHERE "id" = $1 AND EXISTS (SELECT 1 FROM a)`;
    expect(
      await refused(client, s.users.coordA.id, sql, [s.dossiers.submittedA.id, s.houseA.id, s.users.coordA.id]),
    ).toMatch(REFUSED);
  });

  it('art. 15 §3: a decision is not rewritten, a trajectory is not closed outside a closing conference, nothing reopens', async () => {
    const coord = s.users.coordA.id;
    expect(
      await refused(client, coord, `UPDATE "Dossier" SET "decisionReasons" = 'herschreven' WHERE "id" = $1`, [
        decided.id,
      ]),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        coord,
        `UPDATE "Dossier" SET "retentionUntil" = "retentionUntil" - interval '1 year' WHERE "id" = $1`,
        [decided.id],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(client, coord, `UPDATE "Dossier" SET "status" = 'IN_TRAJECTORY' WHERE "id" = $1`, [decided.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        coord,
        `UPDATE "Dossier" SET "status" = 'CLOSED', "closedAt" = now(), "retentionUntil" = now() + interval '15 years', "retentionYears" = 15
                                          WHERE "id" = $1`,
        [s.dossiers.trajectoryA.id],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(client, coord, `UPDATE "Dossier" SET "status" = 'DRAFT' WHERE "id" = $1`, [
        s.dossiers.submittedA.id,
      ]),
    ).toMatch(REFUSED);
    // another safe house's coordinator finds nothing to change
    expect(
      await refused(client, s.users.coordB.id, `UPDATE "Dossier" SET "decisionReasons" = 'x' WHERE "id" = $1`, [
        s.dossiers.submittedA.id,
      ]),
    ).toBe('no rows');
    expect((await ownerDb().dossier.findUniqueOrThrow({ where: { id: decided.id } })).status).toBe('NOT_ADMISSIBLE');
  });

  it('art. 5: the assessment and the consultations are recorded once and never rewritten', async () => {
    expect(
      await refused(client, s.users.coordA.id, `UPDATE "AdmissionAssessment" SET "decisionReasons" = 'x'`),
    ).toMatch(REFUSED);
    expect(await refused(client, s.users.coordA.id, `DELETE FROM "MandatedAgencyConsultation"`)).toMatch(REFUSED);
  });
});

describe('art. 11, 13 §2, 15 §2: who writes what', () => {
  it('art. 11: the referral and its client system are the referrer\u2019s draft; nobody else writes them', async () => {
    for (const user of [s.users.coordA, s.users.coreStaffA, s.users.participant, s.users.referrer2]) {
      expect(
        await refused(client, user.id, `UPDATE "Referral" SET "situation" = 'x' WHERE "dossierId" = $1`, [
          s.dossiers.trajectoryA.id,
        ]),
      ).toMatch(REFUSED);
      expect(
        await refused(
          client,
          user.id,
          `INSERT INTO "ClientMember" ("dossierId", "memberRole", "firstName", "lastName", "isMinor") VALUES ($1, 'OTHER', 'X', 'Y', false)`,
          [s.dossiers.trajectoryA.id],
        ),
      ).toMatch(REFUSED);
      expect(
        await refused(client, user.id, `DELETE FROM "Contact" WHERE "dossierId" = $1`, [s.dossiers.trajectoryA.id]),
      ).toMatch(REFUSED);
    }
  });

  it('art. 13 §2, 15 §2: a participant writes only their own organisation\u2019s information, and nobody deletes any', async () => {
    // at the open session of the case (art. 13; without it the session guard refuses first)
    const insert = `INSERT INTO "InformationItem" ("dossierId", "safeHouseId", "organisationId", "authorUserId", "category", "content", "agendaItemId") VALUES ($1, $2, $3, $4, 11, 'x', $5)`;
    // in the name of another organisation or another author
    expect(
      await refused(client, w.u.justice.id, insert, [
        w.dossier.id,
        w.house.id,
        w.orgs.police.id,
        w.u.justice.id,
        w.agendaItem.id,
      ]),
    ).toMatch(REFUSED);
    expect(
      await refused(client, w.u.justice.id, insert, [
        w.dossier.id,
        w.house.id,
        w.orgs.justice.id,
        w.u.police.id,
        w.agendaItem.id,
      ]),
    ).toMatch(REFUSED);
    // another organisation's item: not changed, not deleted
    expect(
      await refused(client, w.u.justice.id, `UPDATE "InformationItem" SET "content" = 'vervalst' WHERE "id" = $1`, [
        policeItem,
      ]),
    ).toMatch(REFUSED);
    expect(await refused(client, w.u.police.id, `DELETE FROM "InformationItem" WHERE "id" = $1`, [policeItem])).toMatch(
      REFUSED,
    );
    expect(
      await refused(client, w.u.justice.id, `UPDATE "InformationItem" SET "organisationId" = $2 WHERE "id" = $1`, [
        policeItem,
        w.orgs.justice.id,
      ]),
    ).toMatch(REFUSED);
    expect((await ownerDb().informationItem.findUniqueOrThrow({ where: { id: policeItem } })).content).toBe(
      'Klacht op 3/11.',
    );
    // the own organisation may correct it
    expect(
      (
        await asActor(
          client,
          w.u.police.id,
          `UPDATE "InformationItem" SET "content" = 'Klacht op 4/11.' WHERE "id" = $1`,
          [policeItem],
        )
      ).rowCount,
    ).toBe(1);
  });

  it('art. 12, 13: minutes, decisions and the action plan are the chair\u2019s; feedback is the delegate\u2019s own', async () => {
    const p = w.u.police.id;
    expect(
      await refused(client, p, `UPDATE "AgendaItem" SET "minutes" = 'x' WHERE "id" = $1`, [w.agendaItem.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        p,
        `INSERT INTO "ConferenceDecision" ("agendaItemId", "dossierId", "safeHouseId", "text", "recordedByUserId") VALUES ($1, $2, $3, 'x', $4)`,
        [w.agendaItem.id, w.dossier.id, w.house.id, p],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        p,
        `INSERT INTO "Goal" ("dossierId", "safeHouseId", "title", "createdByUserId") VALUES ($1, $2, 'x', $3)`,
        [w.dossier.id, w.house.id, p],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        p,
        `INSERT INTO "FeedbackRecord" ("dossierId", "safeHouseId", "delegateUserId", "caseWorkerUserId", "givenAt") VALUES ($1, $2, $3, $3, now())`,
        [w.dossier.id, w.house.id, w.u.justice.id],
      ),
    ).toMatch(REFUSED);
    expect(await refused(client, w.u.coord.id, `DELETE FROM "AgendaItem" WHERE "id" = $1`, [w.agendaItem.id])).toMatch(
      REFUSED,
    );
  });

  it('art. 458ter Sw.: the DPO, the analyst and the administrator write no case data at all', async () => {
    for (const user of [s.users.dpo, s.users.analyst, s.users.admin]) {
      expect(
        await refused(client, user.id, `UPDATE "Dossier" SET "status" = 'CLOSED' WHERE "id" = $1`, [
          s.dossiers.trajectoryA.id,
        ]),
      ).toMatch(REFUSED);
      expect(
        await refused(
          client,
          user.id,
          `INSERT INTO "InformationItem" ("dossierId", "safeHouseId", "organisationId", "authorUserId", "category", "content", "agendaItemId") VALUES ($1, $2, $3, $4, 11, 'x', $5)`,
          [w.dossier.id, w.house.id, user.organisationId, user.id, w.agendaItem.id],
        ),
      ).toMatch(REFUSED);
      expect(await refused(client, user.id, `UPDATE "DisclosureProposal" SET "status" = 'APPROVED'`)).toMatch(REFUSED);
    }
  });
});

describe('art. 15 (access log, ADR 0026): the stored chain checks are the worker’s', () => {
  it('the app role, even as the DPO, cannot add, change or remove a stored check; others read none', async () => {
    const [row] = await ownerDb().$queryRaw<{ id: bigint }[]>`
      INSERT INTO "AuditVerification" ("scope", "fromSeq", "toSeq", "toHash", "checked", "ok")
      VALUES ('full', 0, 0, ${'0'.repeat(64)}, 0, true) RETURNING "id"`;
    const id = String(row!.id);
    for (const user of [s.users.dpo, s.users.coordA]) {
      expect(
        await refused(
          client,
          user.id,
          `INSERT INTO "AuditVerification" ("scope", "fromSeq", "toSeq", "toHash", "checked", "ok") VALUES ('full', 0, 0, repeat('0', 64), 0, true)`,
        ),
      ).toMatch(REFUSED);
      expect(
        await refused(client, user.id, `UPDATE "AuditVerification" SET "ok" = true WHERE "id" = $1`, [id]),
      ).toMatch(REFUSED);
      expect(await refused(client, user.id, `DELETE FROM "AuditVerification" WHERE "id" = $1`, [id])).toMatch(REFUSED);
    }
    // the DPO reads it, a coordinator does not
    expect(
      (await asActor(client, s.users.dpo.id, `SELECT 1 FROM "AuditVerification" WHERE "id" = $1`, [id])).rowCount,
    ).toBe(1);
    expect(
      (await asActor(client, s.users.coordA.id, `SELECT 1 FROM "AuditVerification" WHERE "id" = $1`, [id])).rowCount,
    ).toBe(0);
    expect(await ownerDb().$queryRaw`SELECT "ok" FROM "AuditVerification" WHERE "id" = ${row!.id}`).toEqual([
      { ok: true },
    ]);
  });
});

describe('issue 12 §5 (ADR 0036): finalised minutes, distribution, the referrer’s outcome, feedback notes', () => {
  it('art. 12: only the delegate writes a feedback note, only the case worker acknowledges, nobody rewrites either', async () => {
    const rec = await ownerDb().feedbackRecord.create({
      data: {
        dossierId: w.dossier.id,
        safeHouseId: w.house.id,
        delegateUserId: w.u.police.id,
        caseWorkerUserId: w.u.outsider.id,
        givenAt: new Date(),
      },
    });
    const insertNote = `INSERT INTO "FeedbackNote" ("feedbackRecordId", "dossierId", "safeHouseId", "note") VALUES ($1, $2, $3, 'x')`;
    const args = [rec.id, w.dossier.id, w.house.id];
    // another participant, the case worker and the coordinator do not write the delegate's note
    for (const u of [w.u.justice.id, w.u.outsider.id, w.u.coord.id])
      expect(await refused(client, u, insertNote, args), u).toMatch(REFUSED);
    // the delegate may (rolled back)
    expect((await asActor(client, w.u.police.id, insertNote, args)).rowCount).toBe(1);
    await ownerDb().feedbackNote.create({
      data: { feedbackRecordId: rec.id, dossierId: w.dossier.id, safeHouseId: w.house.id, note: 'geheim' },
    });
    // acknowledging is the case worker's own act; nothing else of the record changes
    const ack = `UPDATE "FeedbackRecord" SET "secrecyAcknowledgedAt" = now() WHERE "id" = $1`;
    for (const u of [w.u.police.id, w.u.justice.id, w.u.coord.id])
      expect(await refused(client, u, ack, [rec.id]), u).toMatch(REFUSED);
    for (const sql of [
      `UPDATE "FeedbackRecord" SET "caseWorkerUserId" = $2 WHERE "id" = $1`,
      `UPDATE "FeedbackRecord" SET "givenAt" = now() - interval '1 day', "delegateUserId" = $2 WHERE "id" = $1`,
    ])
      expect(await refused(client, w.u.outsider.id, sql, [rec.id, w.u.outsider.id])).toMatch(REFUSED);
    for (const sql of [
      `UPDATE "FeedbackNote" SET "note" = 'anders' WHERE "feedbackRecordId" = $1`,
      `DELETE FROM "FeedbackNote" WHERE "feedbackRecordId" = $1`,
      `DELETE FROM "FeedbackRecord" WHERE "id" = $1`,
    ])
      for (const u of [w.u.police.id, w.u.outsider.id, w.u.coord.id])
        expect(await refused(client, u, sql, [rec.id]), `${u} ${sql}`).toMatch(REFUSED);
    // the case worker reads nothing of the note before acknowledging
    expect(
      (
        await asActor(client, w.u.outsider.id, `SELECT "note" FROM "FeedbackNote" WHERE "feedbackRecordId" = $1`, [
          rec.id,
        ])
      ).rowCount,
    ).toBe(0);
  });

  it('issue 12 §5: participants neither finalise, distribute nor write the referrer’s outcome; the coordinator not out of order', async () => {
    const item = w.agendaItem.id;
    for (const u of [w.u.police.id, w.u.caw.id])
      expect(
        await refused(
          client,
          u,
          `UPDATE "AgendaItem" SET "finalisedAt" = now(), "finalisedByUserId" = $2 WHERE "id" = $1`,
          [item, u],
        ),
      ).toMatch(REFUSED);
    // a recipient before any distribution, or a mail recorded at insert: refused even for the coordinator
    const insertRecipient = `INSERT INTO "PlanDistributionRecipient" ("agendaItemId", "dossierId", "safeHouseId", "userId", "reason") VALUES ($1, $2, $3, $4, 'PARTICIPANT')`;
    expect(
      await refused(client, w.u.coord.id, insertRecipient, [item, w.dossier.id, w.house.id, w.u.police.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(client, w.u.police.id, insertRecipient, [item, w.dossier.id, w.house.id, w.u.police.id]),
    ).toMatch(REFUSED);
    // distributing before finalising
    expect(
      await refused(
        client,
        w.u.coord.id,
        `UPDATE "AgendaItem" SET "distributedAt" = now(), "distributedByUserId" = $2 WHERE "id" = $1`,
        [item, w.u.coord.id],
      ),
    ).toMatch(REFUSED);
    // the referrer's outcome: only the coordinator writes it, never already shared
    const insertOutcome = `INSERT INTO "ReferrerOutcome" ("agendaItemId", "dossierId", "safeHouseId", "text", "writtenByUserId", "sharedAt") VALUES ($1, $2, $3, 'Opgenomen.', $4, $5)`;
    // u.caw is the referrer of this case (and a participant)
    for (const u of [w.u.police.id, w.u.caw.id])
      expect(await refused(client, u, insertOutcome, [item, w.dossier.id, w.house.id, u, null]), u).toMatch(REFUSED);
    expect(
      await refused(client, w.u.coord.id, insertOutcome, [item, w.dossier.id, w.house.id, w.u.coord.id, new Date()]),
    ).toMatch(REFUSED);
    expect(
      (await asActor(client, w.u.coord.id, insertOutcome, [item, w.dossier.id, w.house.id, w.u.coord.id, null]))
        .rowCount,
    ).toBe(1);
  });
});

describe('issue 12 §6, §7: the action plan and urgent disclosures (ADR 0034, 0035)', () => {
  it('memorandum art. 15: a participant who is neither case director nor owner adds, changes or deletes no action', async () => {
    const db = ownerDb();
    const goal = await db.goal.create({
      data: { dossierId: w.dossier.id, safeHouseId: w.house.id, title: 'Veiligheid', createdByUserId: w.u.coord.id },
    });
    const action = await db.planAction.create({
      data: {
        goalId: goal.id,
        dossierId: w.dossier.id,
        safeHouseId: w.house.id,
        description: 'Huisbezoek',
        ownerOrganisationId: w.orgs.police.id,
        ownerUserId: w.u.police.id,
      },
    });
    const u = w.u.justice.id;
    expect(
      await refused(
        client,
        u,
        `INSERT INTO "PlanAction" ("goalId", "dossierId", "safeHouseId", "description", "ownerOrganisationId") VALUES ($1, $2, $3, 'Eigen actie', $4)`,
        [goal.id, w.dossier.id, w.house.id, w.orgs.justice.id],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        u,
        `INSERT INTO "Goal" ("dossierId", "safeHouseId", "title", "createdByUserId") VALUES ($1, $2, 'Eigen doel', $3)`,
        [w.dossier.id, w.house.id, u],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        u,
        `UPDATE "PlanAction" SET "status" = 'DONE', "doneAt" = now(), "doneByUserId" = $2, "doneNote" = 'Gedaan.' WHERE "id" = $1`,
        [action.id, u],
      ),
    ).toMatch(REFUSED);
    expect(await refused(client, u, `DELETE FROM "PlanAction" WHERE "id" = $1`, [action.id])).toMatch(REFUSED);
    expect(await db.planAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: 'OPEN' });
  });

  it('art. 458bis Sw. / noodtoestand: nobody in the application changes or removes an urgent disclosure', async () => {
    const row = await ownerDb().emergencyDisclosure.create({
      data: {
        dossierId: w.dossier.id,
        safeHouseId: w.house.id,
        recordedByUserId: w.u.police.id,
        organisationId: w.orgs.police.id,
        ground: 'STATE_OF_NECESSITY',
        disclosed: 'Adres gedeeld met de politie.',
        recipient: 'Politie, wachtofficier',
        disclosedAt: new Date(Date.now() - 60_000),
        urgency: 'Acuut gevaar, wachten kon niet.',
      },
    });
    for (const user of [w.u.police, w.u.coord, w.u.justice]) {
      expect(
        await refused(client, user.id, `UPDATE "EmergencyDisclosure" SET "recipient" = 'Niemand' WHERE "id" = $1`, [
          row.id,
        ]),
      ).toMatch(REFUSED);
      expect(await refused(client, user.id, `DELETE FROM "EmergencyDisclosure" WHERE "id" = $1`, [row.id])).toMatch(
        REFUSED,
      );
    }
    expect(await ownerDb().emergencyDisclosure.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      recipient: 'Politie, wachtofficier',
    });
  });
});

describe('art. 5 (ADR 0031): the art. 5 check is written once, by the coordinator in their own name', () => {
  const insertCheck = `INSERT INTO "AdmissionCheck" ("dossierId", "safeHouseId", "assessorUserId", "criterion1Met", "criterion1Reason",
      "criterion2Met", "criterion2Reason", "criterion3Met", "criterion3Reason", "riskLevel", "riskAssessment")
    VALUES ($1, $2, $3, true, 'x', true, 'x', true, 'x', 'HIGH', 'Risico-inschatting')`;

  it('art. 5: nobody but the coordinator of the safe house records the check, and not in another name; nobody rewrites or deletes it', async () => {
    const fresh = await makeDossier(ownerDb(), testKeys(), {
      safeHouseId: s.houseA.id,
      referrerUserId: s.users.referrer.id,
      referrerOrganisationId: s.users.referrer.organisationId,
      status: 'SUBMITTED',
    });
    const args = (assessor: string) => [fresh.id, s.houseA.id, assessor];
    for (const who of [s.users.referrer, s.users.coreStaffA, s.users.participant, s.users.coordB])
      expect(await refused(client, who.id, insertCheck, args(who.id)), who.id).toMatch(REFUSED);
    expect(await refused(client, s.users.coordA.id, insertCheck, args(s.users.reprA.id))).toMatch(REFUSED);
    expect(await ownerDb().admissionCheck.count({ where: { dossierId: fresh.id } })).toBe(0);
    // the coordinator in their own name may (rolled back): the refusals above are about who, not the statement
    expect((await asActor(client, s.users.coordA.id, insertCheck, args(s.users.coordA.id))).rowCount).toBe(1);
    // once recorded (here by the owner), the check stays as it was
    await ownerDb().$executeRawUnsafe(insertCheck, ...args(s.users.coordA.id));
    for (const sql of [
      `UPDATE "AdmissionCheck" SET "criterion1Met" = false, "criterion1Reason" = 'herschreven' WHERE "dossierId" = $1`,
      `DELETE FROM "AdmissionCheck" WHERE "dossierId" = $1`,
    ])
      expect(await refused(client, s.users.coordA.id, sql, [fresh.id]), sql).toMatch(REFUSED);
    expect(await ownerDb().admissionCheck.findFirstOrThrow({ where: { dossierId: fresh.id } })).toMatchObject({
      criterion1Met: true,
      criterion1Reason: 'x',
    });
  });
});

describe('issue 13 §3 (ADR 0040): documents are added by the right person in the right way, and never rewritten', () => {
  const insert = `INSERT INTO "Attachment" ("id", "dossierId", "safeHouseId", "context", "agendaItemId", "organisationId",
      "uploadedByUserId", "category", "fileNameEnc", "mediaType", "sizeBytes", "blobKey", "wrappedKey", "keyId")
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4::"AttachmentContext", $5::uuid, $6::uuid, $7::uuid, 11, 'v1.k1.a.b.c',
            'application/pdf', 10, $2::uuid::text || '/' || $1::uuid::text, 'v1.k1.a.b.c', 'k1')`;
  /** refused by RLS or a grant (42501), a check (23514) or the session guard (55000) */
  const REFUSED_ATTACHMENT = /^refused (42501|23514|55000)$|^no rows$/;
  const as = (
    who: { id: string; organisationId: string },
    context: string,
    dossierId: string,
    agendaItemId: string | null = null,
  ) => [crypto.randomUUID(), dossierId, s.houseA.id, context, agendaItemId, who.organisationId, who.id];

  it('issue 13 §3: only the coordinator, a core partner with its input and a participant in an open session add a document, each in their own name', async () => {
    const trajectory = s.dossiers.trajectoryA.id;
    const submitted = s.dossiers.submittedA.id;
    const { users } = s;
    const openItem = (await makeSessionWithAgenda(s.dossiers.trajectoryA, users.coordA.id)).agendaItem.id;
    const plannedItem = (
      await makeSessionWithAgenda(s.dossiers.trajectoryA, users.coordA.id, {
        startsAt: new Date(Date.now() + 86_400_000),
        state: 'PLANNED',
      })
    ).agendaItem.id;
    const refusedCases: [string, { id: string; organisationId: string }, unknown[]][] = [
      ['referrer as coordinator', users.referrer, as(users.referrer, 'COORDINATOR', submitted)],
      ['coordinator of another house', users.coordB, as(users.coordB, 'COORDINATOR', submitted)],
      ['participant as coordinator', users.participant, as(users.participant, 'COORDINATOR', trajectory)],
      [
        'participant outside an open session',
        users.participant,
        as(users.participant, 'SESSION', trajectory, plannedItem),
      ],
      [
        'participant who did not acknowledge the secrecy',
        users.participantNotAcknowledged,
        as(users.participantNotAcknowledged, 'SESSION', trajectory, openItem),
      ],
      ['core partner after its round', users.coreStaffA, as(users.coreStaffA, 'PARTNER_INPUT', trajectory)],
      ['non-core organisation', users.coreRoleNonCoreOrg, as(users.coreRoleNonCoreOrg, 'PARTNER_INPUT', submitted)],
      ['the DPO', users.dpo, as(users.dpo, 'COORDINATOR', submitted)],
      ['a session document without its session', users.participant, as(users.participant, 'SESSION', trajectory)],
    ];
    for (const [label, who, args] of refusedCases)
      expect(await refused(client, who.id, insert, args), label).toMatch(REFUSED_ATTACHMENT);
    // in another's name: the coordinator as their representative, a participant as the police
    const inOthersName = as(users.reprA, 'COORDINATOR', submitted);
    expect(await refused(client, users.coordA.id, insert, inOthersName)).toMatch(REFUSED_ATTACHMENT);
    // the legitimate ones work (rolled back): the refusals above are about who and when
    for (const [who, args] of [
      [users.coordA, as(users.coordA, 'COORDINATOR', submitted)],
      [users.coreStaffA, as(users.coreStaffA, 'PARTNER_INPUT', submitted)],
      [users.participant, as(users.participant, 'SESSION', trajectory, openItem)],
    ] as const)
      expect((await asActor(client, who.id, insert, [...args])).rowCount).toBe(1);
  });

  it('issue 13 §3: nobody in the application rewrites or deletes a document, not even the coordinator', async () => {
    const id = crypto.randomUUID();
    await ownerDb().$executeRawUnsafe(
      insert,
      ...as(s.users.coordA, 'COORDINATOR', s.dossiers.submittedA.id).map((v, i) => (i === 0 ? id : v)),
    );
    for (const sql of [
      `UPDATE "Attachment" SET "category" = 9 WHERE "id" = $1`,
      `UPDATE "Attachment" SET "blobKey" = 'x', "wrappedKey" = 'y' WHERE "id" = $1`,
      `UPDATE "Attachment" SET "context" = 'PARTNER_INPUT' WHERE "id" = $1`,
      `DELETE FROM "Attachment" WHERE "id" = $1`,
    ])
      for (const who of [s.users.coordA, s.users.participant, s.users.coreStaffA])
        expect(await refused(client, who.id, sql, [id]), `${sql} ${who.id}`).toMatch(REFUSED_ATTACHMENT);
    expect(await ownerDb().attachment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      category: 11,
      context: 'COORDINATOR',
    });
  });
});
