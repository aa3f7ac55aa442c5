import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { appRoleClient, ownerDb } from '../helpers/db';
import { liveSessionToken, ownerSession } from '../helpers/sessions';
import { actorSettings } from '../helpers/sql-actor';
import { buildScenario, type Scenario } from '../helpers/scenario';

/**
 * Issue 9 §3 (ADR 0020): whoever holds the app role's database password still cannot act as
 * anyone. The database derives the actor from a live session; every setting the app used to
 * pass is ignored; a session can only come from a login the database checked itself.
 */
let s: Scenario;
let client: pg.Client;
beforeAll(async () => {
  s = await buildScenario();
  client = await appRoleClient();
});
afterAll(async () => {
  await client.end();
});

async function inTx<T>(fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    return await fn();
  } finally {
    await client.query('ROLLBACK');
  }
}
const setToken = (token: string) => client.query(`SELECT set_config('app.session_token', $1, true)`, [token]);
const visibleDossiersOfHouseA = async () =>
  (await client.query(`SELECT count(*)::int AS n FROM "Dossier" WHERE "safeHouseId" = $1`, [s.houseA.id])).rows[0]
    .n as number;

describe('the database trusts a live session, not a claim (ADR 0020)', () => {
  it('a live session of the coordinator sees the house’s dossiers — the control case', async () => {
    const n = await inTx(async () => {
      await setToken(await liveSessionToken(s.users.coordA.id));
      return visibleDossiersOfHouseA();
    });
    expect(n).toBeGreaterThan(0);
  });

  it('forging every setting the app used to set, exactly as it would for the coordinator, shows nothing', async () => {
    const settings = await actorSettings(s.users.coordA.id);
    const n = await inTx(async () => {
      for (const [k, v] of Object.entries(settings)) await client.query('SELECT set_config($1, $2, true)', [k, v]);
      return visibleDossiersOfHouseA();
    });
    expect(n).toBe(0);
  });

  it('forged settings next to another user’s live session change nothing: the session decides', async () => {
    const settings = await actorSettings(s.users.coordA.id);
    const n = await inTx(async () => {
      await setToken(await liveSessionToken(s.users.coordB.id));
      for (const [k, v] of Object.entries(settings)) await client.query('SELECT set_config($1, $2, true)', [k, v]);
      const who = await client.query(
        `SELECT app_user_id()::text AS id, app_uuids('app.coordinator_houses')::text[] AS houses`,
      );
      expect(who.rows[0]).toEqual({ id: s.users.coordB.id, houses: [s.houseB.id] });
      return visibleDossiersOfHouseA();
    });
    expect(n).toBe(0);
  });

  it('an ended, expired, idle or half-finished (no second factor) session, or a made-up token, acts as nobody', async () => {
    const u = s.users.coordA.id;
    const hourAgo = new Date(Date.now() - 3_600_000);
    const tokens = {
      revoked: await ownerSession(u, { revokedAt: new Date() }),
      expired: await ownerSession(u, {
        createdAt: new Date(Date.now() - 13 * 3_600_000),
        expiresAt: new Date(Date.now() - 3_600_000),
        lastSeenAt: new Date(Date.now() - 60_000),
      }),
      idle: await ownerSession(u, { createdAt: hourAgo, lastSeenAt: new Date(Date.now() - 16 * 60_000) }),
      noSecondFactor: await ownerSession(u, { secondFactor: false }),
      madeUp: randomBytes(32).toString('base64url'),
      notAToken: "' OR 1=1 --",
    };
    for (const [what, token] of Object.entries(tokens)) {
      const n = await inTx(async () => {
        await setToken(token);
        const who = await client.query(`SELECT app_user_id() AS id`);
        expect(who.rows[0].id, what).toBeNull();
        return visibleDossiersOfHouseA();
      });
      expect(n, what).toBe(0);
    }
  });

  it('a deactivated user’s session acts as nobody, at once', async () => {
    const token = await liveSessionToken(s.users.coordA.id);
    const before = await inTx(async () => (await setToken(token), visibleDossiersOfHouseA()));
    expect(before).toBeGreaterThan(0);
    // the token the app still holds, of a user deactivated meanwhile
    await ownerDb().user.update({ where: { id: s.users.coordA.id }, data: { active: false } });
    try {
      const after = await inTx(async () => (await setToken(token), visibleDossiersOfHouseA()));
      expect(after).toBe(0);
    } finally {
      await ownerDb().user.update({ where: { id: s.users.coordA.id }, data: { active: true } });
    }
  });

  it('the app role cannot make a session without the password, nor complete one without a code', async () => {
    const guess = await client.query(`SELECT * FROM auth_login($1, $2, 15, 30, 12, NULL, NULL)`, [
      s.users.coordA.email,
      'A'.repeat(43),
    ]);
    expect(guess.rowCount).toBe(0);
    const half = await ownerSession(s.users.coordA.id, { secondFactor: false });
    await ownerDb().userTotp.upsert({
      where: { userId: s.users.coordA.id },
      create: { userId: s.users.coordA.id, secret: Uint8Array.from(randomBytes(20)), confirmedAt: new Date() },
      update: {},
    });
    const wrong = await client.query(`SELECT outcome FROM auth_second_factor($1, '123456', false)`, [half]);
    expect(['wrong']).toContain(wrong.rows[0].outcome);
    const salt = await client.query(`SELECT auth_password_salt($1) AS salt`, [s.users.coordA.email]);
    expect(salt.rows[0].salt).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+$/);
    // the salt says nothing about whether an account exists: unknown addresses get a stable one too
    const unknown1 = await client.query(`SELECT auth_password_salt('niemand@vhd.test') AS salt`);
    const unknown2 = await client.query(`SELECT auth_password_salt('niemand@vhd.test') AS salt`);
    expect(unknown1.rows[0].salt).toBe(unknown2.rows[0].salt);
    expect(unknown1.rows[0].salt).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}$/);
  });

  it('the access log takes its actor from the session: a forged actor is replaced, and without a session only login steps are logged', async () => {
    await client.query('BEGIN');
    await setToken(await liveSessionToken(s.users.coordB.id));
    const real = await client.query(
      `SELECT audit_append($1::uuid, NULL, '', NULL, 'dossier.view', 'Dossier', 'forged-actor-test', NULL, 'test', NULL, 'ALLOWED') AS seq`,
      [s.users.dpo.id],
    );
    await client.query('COMMIT');
    const row = await ownerDb().auditEvent.findFirstOrThrow({ where: { seq: BigInt(real.rows[0].seq) } });
    expect(row.actorUserId).toBe(s.users.coordB.id);
    await expect(
      inTx(() =>
        client.query(
          `SELECT audit_append($1::uuid, NULL, '', NULL, 'dossier.view', 'Dossier', NULL, NULL, 'x', NULL, 'ALLOWED')`,
          [s.users.dpo.id],
        ),
      ),
    ).rejects.toThrow(/no live session/);
  });

  it('least privilege per column: the app role cannot rewrite who made a row, which case it belongs to, or when it was made', async () => {
    for (const sql of [
      `UPDATE "Dossier" SET "createdAt" = now() WHERE false`,
      `UPDATE "Dossier" SET "referrerUserId" = NULL WHERE false`,
      `UPDATE "InformationItem" SET "authorUserId" = NULL WHERE false`,
      `UPDATE "InformationItem" SET "dossierId" = NULL WHERE false`,
      `UPDATE "DisclosureProposal" SET "proposedByUserId" = NULL WHERE false`,
      `UPDATE "CaseInvitation" SET "invitedByUserId" = NULL WHERE false`,
      `UPDATE "PartnerInput" SET "createdAt" = now() WHERE false`,
      `UPDATE "TransferRequest" SET "fromSafeHouseId" = NULL WHERE false`,
    ]) {
      await expect(client.query(sql), sql).rejects.toThrow(/permission denied/);
    }
    // what use cases do change stays possible (under row-level security)
    await expect(client.query(`UPDATE "InformationItem" SET "content" = '' WHERE false`)).resolves.toBeTruthy();
    await expect(client.query(`UPDATE "Dossier" SET "safeHouseId" = "safeHouseId" WHERE false`)).resolves.toBeTruthy();
  });
});
