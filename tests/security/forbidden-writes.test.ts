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

describe('issue 13 §6 (ADR 0043): users, roles, organisations, invitations and reviews are the functional administrator’s', () => {
  it('nobody but the administrator creates or changes users, roles, organisations or core partnerships', async () => {
    const target = s.users.referrer2;
    const org = target.organisationId;
    for (const who of ['coordA', 'referrer', 'coreStaffA', 'mandated', 'dpo', 'analyst'] as const) {
      const u = s.users[who].id;
      const writes: [string, unknown[]][] = [
        [
          `INSERT INTO "User" ("email", "name", "organisationId") VALUES ($1, 'Nieuw', $2)`,
          [`x${Date.now()}@vhd.test`, org],
        ],
        [`UPDATE "User" SET "active" = false WHERE "id" = $1`, [target.id]],
        [`UPDATE "User" SET "name" = 'Anders', "email" = 'anders@vhd.test' WHERE "id" = $1`, [target.id]],
        [
          `INSERT INTO "RoleAssignment" ("userId", "role", "safeHouseId") VALUES ($1, 'COORDINATOR', $2)`,
          [u, s.houseA.id],
        ],
        [`DELETE FROM "RoleAssignment" WHERE "userId" = $1`, [target.id]],
        [`INSERT INTO "Organisation" ("name", "kind") VALUES ($1, 'POLICE')`, [`Org ${Date.now()}`]],
        [`UPDATE "Organisation" SET "kind" = 'OTHER_EXPERTISE' WHERE "id" = $1`, [org]],
        [`INSERT INTO "CorePartnership" ("safeHouseId", "organisationId") VALUES ($1, $2)`, [s.houseA.id, org]],
        [`DELETE FROM "CorePartnership"`, []],
        [
          `INSERT INTO "PasswordInvitation" ("userId", "tokenHash", "invitedByUserId", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`,
          [target.id, 'a'.repeat(64), u],
        ],
        [
          `INSERT INTO "AccessReview" ("safeHouseId", "confirmedByUserId", "accounts") VALUES ($1, $2, 0)`,
          [s.houseA.id, u],
        ],
      ];
      for (const [sql, params] of writes)
        expect(await refused(client, u, sql, params), `${who}: ${sql}`).toMatch(REFUSED);
      expect((await asActor(client, u, `SELECT count(*)::int AS n FROM "PasswordInvitation"`)).rows[0].n, who).toBe(0);
    }
  });

  it('the administrator writes through row-level security, but no password, no invitation in another’s name, no used-up invitation again', async () => {
    const admin = s.users.admin.id;
    const target = s.users.referrer2;
    expect(
      (await asActor(client, admin, `UPDATE "User" SET "name" = 'Nieuwe naam' WHERE "id" = $1`, [target.id])).rowCount,
    ).toBe(1);
    expect(await refused(client, admin, `UPDATE "User" SET "passwordHash" = 'x' WHERE "id" = $1`, [target.id])).toMatch(
      /^refused 42501$/,
    );
    expect(
      await refused(client, admin, `UPDATE "User" SET "lastLoginAt" = now() WHERE "id" = $1`, [target.id]),
    ).toMatch(/^refused 42501$/);
    expect(
      await refused(
        client,
        admin,
        `INSERT INTO "PasswordInvitation" ("userId", "tokenHash", "invitedByUserId", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`,
        [target.id, 'b'.repeat(64), s.users.dpo.id],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        admin,
        `INSERT INTO "PasswordInvitation" ("userId", "tokenHash", "invitedByUserId", "expiresAt") VALUES ($1, $2, $3, now() + interval '30 days')`,
        [target.id, 'c'.repeat(64), admin],
      ),
    ).toMatch(REFUSED);
    for (const sql of [
      `UPDATE "PasswordInvitation" SET "usedAt" = NULL`,
      `UPDATE "PasswordInvitation" SET "expiresAt" = now() + interval '1 day'`,
      `DELETE FROM "PasswordInvitation"`,
      `UPDATE "AccessReview" SET "accounts" = 0`,
      `DELETE FROM "AccessReview"`,
      `DELETE FROM "User" WHERE "id" = '${target.id}'`,
      `DELETE FROM "Organisation" WHERE "id" = '${target.organisationId}'`,
    ])
      expect(await refused(client, admin, sql), sql).toMatch(REFUSED);
    expect(
      await refused(
        client,
        admin,
        `INSERT INTO "AccessReview" ("safeHouseId", "confirmedByUserId", "accounts") VALUES ($1, $2, 0)`,
        [s.houseA.id, s.users.dpo.id],
      ),
    ).toMatch(REFUSED);
  });
});

describe('issue 13 §4 (ADR 0041): the folded search columns are the database’s', () => {
  it('search: the application cannot write a folded name; an insert is refolded from the name itself', async () => {
    const fresh = await makeDossier(ownerDb(), testKeys(), {
      safeHouseId: s.houseA.id,
      referrerUserId: s.users.referrer.id,
      referrerOrganisationId: s.users.referrer.organisationId,
      status: 'SUBMITTED',
      clientSystemLabel: 'Gezin Çelik',
      members: [{ memberRole: 'VICTIM', firstName: 'Zoë', lastName: 'Çelik' }],
    });
    // the coordinator may rectify a member, but never set what the search finds them by
    for (const sql of [
      `UPDATE "ClientMember" SET "lastNameSearch" = 'iemand anders' WHERE "dossierId" = $1`,
      `UPDATE "ClientMember" SET "firstNameSearch" = 'x' WHERE "dossierId" = $1`,
      `UPDATE "Dossier" SET "clientSystemLabelSearch" = 'x' WHERE "id" = $1`,
    ])
      expect(await refused(client, s.users.coordA.id, sql, [fresh.id]), sql).toMatch(REFUSED);
    // a draft's referrer inserts a member with a forged folded name: the trigger folds the real one
    const inserted = await asActor(
      client,
      s.users.referrer.id,
      `INSERT INTO "ClientMember" ("dossierId", "memberRole", "firstName", "lastName", "isMinor", "firstNameSearch", "lastNameSearch")
       VALUES ($1, 'VICTIM', 'Élodie', 'D''Hondt', false, 'vals', 'vals') RETURNING "firstNameSearch", "lastNameSearch"`,
      [s.dossiers.draftA.id],
    );
    expect(inserted.rows[0]).toEqual({ firstNameSearch: 'elodie', lastNameSearch: 'dhondt' });
    expect(await ownerDb().clientMember.findFirstOrThrow({ where: { dossierId: fresh.id } })).toMatchObject({
      firstNameSearch: 'zoe',
      lastNameSearch: 'celik',
    });
  });
});

describe('issue 13 §5 (ADR 0042): the risk history is append-only, written by the coordinator or the case director', () => {
  const insertRisk = `INSERT INTO "RiskAssessment" ("dossierId", "safeHouseId", "assessorUserId", "asCaseDirector", "riskAnswers", "riskScore", "riskLevel", "reasoningEnc")
    VALUES ($1, $2, $3, $4, '{"weapons": "YES"}', 1, 'HIGH', 'v1.k.iv.tag.ct')`;

  it('issue 13 §5: nobody but the coordinator or the case director records an assessment, in their own name, in a trajectory; nobody rewrites or deletes one', async () => {
    const args = (assessor: string, asDirector = false) => [w.dossier.id, w.house.id, assessor, asDirector];
    // participants who do not direct the case, the referrer's colleague outside it, a coordinator elsewhere
    for (const who of [w.u.police, w.u.justice, w.u.caw, w.u.outsider, s.users.coordA]) {
      expect(await refused(client, who.id, insertRisk, args(who.id)), who.id).toMatch(REFUSED);
      expect(await refused(client, who.id, insertRisk, args(who.id, true)), who.id).toMatch(REFUSED);
    }
    // the coordinator, not in another's name, and not outside a trajectory
    expect(await refused(client, w.u.coord.id, insertRisk, args(w.u.caw.id))).toMatch(REFUSED);
    const fresh = await makeDossier(ownerDb(), testKeys(), {
      safeHouseId: s.houseA.id,
      referrerUserId: s.users.referrer.id,
      referrerOrganisationId: s.users.referrer.organisationId,
      status: 'SUBMITTED',
    });
    expect(
      await refused(client, s.users.coordA.id, insertRisk, [fresh.id, s.houseA.id, s.users.coordA.id, false]),
    ).toMatch(REFUSED);
    expect(await ownerDb().riskAssessment.count({ where: { dossierId: { in: [w.dossier.id, fresh.id] } } })).toBe(0);
    // the coordinator in their own name may (rolled back), and so may the case director
    expect((await asActor(client, w.u.coord.id, insertRisk, args(w.u.coord.id))).rowCount).toBe(1);
    await ownerDb().caseParticipant.update({ where: { id: w.participations.caw }, data: { isCaseDirector: true } });
    try {
      expect((await asActor(client, w.u.caw.id, insertRisk, args(w.u.caw.id, true))).rowCount).toBe(1);
      // as the director, but not claiming it: the director is no coordinator
      expect(await refused(client, w.u.caw.id, insertRisk, args(w.u.caw.id, false))).toMatch(REFUSED);
    } finally {
      await ownerDb().caseParticipant.update({ where: { id: w.participations.caw }, data: { isCaseDirector: false } });
    }
    // once recorded (here by the owner), it stays as it was
    await ownerDb().$executeRawUnsafe(insertRisk, ...args(w.u.coord.id));
    for (const who of [w.u.coord, w.u.police])
      for (const sql of [
        `UPDATE "RiskAssessment" SET "riskLevel" = 'LOW' WHERE "dossierId" = $1`,
        `UPDATE "RiskAssessment" SET "reasoningEnc" = 'v1.k.iv.tag.other' WHERE "dossierId" = $1`,
        `DELETE FROM "RiskAssessment" WHERE "dossierId" = $1`,
      ])
        expect(await refused(client, who.id, sql, [w.dossier.id]), `${who.id}: ${sql}`).toMatch(REFUSED);
    expect(await ownerDb().riskAssessment.findFirstOrThrow({ where: { dossierId: w.dossier.id } })).toMatchObject({
      riskLevel: 'HIGH',
      reasoningEnc: 'v1.k.iv.tag.ct',
    });
  });
});

describe('issue 13 §2 (ADR 0039): notifications are one’s own; the mail ledger is the worker’s', () => {
  it('a user neither reads nor marks another’s notifications, changes nothing but readAt, and never deletes one', async () => {
    const db = ownerDb();
    const mine = await db.notification.create({
      data: {
        userId: s.users.coreStaffA.id,
        kind: 'INPUT_ROUND',
        safeHouseId: s.houseA.id,
        linkPath: '/te-beantwoorden',
        dedupeKey: `INPUT_ROUND:fw-${Date.now()}`,
      },
    });
    // another user sees no row and marks none
    const seen = await asActor(client, s.users.coordA.id, `SELECT "id" FROM "Notification" WHERE "id" = $1`, [mine.id]);
    expect(seen.rowCount).toBe(0);
    for (const who of [s.users.coordA, s.users.mandated, s.users.dpo]) {
      expect(
        await refused(client, who.id, `UPDATE "Notification" SET "readAt" = now() WHERE "id" = $1`, [mine.id]),
        who.id,
      ).toMatch(REFUSED);
    }
    // the recipient marks it read (rolled back) — and nothing else
    expect(
      (
        await asActor(client, s.users.coreStaffA.id, `UPDATE "Notification" SET "readAt" = now() WHERE "id" = $1`, [
          mine.id,
        ])
      ).rowCount,
    ).toBe(1);
    for (const sql of [
      `UPDATE "Notification" SET "linkPath" = '/elders' WHERE "id" = $1`,
      `UPDATE "Notification" SET "userId" = '${s.users.coordA.id}' WHERE "id" = $1`,
      `UPDATE "Notification" SET "deliveryId" = NULL, "directMail" = true WHERE "id" = $1`,
      `DELETE FROM "Notification" WHERE "id" = $1`,
    ])
      expect(await refused(client, s.users.coreStaffA.id, sql, [mine.id]), sql).toMatch(REFUSED);
    // once read, it is never unread again
    await db.notification.update({ where: { id: mine.id }, data: { readAt: new Date() } });
    expect(
      await refused(client, s.users.coreStaffA.id, `UPDATE "Notification" SET "readAt" = NULL WHERE "id" = $1`, [
        mine.id,
      ]),
    ).toMatch(REFUSED);
    expect(await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({
      userId: s.users.coreStaffA.id,
      linkPath: '/te-beantwoorden',
    });
  });

  it('a notification is created only in one’s own name, unread and unmailed, with a path — not a URL', async () => {
    const insert = `INSERT INTO "Notification" ("userId", "kind", "safeHouseId", "linkPath", "dedupeKey", "createdByUserId", "readAt")
      VALUES ($1, 'TRANSFER', $2, $3, $4, $5, $6)`;
    const u = s.users.coordA.id;
    const key = `TRANSFER:fw-${Date.now()}`;
    expect(
      (await asActor(client, u, insert, [s.users.coordB.id, s.houseB.id, '/overdrachten', key, u, null])).rowCount,
    ).toBe(1);
    for (const [args, why] of [
      [[s.users.coordB.id, s.houseB.id, '/overdrachten', key, s.users.coordB.id, null], 'in another’s name'],
      [[s.users.coordB.id, s.houseB.id, '/overdrachten', key, u, new Date()], 'already read'],
      [[s.users.coordB.id, s.houseB.id, 'https://elders.example/x', key, u, null], 'a URL'],
      [[s.users.coordB.id, s.houseB.id, '/overdrachten?naam=Jan', key, u, null], 'data in the path'],
    ] as const)
      expect(await refused(client, u, insert, [...args]), why).toMatch(REFUSED);
  });

  it('preferences are one’s own; the delivery ledger is invisible and unwritable for the app', async () => {
    const u = s.users.coreStaffA.id;
    const other = s.users.coordA.id;
    await ownerDb().notificationPreference.upsert({
      where: { userId_kind: { userId: other, kind: 'TRANSFER' } },
      create: { userId: other, kind: 'TRANSFER', mode: 'DIGEST' },
      update: {},
    });
    expect(
      (await asActor(client, u, `SELECT 1 FROM "NotificationPreference" WHERE "userId" = $1`, [other])).rowCount,
    ).toBe(0);
    for (const sql of [
      `INSERT INTO "NotificationPreference" ("userId", "kind", "mode") VALUES ($1, 'INPUT_ROUND', 'OFF')`,
      `UPDATE "NotificationPreference" SET "mode" = 'OFF' WHERE "userId" = $1`,
      `DELETE FROM "NotificationPreference" WHERE "userId" = $1`,
    ])
      expect(await refused(client, u, sql, [other]), sql).toMatch(REFUSED);
    expect(
      (
        await asActor(
          client,
          u,
          `INSERT INTO "NotificationPreference" ("userId", "kind", "mode") VALUES ($1, 'INPUT_ROUND', 'OFF')`,
          [u],
        )
      ).rowCount,
    ).toBe(1);
    for (const sql of [
      `SELECT * FROM "NotificationDelivery" WHERE "userId" = $1`,
      `INSERT INTO "NotificationDelivery" ("idempotencyKey", "userId", "kind") VALUES ('n:forged', $1, 'IMMEDIATE')`,
      `UPDATE "NotificationDelivery" SET "status" = 'FAILED' WHERE "userId" = $1`,
      `DELETE FROM "NotificationDelivery" WHERE "userId" = $1`,
    ])
      expect(await refused(client, u, sql, [u]), sql).toMatch(REFUSED);
  });
});
