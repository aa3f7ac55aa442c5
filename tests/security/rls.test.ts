import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { appRoleClient } from '../helpers/db';
import { liveSessionToken } from '../helpers/sessions';
import { buildScenario, type Scenario } from '../helpers/scenario';

/**
 * The second wall: connected as the application role with NO actor set, or with an actor who
 * has no business with the data, a query that forgets the policy still returns nothing.
 */
let s: Scenario;
let client: pg.Client;
const CASE_TABLES = [
  'Dossier',
  'MemberVoice',
  'Referral',
  'ClientMember',
  'Contact',
  'CaseParticipant',
  'AuditEvent',
  'AdmissionAssessment',
  'MandatedAgencyConsultation',
  'PartnerInput',
  'ConferenceSession',
  'AgendaItem',
  'CaseInvitation',
  'InformationItem',
  'ConferenceDecision',
  'Goal',
  'PlanAction',
  'FeedbackRecord',
  'FeedbackNote',
  'PlanDistributionRecipient',
  'ReferrerOutcome',
  'DisclosureProposal',
  'DisclosureItem',
  'DisclosureVote',
  'RetentionExtension',
  'RetentionVote',
  'PreparationNote',
  'TransferRequest',
  'PurgedDossierFact',
  'DeletionRecord',
  'EmergencyDisclosure',
  'Attachment',
  'RiskAssessment',
];

beforeAll(async () => {
  s = await buildScenario();
  client = await appRoleClient();
});
afterAll(async () => {
  await client.end();
});

describe('row-level security', () => {
  it('the app role is no superuser and cannot bypass RLS', async () => {
    const { rows } = await client.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('every case table has RLS enabled and forced', async () => {
    const { rows } = await client.query(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
      [CASE_TABLES],
    );
    expect(rows).toHaveLength(CASE_TABLES.length);
    for (const r of rows) expect(r, r.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('an unscoped query without an actor returns no rows from any case table', async () => {
    for (const table of CASE_TABLES) {
      // a table the app role may not even select from (e.g. purged facts) counts as nothing seen
      const n = await client
        .query(`SELECT count(*)::int AS n FROM "${table}"`)
        .then((r) => r.rows[0].n as number)
        .catch((e: Error) => (/permission denied/.test(e.message) ? 0 : Promise.reject(e)));
      expect(n, table).toBe(0);
    }
  });

  it("a coordinator of another safe house sees nothing of this house's client data", async () => {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('app.session_token', $1, true)`, [
        await liveSessionToken(s.users.coordB.id),
      ]);
      const { rows } = await client.query(`SELECT "lastName" FROM "ClientMember" WHERE "lastName" = $1`, [
        s.secretName,
      ]);
      // Only the member of house B's dossier, never those of house A.
      expect(rows).toHaveLength(1);
      const leak = await client.query(`SELECT count(*)::int AS n FROM "Dossier" WHERE "safeHouseId" = $1`, [
        s.houseA.id,
      ]);
      expect(leak.rows[0].n).toBe(0);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('the app role cannot write, change or delete the access log directly', async () => {
    await expect(
      client.query(
        `INSERT INTO "AuditEvent" ("seq","action","objectType","purpose","outcome","prevHash","hash") VALUES (999999,'x','x','x','ALLOWED','x','x')`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(client.query(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
  });

  it('a referrer cannot move a draft into another safe house they do not coordinate and then read it back as coordinator', async () => {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('app.session_token', $1, true)`, [
        await liveSessionToken(s.users.coordB.id),
      ]);
      const res = await client.query(`UPDATE "Dossier" SET "status" = 'NOT_ADMISSIBLE' WHERE "id" = $1`, [
        s.dossiers.submittedA.id,
      ]);
      expect(res.rowCount).toBe(0);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
