import { beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import { authenticate } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/passwords';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from '@/lib/auth/second-factor';
import { totpCode } from '../helpers/totp';
import { findLiveSession } from '@/lib/auth/sessions';
import { endOwnSessions, listOwnSessions } from '@/lib/auth/own-sessions';
import { hashSessionToken } from '../helpers/session-token';
import { randomBytes } from 'node:crypto';
import { isAppError } from '@/lib/errors';
import { makeOrganisation, makeSafeHouse, makeUser } from '@/prisma/factories';
import { appRoleClient, ownerDb, ownerPgClient } from '../helpers/db';
import { liveSessionToken, ownerSession } from '../helpers/sessions';

const PASSWORD = 'een-lang-en-geheim-wachtwoord';
const SECRET = new OTPAuth.Secret({ size: 20 }).base32;
let orgId: string;
let hash: string;

beforeAll(async () => {
  orgId = (await makeOrganisation(ownerDb())).id;
  hash = await hashPassword(PASSWORD);
});

const ip = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function userWithTotp(role: 'REFERRER' | 'AGENCY_ANALYST' = 'REFERRER') {
  const user = await makeUser(ownerDb(), { organisationId: orgId, passwordHash: hash, roles: [{ role }] });
  await ownerDb().userTotp.create({
    data: {
      userId: user.id,
      secret: Uint8Array.from(new Uint8Array(OTPAuth.Secret.fromBase32(SECRET).buffer)),
      confirmedAt: new Date(),
    },
  });
  return user;
}

async function passwordStep(email: string, now = new Date()): Promise<string> {
  const r = await authenticate(email, PASSWORD, { address: ip(), now });
  if (!r.ok) throw new Error('login failed');
  return r.token;
}

const fieldError = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.fieldErrors?.code ?? err.message;
    throw err;
  }
  throw new Error('expected a refusal');
};

/** A complete login: password, then a code of the given step time. */
async function fullLogin(email: string, at = Date.now()) {
  const token = await passwordStep(email);
  await verifySecondFactor(token, totpCode(SECRET, at), new Date(at));
  return token;
}

describe('second factor (ASVS 6.5, ADR 0018)', () => {
  it('a password alone gives no access: the session waits for the code from the app', async () => {
    const user = await userWithTotp();
    const token = await passwordStep(user.email);
    expect(await findLiveSession(token)).toMatchObject({ userId: user.id, needs: 'verify' });
    expect(await verifySecondFactor(token, totpCode(SECRET))).toEqual({ ok: true });
    expect(await findLiveSession(token)).toMatchObject({ userId: user.id, needs: null });
    const row = await ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } });
    expect(row.secondFactorMethod).toBe('TOTP');
  });

  it('issue 11 §3: the session check brings the layout’s shell — own name, organisation, roles with safe houses — only once the second factor is done', async () => {
    const house = await makeSafeHouse(ownerDb());
    const user = await userWithTotp();
    await ownerDb().roleAssignment.create({ data: { userId: user.id, role: 'COORDINATOR', safeHouseId: house.id } });
    const token = await passwordStep(user.email);
    // the password step alone: the session lives, but shows nobody
    expect(await findLiveSession(token, { shell: true })).toMatchObject({ needs: 'verify', shell: null });
    expect(await verifySecondFactor(token, totpCode(SECRET))).toEqual({ ok: true });
    const org = await ownerDb().organisation.findUniqueOrThrow({ where: { id: orgId } });
    expect((await findLiveSession(token, { shell: true }))?.shell).toEqual({
      name: user.name,
      organisationName: org.name,
      roles: [
        { role: 'COORDINATOR', safeHouseName: house.name },
        { role: 'REFERRER', safeHouseName: null },
      ],
    });
    // an ended session shows nobody; another token never shows this user
    expect(await findLiveSession(await ownerSession(user.id, { revokedAt: new Date() }), { shell: true })).toBeNull();
    const [row] = await ownerDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM auth_session_shell(${randomBytes(32).toString('base64url')})`;
    expect(row?.n).toBe(0);
  });

  it('a code is accepted once: the same code cannot open a second session (no replay)', async () => {
    const user = await userWithTotp();
    const at = Date.now();
    const code = totpCode(SECRET, at);
    const first = await passwordStep(user.email);
    expect(await verifySecondFactor(first, code, new Date(at))).toEqual({ ok: true });
    const second = await passwordStep(user.email);
    expect(await fieldError(verifySecondFactor(second, code, new Date(at)))).toBe('Deze code klopt niet.');
    // nor an older one after a newer
    expect(await fieldError(verifySecondFactor(second, totpCode(SECRET, at - 30_000), new Date(at)))).toBe(
      'Deze code klopt niet.',
    );
    expect(await verifySecondFactor(second, totpCode(SECRET, at + 30_000), new Date(at + 30_000))).toEqual({
      ok: true,
    });
  });

  it('wrong codes are counted, then slowed down, and ten end the session', async () => {
    const user = await userWithTotp();
    const token = await passwordStep(user.email);
    const t0 = Date.now();
    for (let i = 0; i < 5; i++)
      expect(await fieldError(verifySecondFactor(token, '000000', new Date(t0)))).toBe('Deze code klopt niet.');
    expect(await verifySecondFactor(token, totpCode(SECRET, t0), new Date(t0 + 500))).toEqual({
      ok: false,
      retryAfterSeconds: 2,
    });
    let at = t0 + 3_000;
    let wrong = 5;
    for (let i = 0; i < 30 && (await findLiveSession(token)); i++) {
      const r = await verifySecondFactor(token, '111111', new Date(at)).catch(() => {
        wrong += 1;
        return { ok: false, retryAfterSeconds: 0 };
      });
      at += ((r as { retryAfterSeconds?: number }).retryAfterSeconds ?? 0) * 1000 + 500;
    }
    expect(wrong).toBe(10);
    const row = await ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } });
    expect(row.revokedReason).toBe('te veel foute codes');
    expect(await findLiveSession(token)).toBeNull();
    const denied = await ownerDb().auditEvent.count({
      where: { actorUserId: user.id, action: 'auth.mfa', outcome: 'DENIED' },
    });
    expect(denied).toBeGreaterThanOrEqual(5);
  });

  it('enrolment is forced at first login: QR code, a code to confirm, ten recovery codes stored only as keyed hashes, each usable once', async () => {
    const user = await makeUser(ownerDb(), {
      organisationId: orgId,
      passwordHash: hash,
      roles: [{ role: 'REFERRER' }],
    });
    const token = await passwordStep(user.email);
    expect(await findLiveSession(token)).toMatchObject({ needs: 'enrol' });
    // verifying is not possible before enrolment, and a second start shows the same secret
    await expect(verifySecondFactor(token, '123456')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const enrolment = await startEnrolment(token);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Veilig%20Huis%20Dossier:/);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await startEnrolment(token)).secret).toBe(enrolment.secret);
    // the secret is in the database, where the app role cannot read it
    const stored = await ownerDb().userTotp.findUniqueOrThrow({ where: { userId: user.id } });
    expect(new OTPAuth.Secret({ buffer: Uint8Array.from(stored.secret).buffer }).base32).toBe(enrolment.secret);
    expect(await fieldError(confirmEnrolment(token, '000000'))).toBe('Deze code klopt niet.');
    const codes = await confirmEnrolment(token, totpCode(enrolment.secret));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await findLiveSession(token)).toMatchObject({ needs: null });
    const hashes = await ownerDb().recoveryCode.findMany({ where: { userId: user.id } });
    expect(hashes).toHaveLength(10);
    for (const h of hashes) expect(codes.some((c) => h.codeHash.includes(c.replace('-', '')))).toBe(false);

    // a recovery code works once, written in any case and with or without the dash
    const next = await passwordStep(user.email);
    expect(await verifySecondFactor(next, codes[3]!.toLowerCase().replace('-', ' '))).toEqual({ ok: true });
    const again = await passwordStep(user.email);
    expect(await fieldError(verifySecondFactor(again, codes[3]!))).toBe('Deze code klopt niet.');
    const row = await ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(next) } });
    expect(row.secondFactorMethod).toBe('RECOVERY_CODE');
  });

  it('rubbish instead of a code is refused at the field in Dutch', async () => {
    const user = await userWithTotp();
    const token = await passwordStep(user.email);
    expect(await fieldError(verifySecondFactor(token, 'abc\u0000'))).toMatch(/6 cijfers/);
    expect(await fieldError(verifySecondFactor(token, '1'.repeat(500)))).toMatch(/6 cijfers/);
  });
});

describe('sessions that really end (ASVS 7, ADR 0018)', () => {
  it('ends at once when the user is deactivated, the password or a role changes, or the second factor is reset', async () => {
    const changes: [string, (userId: string) => Promise<unknown>][] = [
      ['account gedeactiveerd', (id) => ownerDb().user.update({ where: { id }, data: { active: false } })],
      ['wachtwoord gewijzigd', (id) => ownerDb().user.update({ where: { id }, data: { passwordHash: 'x' } })],
      // (a role that combines with REFERRER: client work never combines with the analyst's, ADR 0043)
      ['rol gewijzigd', (id) => ownerDb().roleAssignment.create({ data: { userId: id, role: 'CORE_PARTNER_STAFF' } })],
      ['rol gewijzigd', (id) => ownerDb().roleAssignment.deleteMany({ where: { userId: id } })],
      ['tweede factor opnieuw ingesteld', (id) => ownerDb().userTotp.delete({ where: { userId: id } })],
    ];
    for (const [reason, change] of changes) {
      const user = await userWithTotp();
      const a = await fullLogin(user.email);
      const b = await passwordStep(user.email);
      await change(user.id);
      expect(await findLiveSession(a)).toBeNull();
      expect(await findLiveSession(b)).toBeNull();
      const rows = await ownerDb().authSession.findMany({ where: { userId: user.id } });
      expect(rows.map((r) => r.revokedReason)).toEqual([reason, reason]);
    }
  });

  it('ends after the idle time (15 minutes for content roles, 30 for the others) and after 12 hours however active', async () => {
    const worker = await userWithTotp('REFERRER');
    const analyst = await userWithTotp('AGENCY_ANALYST');
    const w = await passwordStep(worker.email);
    const a = await passwordStep(analyst.email);
    const row = (token: string) =>
      ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } });
    const rw = await row(w);
    const ra = await row(a);
    expect(rw.idleMinutes).toBe(15);
    expect(ra.idleMinutes).toBe(30);
    expect(rw.expiresAt.getTime() - rw.createdAt.getTime()).toBe(12 * 3_600_000);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    expect(await findLiveSession(await ownerSession(worker.id, { lastSeenAt: minutesAgo(14) }))).not.toBeNull();
    expect(await findLiveSession(await ownerSession(worker.id, { lastSeenAt: minutesAgo(16) }))).toBeNull();
    expect(
      await findLiveSession(await ownerSession(analyst.id, { lastSeenAt: minutesAgo(29), idleMinutes: 30 })),
    ).not.toBeNull();
    expect(
      await findLiveSession(await ownerSession(analyst.id, { lastSeenAt: minutesAgo(31), idleMinutes: 30 })),
    ).toBeNull();
    // active a second ago, but signed in 12 hours and a minute ago
    const old = await ownerSession(worker.id, {
      createdAt: minutesAgo(12 * 60 + 1),
      expiresAt: minutesAgo(1),
      lastSeenAt: new Date(Date.now() - 1000),
    });
    expect(await findLiveSession(old, { touch: true })).toBeNull();
  });

  it('two requests of one session at once both succeed: activity only moves forward (found at concurrency 50)', async () => {
    const user = await makeUser(ownerDb(), { organisationId: orgId, roles: [{ role: 'REFERRER' }] });
    const token = await ownerSession(user.id, { lastSeenAt: new Date(Date.now() - 120_000), idleMinutes: 480 });
    const earlier = await appRoleClient();
    const later = await appRoleClient();
    try {
      // the earlier request's transaction starts first (its now() is older) …
      await earlier.query('BEGIN');
      await earlier.query('SELECT now()');
      await later.query('BEGIN');
      // … the later one touches the session first and holds the row …
      await later.query('SELECT * FROM auth_session_state($1, true)', [token]);
      const pending = earlier.query('SELECT * FROM auth_session_state($1, true)', [token]);
      // … the earlier one waits for that row lock (seen in pg_stat_activity, not guessed by a timer)
      let settled = false;
      void pending.then(
        () => (settled = true),
        () => (settled = true),
      );
      const probe = await ownerPgClient();
      try {
        let waiting = 0;
        while (!waiting && !settled) {
          const { rows } = await probe.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%auth_session_state%'`,
          );
          waiting = rows[0]!.n;
          if (!waiting) await new Promise((r) => setTimeout(r, 20));
        }
        expect(waiting).toBe(1);
      } finally {
        await probe.end();
      }
      await later.query('COMMIT');
      // the earlier request still gets its live session, and writes no older time
      expect((await pending).rows[0]).toMatchObject({ user_id: user.id });
      await earlier.query('COMMIT');
    } finally {
      await earlier.end();
      await later.end();
    }
    const row = await ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } });
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a status poll does not count as activity; a page does', async () => {
    const user = await userWithTotp();
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const token = await ownerSession(user.id, { lastSeenAt: tenMinutesAgo });
    await findLiveSession(token);
    const seen = async () =>
      (
        await ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } })
      ).lastSeenAt.getTime();
    expect(await seen()).toBe(tenMinutesAgo.getTime());
    await findLiveSession(token, { touch: true });
    expect(await seen()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a user sees their own live sessions and ends the others; never someone else’s', async () => {
    const user = await userWithTotp();
    const stranger = await userWithTotp();
    const mine = await liveSessionToken(user.id);
    const other1 = await ownerSession(user.id);
    const other2 = await ownerSession(user.id);
    const theirs = await ownerSession(stranger.id);
    const me = (await findLiveSession(mine))!;
    const list = await listOwnSessions(user.id);
    expect(list).toHaveLength(3);
    expect(list[0]!.current).toBe(true);
    const theirId = (await findLiveSession(theirs))!.id;
    await expect(endOwnSessions(user.id, { sessionId: theirId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(endOwnSessions(user.id, { sessionId: me.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(endOwnSessions(user.id, { sessionId: "'; DROP TABLE x" })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await findLiveSession(theirs)).not.toBeNull();
    const one = (await findLiveSession(other1))!.id;
    expect(await endOwnSessions(user.id, { sessionId: one })).toBe(1);
    expect(await findLiveSession(other1)).toBeNull();
    expect(await endOwnSessions(user.id, { sessionId: 'andere' })).toBe(1);
    expect(await findLiveSession(other2)).toBeNull();
    expect(await findLiveSession(mine)).not.toBeNull();
    expect(await ownerDb().auditEvent.count({ where: { actorUserId: user.id, action: 'auth.session.end' } })).toBe(2);
  });

  it('the database keeps an ended session ended and a session’s identity fixed; the app role cannot touch sessions, secrets or codes', async () => {
    const user = await userWithTotp();
    const token = await fullLogin(user.email);
    const id = (await findLiveSession(token))!.id;
    await ownerDb().authSession.update({ where: { id }, data: { revokedAt: new Date(), revokedReason: 'afgemeld' } });
    await expect(
      ownerDb().$executeRaw`UPDATE "AuthSession" SET "revokedAt" = NULL, "revokedReason" = NULL WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/ended session stays ended/);
    await expect(
      ownerDb().$executeRaw`UPDATE "AuthSession" SET "expiresAt" = now() + interval '1 year' WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/never change/);
    const app = await appRoleClient();
    try {
      for (const sql of [
        `SELECT * FROM "AuthSession"`,
        `UPDATE "AuthSession" SET "revokedAt" = NULL WHERE id = '${id}'`,
        `DELETE FROM "AuthSession" WHERE id = '${id}'`,
        `INSERT INTO "AuthSession" ("userId", "tokenHash", "expiresAt", "idleMinutes", "secondFactorAt", "secondFactorMethod") VALUES ('${user.id}', '${'a'.repeat(64)}', now() + interval '1 hour', 15, now(), 'TOTP')`,
        `SELECT "secret" FROM "UserTotp"`,
        `UPDATE "UserTotp" SET "lastUsedStep" = 0`,
        `SELECT "codeHash" FROM "RecoveryCode"`,
        `SELECT * FROM "AuthKey"`,
        `SELECT "passwordHash" FROM "User"`,
        `SELECT * FROM "User"`,
        `UPDATE "User" SET "passwordHash" = 'x'`,
      ]) {
        await expect(app.query(sql), sql).rejects.toThrow(/permission denied/);
      }
      // accounts and roles are the functional administrator's (ADR 0043): without such a session,
      // row-level security refuses the write or finds no row to change
      await expect(
        app.query(`INSERT INTO "RoleAssignment" ("userId", "role") VALUES ('${user.id}', 'CORE_PARTNER_STAFF')`),
      ).rejects.toThrow(/row-level security/);
      for (const sql of [`UPDATE "User" SET "active" = false`, `DELETE FROM "RoleAssignment"`]) {
        expect((await app.query(sql)).rowCount, sql).toBe(0);
      }
    } finally {
      await app.end();
    }
  });

  it('passkeys (ADR 0022): the database binds each ceremony to its session’s challenge, once, and refuses a counter that goes back', async () => {
    const user = await userWithTotp();
    const done = await liveSessionToken(user.id);
    const challenge = () => randomBytes(32).toString('base64url');
    const credId = randomBytes(32).toString('base64url');
    const app = await appRoleClient();
    const q = async (sql: string, params: unknown[]) => (await app.query(sql, params)).rows[0];
    try {
      // registration: only a completed session, only with the challenge it was given, once
      const c1 = challenge();
      expect((await q(`SELECT auth_webauthn_challenge($1, $2, true) AS ok`, [done, c1])).ok).toBe(false);
      expect((await q(`SELECT auth_webauthn_challenge($1, $2, false) AS ok`, [done, c1])).ok).toBe(true);
      const register = (ch: string, id = credId) =>
        q(`SELECT auth_webauthn_register($1, $2, $3, $4, 0, '{internal}', 'sleutel') AS ok`, [
          done,
          ch,
          id,
          Buffer.from('publickey'),
        ]);
      expect((await register(challenge())).ok).toBe(false);
      expect((await q(`SELECT auth_webauthn_challenge($1, $2, false) AS ok`, [done, c1])).ok).toBe(true);
      expect((await register(c1)).ok).toBe(true);
      expect((await register(c1, randomBytes(32).toString('base64url'))).ok).toBe(false);
      // another user's session does not see the credential
      const other = await liveSessionToken((await userWithTotp()).id);
      expect((await app.query(`SELECT * FROM auth_webauthn_credentials($1)`, [other])).rowCount).toBe(0);
      expect((await app.query(`SELECT * FROM auth_webauthn_credentials($1)`, [done])).rowCount).toBe(1);

      // login: a waiting session, its challenge, a counter that moves on
      await ownerDb().webAuthnCredential.update({ where: { credentialId: credId }, data: { counter: 5 } });
      const waiting = await passwordStep(user.email);
      const c2 = challenge();
      expect((await q(`SELECT auth_webauthn_challenge($1, $2, true) AS ok`, [waiting, c2])).ok).toBe(true);
      expect(await q(`SELECT * FROM auth_webauthn_complete($1, $2, $3, 3)`, [waiting, c2, credId])).toBeUndefined();
      expect((await findLiveSession(waiting))!.needs).toBe('verify');
      const c3 = challenge();
      await q(`SELECT auth_webauthn_challenge($1, $2, true) AS ok`, [waiting, c3]);
      expect(
        await q(`SELECT * FROM auth_webauthn_complete($1, $2, $3, 6)`, [waiting, challenge(), credId]),
      ).toBeUndefined();
      await q(`SELECT auth_webauthn_challenge($1, $2, true) AS ok`, [waiting, c3]);
      expect(await q(`SELECT * FROM auth_webauthn_complete($1, $2, $3, 6)`, [waiting, c3, credId])).toMatchObject({
        user_id: user.id,
      });
      expect((await findLiveSession(waiting))!.needs).toBeNull();
      await expect(app.query(`SELECT * FROM "WebAuthnCredential"`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});
