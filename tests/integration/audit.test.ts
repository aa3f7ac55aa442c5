import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditVerification, verifyAuditLog } from '@/lib/audit/verify-db';
import { recordAudit, cleanReason } from '@/lib/audit/log';
import { withActor } from '@/lib/use-case/kernel';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { listDossiers } from '@/lib/dossiers/list-dossiers';
import { appRoleClient, ownDatabase, ownerDb, ownerPgClient, sealThroughNow } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';

let s: Scenario;
beforeAll(async () => {
  s = await buildScenario();
});

describe('access log', () => {
  it('logs a read of dossier content in the same transaction, with who, what and why', async () => {
    await getDossier(s.users.coordA.id, s.dossiers.submittedA.id);
    const event = await ownerDb().auditEvent.findFirst({
      where: { actorUserId: s.users.coordA.id, action: 'dossier.view', dossierId: s.dossiers.submittedA.id },
      orderBy: { seq: 'desc' },
    });
    expect(event).toMatchObject({
      actorOrganisationId: s.users.coordA.organisationId,
      actorRoles: 'COORDINATOR',
      objectType: 'Dossier',
      purpose: 'caseWork',
      outcome: 'ALLOWED',
      safeHouseId: s.houseA.id,
    });
  });

  it('logs a denied attempt, and the denied answer is the same as for a dossier that does not exist', async () => {
    const denied = getDossier(s.users.coordB.id, s.dossiers.submittedA.id);
    await expect(denied).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Niet gevonden.' });
    await expect(getDossier(s.users.coordB.id, crypto.randomUUID())).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Niet gevonden.',
    });
    const event = await ownerDb().auditEvent.findFirst({
      where: { actorUserId: s.users.coordB.id, action: 'dossier.view', objectId: s.dossiers.submittedA.id },
    });
    expect(event?.outcome).toBe('DENIED');
    // the denied attempt did not leak the dossier's safe house into the log
    expect(event?.safeHouseId).toBeNull();
  });

  it('a change and its audit row commit or roll back together', async () => {
    const before = await ownerDb().auditEvent.count({ where: { objectType: 'Test-rollback' } });
    await expect(
      withActor(s.users.coordA.id, async (tx, actor) => {
        await recordAudit(tx, actor, {
          action: 'dossier.list',
          objectType: 'Test-rollback',
          purpose: 'caseWork',
          outcome: 'ALLOWED',
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await ownerDb().auditEvent.count({ where: { objectType: 'Test-rollback' } })).toBe(before);
  });

  it('refuses personal data in a free-text reason', () => {
    expect(() => cleanReason('gesprek met jan.peeters@example.be')).toThrow(/e-mailadres/);
    expect(() => cleanReason('rijksregisternummer 85.07.30-033.61')).toThrow(/rijksregisternummer/);
    expect(() => cleanReason('bel 0470 12 34 56')).toThrow(/telefoonnummer/);
    expect(cleanReason('  voorbereiding casusoverleg  ')).toBe('voorbereiding casusoverleg');
  });

  it('the chain of the shared test database is intact after concurrent appends', async () => {
    await Promise.all(Array.from({ length: 8 }, () => listDossiers(s.users.coordA.id, {})));
    const sealed = await sealThroughNow();
    const client = await ownerPgClient();
    try {
      const result = await verifyAuditLog(client);
      expect(result).toEqual({
        ok: true,
        checked: expect.any(Number),
        lastSeq: expect.any(BigInt),
        lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        complete: true,
        // other test files go on appending meanwhile
        unsealed: expect.any(Number),
      });
      if (result.ok) expect(result.lastSeq!).toBeGreaterThanOrEqual(sealed);
    } finally {
      await client.end();
    }
  });
});

describe('tampering with the access log is detected', () => {
  // A database of its own, so that tampering cannot disturb the other tests.
  let url: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ ownerUrl: url, drop } = await ownDatabase('vhd_tamper'));
    const c = await ownerPgClient(url);
    for (let i = 0; i < 5; i++) {
      await c.query(
        `SELECT audit_append(NULL, NULL, '', NULL, 'test.event', 'Test', $1, NULL, 'test', NULL, 'ALLOWED')`,
        [`obj-${i}`],
      );
    }
    await c.end();
    await sealThroughNow(url);
  });
  afterAll(async () => {
    await drop();
  });

  async function verifyWith(mutation: string) {
    const c = await ownerPgClient(url);
    try {
      await c.query('BEGIN');
      await c.query(mutation);
      const result = await verifyAuditLog(c);
      await c.query('ROLLBACK');
      return result;
    } finally {
      await c.end();
    }
  }

  it('an intact chain verifies', async () => {
    const c = await ownerPgClient(url);
    expect(await verifyAuditLog(c)).toEqual({
      ok: true,
      checked: 5,
      lastSeq: 5n,
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      complete: true,
      unsealed: 0,
    });
    await c.end();
  });

  it('an edited row is reported at that row', async () => {
    expect(await verifyWith(`UPDATE "AuditEvent" SET "outcome" = 'DENIED' WHERE "seq" = 3`)).toMatchObject({
      ok: false,
      brokenAtSeq: 3n,
    });
  });

  it('a deleted row is reported at the row after it, whose link no longer matches', async () => {
    expect(await verifyWith(`DELETE FROM "AuditEvent" WHERE "seq" = 2`)).toMatchObject({
      ok: false,
      brokenAtSeq: 3n,
      problem: 'verwijzing naar de vorige rij klopt niet',
    });
  });

  it('a sealed row whose seal was removed, with a sealed row after it, is reported', async () => {
    expect(
      await verifyWith(
        `UPDATE "AuditEvent" SET "objectId" = 'changed', "prevHash" = NULL, "hash" = NULL WHERE "seq" = 3`,
      ),
    ).toMatchObject({ ok: false, brokenAtSeq: 4n, problem: 'rij 4 is verzegeld na een rij zonder zegel' });
  });

  it('a row whose hash was recomputed by hand still breaks the link of the next row', async () => {
    const result = await verifyWith(
      `UPDATE "AuditEvent" SET "objectId" = 'changed', "hash" = encode(sha256('x'::bytea), 'hex') WHERE "seq" = 4`,
    );
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 4n });
  });

  it("the worker's check goes on from its last good result, finds an edit of that very row, and then keeps checking in full", async () => {
    const c = await ownerPgClient(url);
    const append = (obj: string) =>
      c.query(`SELECT audit_append(NULL, NULL, '', NULL, 'test.event', 'Test', $1, NULL, 'test', NULL, 'ALLOWED')`, [
        obj,
      ]);
    try {
      await c.query('BEGIN');
      expect(await runAuditVerification(c, 'full')).toEqual({
        scope: 'full',
        fromSeq: 0n,
        toSeq: 5n,
        checked: 5n,
        ok: true,
        brokenAtSeq: null,
        problem: null,
      });
      await append('obj-5');
      await append('obj-6');
      expect(await runAuditVerification(c, 'incremental')).toMatchObject({
        scope: 'incremental',
        fromSeq: 5n,
        toSeq: 7n,
        checked: 2n,
        ok: true,
      });
      // nothing new: an empty run that still checks the row it ends at
      expect(await runAuditVerification(c, 'incremental')).toMatchObject({ fromSeq: 7n, toSeq: 7n, checked: 0n });
      await c.query(`UPDATE "AuditEvent" SET "objectId" = 'changed', "hash" = repeat('a', 64) WHERE "seq" = 7`);
      expect(await runAuditVerification(c, 'incremental')).toMatchObject({
        ok: false,
        brokenAtSeq: 7n,
        problem: 'rij 7 is gewijzigd sinds de vorige controle',
      });
      // after a break the next run is a full one, so the break stays reported
      expect(await runAuditVerification(c, 'incremental')).toMatchObject({
        scope: 'full',
        ok: false,
        brokenAtSeq: 7n,
      });
      const stored = await c.query(`SELECT "scope", "ok" FROM "AuditVerification" ORDER BY "id"`);
      expect(stored.rows).toEqual([
        { scope: 'full', ok: true },
        { scope: 'incremental', ok: true },
        { scope: 'incremental', ok: true },
        { scope: 'incremental', ok: false },
        { scope: 'full', ok: false },
      ]);
    } finally {
      await c.query('ROLLBACK');
      await c.end();
    }
  });

  it('the app role cannot write a check result (only the worker, as owner, does)', async () => {
    const c = await appRoleClient();
    try {
      await expect(
        c.query(
          `INSERT INTO "AuditVerification" ("scope", "fromSeq", "toSeq", "toHash", "checked", "ok")
           VALUES ('full', 0, 0, repeat('0', 64), 0, true)`,
        ),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await c.end();
    }
  });
});
