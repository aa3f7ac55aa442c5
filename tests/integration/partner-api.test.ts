import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { GET as listRoute, POST as submitRoute } from '@/app/api/v1/aanmeldingen/route';
import { GET as oneRoute } from '@/app/api/v1/aanmeldingen/[id]/route';
import { GET as housesRoute } from '@/app/api/v1/veilige-huizen/route';
import { createApiKey } from '@/lib/partner-api/create-api-key';
import { revokeApiKey } from '@/lib/partner-api/revoke-api-key';
import { listApiKeys } from '@/lib/partner-api/list-api-keys';
import { grantRole } from '@/lib/admin/grant-role';
import { inviteUser } from '@/lib/admin/invite-user';
import { checkAdmission } from '@/lib/admission/check-admission';
import { addDays, brusselsToday } from '@/lib/time';
import { makeOrganisation } from '@/prisma/factories';
import { appRoleClient, ownerDb } from '../helpers/db';
import { admissionCheck, completeReferral } from '../helpers/forms';
import { buildScenario, type Scenario } from '../helpers/scenario';
import { asActor, refused } from '../helpers/sql-actor';

/**
 * The partner API (issue 14 §2; ADR 0045), through the real route handlers against PostgreSQL:
 * the key's lifecycle, its hash, scopes, term, revocation, the rate limit (also under concurrency),
 * only the organisation's own referrals, and the access log of every call.
 */
let s: Scenario;
let orgA: { id: string };
let orgB: { id: string };
let client: pg.Client;
const REFUSED = /^refused (42501|23514)$|^no rows$/;

beforeAll(async () => {
  s = await buildScenario();
  orgA = await makeOrganisation(ownerDb(), { kind: 'MEDICAL_SECTOR' });
  orgB = await makeOrganisation(ownerDb(), { kind: 'CAW' });
  client = await appRoleClient();
});
afterAll(async () => {
  await client.end();
});

const newKey = (
  organisationId: string,
  over: Partial<{ scopes: string[]; rateLimitPerMinute: string; name: string; expiresOn: string }> = {},
) =>
  createApiKey(s.users.admin.id, {
    organisationId,
    name: over.name ?? 'Registratiesysteem',
    scopes: over.scopes ?? ['referrals:write', 'referrals:read'],
    expiresOn: over.expiresOn ?? addDays(brusselsToday(), 30),
    rateLimitPerMinute: over.rateLimitPerMinute ?? '100',
  });

const call = async (
  route: (req: Request, ctx: never) => Promise<Response> | Response,
  key: string | null,
  init: { method?: string; body?: unknown; path?: string; raw?: string; type?: string; ctx?: unknown } = {},
) => {
  const headers: Record<string, string> = {};
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = init.type ?? 'application/json';
  const req = new Request(`http://localhost${init.path ?? '/api/v1/aanmeldingen'}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  return route(req, init.ctx as never);
};
const one = (key: string, id: string) =>
  call(oneRoute, key, { path: `/api/v1/aanmeldingen/${id}`, ctx: { params: Promise.resolve({ id }) } });
const submit = (key: string, body: unknown = completeReferral(s.houseA.id, { lastName: 'Apikey' })) =>
  call(submitRoute, key, { method: 'POST', body });

const auditRows = (keyId: string) =>
  ownerDb().auditEvent.findMany({
    where: { action: 'auth.apiKey', objectType: 'ApiKey', objectId: keyId },
    orderBy: { seq: 'asc' },
  });

describe('API keys: made by the functional administrator, stored hashed, shown once', () => {
  it('makes the organisation’s API account once (role aanmelder only) and keeps only an HMAC of the key', async () => {
    const k1 = await newKey(orgA.id);
    const k2 = await newKey(orgA.id, { name: 'Tweede systeem' });
    expect(k1.key).toMatch(/^vhd_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const rows = await ownerDb().apiKey.findMany({ where: { id: { in: [k1.id, k2.id] } } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.userId).toBe(rows[1]!.userId);
    for (const r of rows) {
      expect(r.secretHash).toMatch(/^[0-9a-f]{64}$/);
      const key = r.id === k1.id ? k1.key : k2.key;
      expect(key.startsWith(`vhd_${r.prefix}_`)).toBe(true);
      expect(JSON.stringify(r)).not.toContain(key.slice(17));
    }
    // the HMAC is under a key that stays in the database: not the plain SHA-256 of the secret
    const [plain] = await ownerDb().$queryRaw<{ h: string }[]>`
      SELECT encode(sha256(convert_to(${k1.key.slice(17)}, 'UTF8')), 'hex') AS h`;
    expect(rows.map((r) => r.secretHash)).not.toContain(plain!.h);
    const account = await ownerDb().user.findUniqueOrThrow({
      where: { id: rows[0]!.userId },
      include: { roles: true },
    });
    expect(account).toMatchObject({ organisationId: orgA.id, passwordHash: null, oidcSubject: null, active: true });
    expect(account.roles.map((r) => [r.role, r.safeHouseId])).toEqual([['REFERRER', null]]);
    // the administrator's list: metadata, never the secret
    const listed = await listApiKeys(s.users.admin.id);
    const mine = listed.keys.find((k) => k.id === k1.id)!;
    expect(mine).toMatchObject({ prefix: rows.find((r) => r.id === k1.id)!.prefix, state: 'active' });
    expect(JSON.stringify(listed)).not.toContain(k1.key.slice(17));
    // the log: who made it
    expect(
      await ownerDb().auditEvent.count({
        where: { action: 'admin.apiKey.create', objectId: k1.id, actorUserId: s.users.admin.id },
      }),
    ).toBe(1);
  });

  it('only the functional administrator makes or revokes keys; the form’s rules hold', async () => {
    for (const user of [s.users.coordA.id, s.users.referrer.id, s.users.dpo.id]) {
      await expect(
        createApiKey(user, {
          organisationId: orgA.id,
          name: 'x',
          scopes: ['referrals:read'],
          expiresOn: addDays(brusselsToday(), 3),
          rateLimitPerMinute: '5',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    }
    const bad = await createApiKey(s.users.admin.id, {
      organisationId: orgA.id,
      name: '',
      scopes: ['referrals:delete'],
      expiresOn: addDays(brusselsToday(), 400),
      rateLimitPerMinute: '0',
    }).catch((e) => e);
    expect(bad.code).toBe('VALIDATION');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['expiresOn', 'name', 'rateLimitPerMinute', 'scopes.0']);
    const k = await newKey(orgA.id);
    await expect(revokeApiKey(s.users.coordA.id, k.id)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
  });

  it('an API account never signs in, keeps its organisation and gets no other role (database)', async () => {
    const k = await newKey(orgA.id);
    const { userId } = await ownerDb().apiKey.findUniqueOrThrow({ where: { id: k.id } });
    // the administrator's pages say so in Dutch
    await expect(
      grantRole(s.users.admin.id, userId, { role: 'COORDINATOR', safeHouseId: s.houseA.id }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Dit is het API-account van een organisatie: het heeft enkel de rol aanmelder.',
    });
    await expect(inviteUser(s.users.admin.id, userId)).rejects.toMatchObject({ code: 'CONFLICT' });
    const db = ownerDb();
    await expect(
      db.roleAssignment.create({ data: { userId, role: 'COORDINATOR', safeHouseId: s.houseA.id } }),
    ).rejects.toThrow(/no role but REFERRER/);
    await expect(db.user.update({ where: { id: userId }, data: { passwordHash: 'x' } })).rejects.toThrow(
      /does not sign in/,
    );
    await expect(db.user.update({ where: { id: userId }, data: { organisationId: orgB.id } })).rejects.toThrow(
      /keeps its organisation/,
    );
    await expect(
      db.passwordInvitation.create({
        data: {
          userId,
          tokenHash: 'a'.repeat(64),
          invitedByUserId: s.users.admin.id,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      }),
    ).rejects.toThrow(/does not sign in/);
  });
});

describe('calls: only the organisation’s own referrals, with the form’s validation and policy', () => {
  it('submits a referral as the organisation’s API account, and reads its status and outcome', async () => {
    const k = await newKey(orgA.id);
    const houses = await call(housesRoute, k.key, { path: '/api/v1/veilige-huizen' });
    expect(houses.status).toBe(200);
    expect((await houses.json()).items.map((h: { id: string }) => h.id)).toContain(s.houseA.id);

    const res = await submit(k.key);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'SUBMITTED', reference: expect.stringMatching(/^VH-/) });
    expect(res.headers.get('location')).toBe(`/api/v1/aanmeldingen/${body.id}`);
    const { userId } = await ownerDb().apiKey.findUniqueOrThrow({ where: { id: k.id } });
    const dossier = await ownerDb().dossier.findUniqueOrThrow({ where: { id: body.id } });
    expect(dossier).toMatchObject({ status: 'SUBMITTED', referrerUserId: userId, referrerOrganisationId: orgA.id });
    expect(await ownerDb().clientMember.count({ where: { dossierId: body.id } })).toBe(2);

    // listed and readable, without names
    const list = await call(listRoute, k.key);
    expect(list.status).toBe(200);
    const listed = await list.json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(body.id);
    expect(JSON.stringify(listed)).not.toMatch(/Apikey|Els|Dirk|Gezin/);
    const read = await one(k.key, body.id);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      id: body.id,
      status: 'SUBMITTED',
      outcome: { decisionReasons: null, conferenceOutcomes: [] },
    });

    // the coordinator decides: not admissible, with reasons — the partner reads status and reasons
    await checkAdmission(
      s.users.coordA.id,
      body.id,
      admissionCheck({ criterion2Met: 'nee', decisionReasons: 'Geen intersectorale aanpak nodig.' }),
    );
    const after = await (await one(k.key, body.id)).json();
    expect(after).toMatchObject({
      status: 'NOT_ADMISSIBLE',
      outcome: { decisionReasons: 'Geen intersectorale aanpak nodig.' },
    });
    expect(after.decidedAt).not.toBeNull();
    expect(Object.keys(after).sort()).toEqual(
      ['decidedAt', 'id', 'outcome', 'reference', 'safeHouseId', 'status', 'submittedAt'].sort(),
    );

    // the access log: the key check and the use case, as the organisation's API account
    const rows = await auditRows(k.id);
    expect(rows.map((r) => [r.action, r.outcome, r.reason])).toEqual([
      ['auth.apiKey', 'ALLOWED', 'GET /api/v1/veilige-huizen: sleutel aanvaard'],
      ['auth.apiKey', 'ALLOWED', 'POST /api/v1/aanmeldingen: sleutel aanvaard'],
      ['auth.apiKey', 'ALLOWED', 'GET /api/v1/aanmeldingen: sleutel aanvaard'],
      ['auth.apiKey', 'ALLOWED', 'GET /api/v1/aanmeldingen/{id}: sleutel aanvaard'],
      ['auth.apiKey', 'ALLOWED', 'GET /api/v1/aanmeldingen/{id}: sleutel aanvaard'],
    ]);
    expect(rows.every((r) => r.actorUserId === userId && r.actorOrganisationId === orgA.id)).toBe(true);
    const submitted = await ownerDb().auditEvent.findFirstOrThrow({
      where: { action: 'referral.submit', objectId: body.id },
    });
    expect(submitted).toMatchObject({ actorUserId: userId, actorOrganisationId: orgA.id, outcome: 'ALLOWED' });
    expect(
      await ownerDb().auditEvent.count({
        where: { action: 'referral.viewOutcome', objectId: body.id, actorUserId: userId },
      }),
    ).toBe(2);
    // each call's session is gone when the answer is ready
    expect(await ownerDb().authSession.count({ where: { userId } })).toBe(0);
  });

  it('refuses an incomplete referral with the form’s Dutch messages per field, and malformed bodies', async () => {
    const k = await newKey((await makeOrganisation(ownerDb(), { kind: 'CLB' })).id);
    const incomplete = await submit(k.key, {
      safeHouseId: s.houseA.id,
      clientSystemLabel: 'Gezin X',
      members: [{ memberRole: 'VICTIM', firstName: 'A', lastName: 'B', isMinor: 'nee', sex: 'FEMALE' }],
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.headers.get('content-type')).toContain('application/problem+json');
    const p = await incomplete.json();
    expect(p).toMatchObject({ status: 422, type: 'urn:vhd:problem:validation' });
    expect(p.errors.violenceForms).toBe('Kies minstens één vorm van geweld.');
    expect(p.errors.situation).toMatch(/minstens 20 tekens/);
    // the form's checks across fields too (through the same use case): national number vs. birth date
    const values = completeReferral(s.houseA.id);
    values.members[0]!.dateOfBirth = '1990-01-01';
    const mismatch = await submit(k.key, values);
    expect(mismatch.status).toBe(422);
    expect((await mismatch.json()).errors['members.0.nationalNumber']).toBeTruthy();
    expect((await submit(k.key, 'een string')).status).toBe(422);
    expect((await call(submitRoute, k.key, { method: 'POST', raw: '{"niet json' })).status).toBe(400);
    expect((await call(submitRoute, k.key, { method: 'POST', raw: 'a=b', type: 'text/plain' })).status).toBe(415);
    // nothing was made
    const { userId } = await ownerDb().apiKey.findUniqueOrThrow({ where: { id: k.id } });
    expect(await ownerDb().dossier.count({ where: { referrerUserId: userId } })).toBe(0);
  });

  it('shows nothing of another organisation’s or another person’s referrals: not listed, 404', async () => {
    const a = await newKey((await makeOrganisation(ownerDb(), { kind: 'CLB' })).id);
    const b = await newKey(orgB.id);
    const mine = await (await submit(a.key)).json();
    const listB = await (await call(listRoute, b.key)).json();
    expect(listB.items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    for (const id of [mine.id, s.dossiers.submittedA.id, s.dossiers.draftA.id, 'niet-een-id']) {
      const r = await one(b.key, id);
      expect(r.status, id).toBe(404);
      expect(await r.json()).toEqual({ type: 'urn:vhd:problem:not-found', title: 'Niet gevonden.', status: 404 });
    }
    // only what this organisation's API account submitted
    const listA = await (await call(listRoute, a.key)).json();
    expect(listA.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    // the refused read is in the log as denied, by orgB's API account
    const { userId } = await ownerDb().apiKey.findUniqueOrThrow({ where: { id: b.id } });
    expect(
      await ownerDb().auditEvent.count({
        where: { actorUserId: userId, outcome: 'DENIED', action: 'referral.viewOutcome', objectId: mine.id },
      }),
    ).toBe(1);
  });
});

describe('refusals: 401 for unknown, revoked or expired keys (alike), 403 without the scope, 429 over the limit', () => {
  it('answers 401 alike for no key, a malformed, unknown, revoked or expired key — and logs each', async () => {
    const revoked = await newKey(orgA.id);
    expect((await call(listRoute, revoked.key)).status).toBe(200);
    await revokeApiKey(s.users.admin.id, revoked.id);
    await expect(revokeApiKey(s.users.admin.id, revoked.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const expired = await newKey(orgA.id);
    await ownerDb().$executeRaw`UPDATE "ApiKey" SET "createdAt" = now() - interval '2 days',
      "expiresAt" = now() - interval '1 second' WHERE "id" = ${expired.id}::uuid`;
    const good = await newKey(orgA.id);
    const wrongSecret = good.key.slice(0, 17) + (good.key[17] === 'A' ? 'B' : 'A') + good.key.slice(18);
    const bodies = new Set<string>();
    for (const key of [
      null,
      'nonsense',
      `vhd_${'0'.repeat(12)}_${'A'.repeat(43)}`,
      wrongSecret,
      revoked.key,
      expired.key,
    ]) {
      const r = await call(listRoute, key);
      expect(r.status, String(key)).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer /);
      bodies.add(await r.text());
    }
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0]!)).toEqual({
      type: 'urn:vhd:problem:unauthorized',
      title: 'Geen geldige API-sleutel.',
      status: 401,
    });
    expect((await auditRows(revoked.id)).map((r) => [r.outcome, r.reason])).toEqual([
      ['ALLOWED', 'GET /api/v1/aanmeldingen: sleutel aanvaard'],
      ['DENIED', 'GET /api/v1/aanmeldingen: ingetrokken sleutel'],
    ]);
    expect((await auditRows(expired.id)).map((r) => r.reason)).toEqual(['GET /api/v1/aanmeldingen: verlopen sleutel']);
    expect((await auditRows(good.id)).map((r) => [r.reason, r.actorUserId])).toEqual([
      ['GET /api/v1/aanmeldingen: fout geheim bij een bekende sleutel', null],
    ]);
    // a deactivated API account: every key of the organisation stops
    const { userId } = await ownerDb().apiKey.findUniqueOrThrow({ where: { id: good.id } });
    await ownerDb().user.update({ where: { id: userId }, data: { active: false } });
    try {
      expect((await call(listRoute, good.key)).status).toBe(401);
    } finally {
      await ownerDb().user.update({ where: { id: userId }, data: { active: true } });
    }
  });

  it('answers 403 for a key without the operation’s scope', async () => {
    const readOnly = await newKey(orgB.id, { scopes: ['referrals:read'] });
    const writeOnly = await newKey(orgB.id, { scopes: ['referrals:write'] });
    const r1 = await submit(readOnly.key);
    expect(r1.status).toBe(403);
    expect(await r1.json()).toMatchObject({
      status: 403,
      type: 'urn:vhd:problem:forbidden',
      detail: 'Nodig: referrals:write.',
    });
    expect((await call(listRoute, writeOnly.key)).status).toBe(403);
    expect((await call(housesRoute, readOnly.key, { path: '/api/v1/veilige-huizen' })).status).toBe(403);
    expect((await call(listRoute, readOnly.key)).status).toBe(200);
    expect((await auditRows(readOnly.id)).map((r) => [r.outcome, r.reason])[0]).toEqual([
      'DENIED',
      'POST /api/v1/aanmeldingen: sleutel zonder de nodige scope referrals:write',
    ]);
  });

  it('answers 429 with Retry-After over the key’s limit per minute; other keys are not affected', async () => {
    const k = await newKey(orgB.id, { rateLimitPerMinute: '3' });
    const other = await newKey(orgB.id, { rateLimitPerMinute: '3' });
    // the window is the wall-clock minute: start right after a minute began, so all calls share one
    const secs = new Date().getUTCSeconds();
    if (secs > 50) await new Promise((r) => setTimeout(r, (61 - secs) * 1000));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(listRoute, k.key)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(listRoute, k.key);
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ status: 429, type: 'urn:vhd:problem:rate-limited' });
    expect((await call(listRoute, other.key)).status).toBe(200);
    expect((await auditRows(k.id)).at(-1)).toMatchObject({
      outcome: 'DENIED',
      reason: 'GET /api/v1/aanmeldingen: te veel aanvragen per minuut',
    });
  });

  it('counts concurrent calls exactly: of 12 at once with a limit of 5, exactly 5 pass', async () => {
    const k = await newKey(orgB.id, { rateLimitPerMinute: '5' });
    const secs = new Date().getUTCSeconds();
    if (secs > 45) await new Promise((r) => setTimeout(r, (61 - secs) * 1000));
    const statuses = await Promise.all(Array.from({ length: 12 }, () => call(listRoute, k.key).then((r) => r.status)));
    expect(statuses.filter((x) => x === 200)).toHaveLength(5);
    expect(statuses.filter((x) => x === 429)).toHaveLength(7);
    const [w] = await ownerDb().apiRateWindow.findMany({ where: { keyId: k.id } });
    expect(w!.count).toBe(12);
  });
});

describe('the second wall: the app role writes no key, reads no hash, counts no call itself', () => {
  it('refuses direct writes and the hash even to the functional administrator', async () => {
    const k = await newKey(orgA.id);
    const admin = s.users.admin.id;
    const { userId } = await ownerDb().apiKey.findUniqueOrThrow({ where: { id: k.id } });
    const tries: [string, unknown[]][] = [
      [`SELECT "secretHash" FROM "ApiKey" WHERE "id" = $1`, [k.id]],
      [`UPDATE "ApiKey" SET "revokedAt" = NULL, "revokedByUserId" = NULL WHERE "id" = $1`, [k.id]],
      [
        `UPDATE "ApiKey" SET "scopes" = '{referrals:read,referrals:write}', "expiresAt" = now() + interval '300 days' WHERE "id" = $1`,
        [k.id],
      ],
      [`DELETE FROM "ApiKey" WHERE "id" = $1`, [k.id]],
      [
        `INSERT INTO "ApiKey" ("organisationId", "userId", "name", "prefix", "secretHash", "scopes", "createdByUserId", "expiresAt")
         VALUES ($1, $2, 'x', 'aaaaaaaaaaaa', $3, '{referrals:read}', $4, now() + interval '1 day')`,
        [orgA.id, userId, 'b'.repeat(64), admin],
      ],
      [`INSERT INTO "ApiRateWindow" ("keyId", "windowStart", "count") VALUES ($1, now(), 1)`, [k.id]],
      [`DELETE FROM "ApiRateWindow" WHERE "keyId" = $1`, [k.id]],
      [`INSERT INTO "ApiAccount" ("userId", "organisationId") VALUES ($1, $2)`, [admin, orgB.id]],
      [`DELETE FROM "ApiAccount" WHERE "userId" = $1`, [userId]],
      [`SELECT * FROM "AuthKey" WHERE "name" = 'api-key'`, []],
    ];
    for (const [sql, params] of tries) expect(await refused(client, admin, sql, params), sql).toMatch(REFUSED);
    // a user who is no administrator sees no key at all, and cannot make or revoke one
    const seen = await asActor(client, s.users.coordA.id, `SELECT "id" FROM "ApiKey"`);
    expect(seen.rowCount).toBe(0);
    await expect(
      asActor(
        client,
        s.users.coordA.id,
        `SELECT * FROM api_key_create($1, 'x', '{referrals:read}', now() + interval '1 day', 5)`,
        [orgA.id],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(asActor(client, s.users.coordA.id, `SELECT api_key_revoke($1)`, [k.id])).rejects.toMatchObject({
      code: '42501',
    });
    // the administrator reads the metadata
    const meta = await asActor(client, admin, `SELECT "prefix", "scopes" FROM "ApiKey" WHERE "id" = $1`, [k.id]);
    expect(meta.rowCount).toBe(1);
  });
});
