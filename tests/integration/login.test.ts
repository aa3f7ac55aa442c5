import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/passwords';
import { hashSessionToken } from '../helpers/session-token';
import { makeOrganisation, makeUser } from '@/prisma/factories';
import { ownerDb } from '../helpers/db';

const PASSWORD = 'een-lang-en-geheim-wachtwoord';
let orgId: string;
let hash: string;

beforeAll(async () => {
  orgId = (await makeOrganisation(ownerDb())).id;
  hash = await hashPassword(PASSWORD);
});

const newUser = (extra: { active?: boolean } = {}) =>
  makeUser(ownerDb(), { organisationId: orgId, passwordHash: hash, roles: [{ role: 'REFERRER' }], ...extra });

/** Each test its own client address, so their failures do not add up. */
const client = (now = new Date()) => ({
  address: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  now,
});

describe('login, step 1 (ASVS 6.3)', () => {
  it('accepts the right password (case-insensitive e-mail), logs it and makes a session that still needs the second factor', async () => {
    const user = await newUser();
    const result = await authenticate(`  ${user.email.toUpperCase()} `, PASSWORD, client());
    expect(result).toMatchObject({ ok: true, userId: user.id, name: user.name });
    const event = await ownerDb().auditEvent.findFirst({ where: { actorUserId: user.id, action: 'auth.login' } });
    expect(event?.outcome).toBe('ALLOWED');
    const token = (result as { token: string }).token;
    const session = await ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } });
    expect(session).toMatchObject({ userId: user.id, secondFactorAt: null, revokedAt: null });
    // only the hash is stored
    const raw = await ownerDb().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "AuthSession" WHERE "tokenHash" = ${token}`;
    expect(raw[0]!.n).toBe(0);
  });

  it('gives the same answer for a wrong password, an unknown account and an inactive account', async () => {
    const user = await newUser();
    const inactive = await newUser({ active: false });
    expect(await authenticate(user.email, 'fout', client())).toEqual({ ok: false });
    expect(await authenticate('bestaat-niet@vhd.test', PASSWORD, client())).toEqual({ ok: false });
    expect(await authenticate(inactive.email, PASSWORD, client())).toEqual({ ok: false });
  });

  it('slows an account down after 5 failures from many clients, but never for more than a minute: nobody can lock a coordinator out', async () => {
    const user = await newUser();
    const t0 = new Date(Date.now() + 3_600_000);
    for (let i = 0; i < 5; i++) expect(await authenticate(user.email, `fout-${i}`, client(t0))).toEqual({ ok: false });
    // the right password right away: asked to wait, from any client
    const waiting = await authenticate(user.email, PASSWORD, client(new Date(t0.getTime() + 500)));
    expect(waiting).toEqual({ ok: false, retryAfterSeconds: 2 });
    // after the delay the right password works, and the counter is cleared
    expect(await authenticate(user.email, PASSWORD, client(new Date(t0.getTime() + 2_500)))).toMatchObject({
      ok: true,
    });
    // however many failures: the wait for the account stops at 60 s
    const t1 = new Date(t0.getTime() + 10_000);
    let at = t1.getTime();
    for (let i = 0; i < 15; i++) {
      const r = await authenticate(user.email, `fout-${i}`, client(new Date(at)));
      at += ((r as { retryAfterSeconds?: number }).retryAfterSeconds ?? 0) * 1000 + 1;
    }
    const last = await authenticate(user.email, PASSWORD, client(new Date(at)));
    const wait = (last as { retryAfterSeconds?: number }).retryAfterSeconds ?? 0;
    expect(wait).toBeLessThanOrEqual(60);
    expect(await authenticate(user.email, PASSWORD, client(new Date(at + wait * 1000 + 1)))).toMatchObject({
      ok: true,
    });
    const throttled = await ownerDb().auditEvent.count({
      where: { actorUserId: user.id, action: 'auth.login.throttled' },
    });
    expect(throttled).toBeGreaterThan(0);
  });

  it('slows one client down across accounts (password spraying), stored in PostgreSQL for every instance', async () => {
    const users = await Promise.all([1, 2, 3, 4, 5, 6].map(() => newUser()));
    const t0 = new Date(Date.now() + 7_200_000);
    const spray = { address: '203.0.113.77', now: t0 };
    for (const u of users.slice(0, 5)) expect(await authenticate(u.email, 'Welkom123', spray)).toEqual({ ok: false });
    // the sixth account was never tried, but this client must wait
    expect(await authenticate(users[5]!.email, PASSWORD, { ...spray, now: new Date(t0.getTime() + 1000) })).toEqual({
      ok: false,
      retryAfterSeconds: 1,
    });
    // another client is not affected
    expect(await authenticate(users[5]!.email, PASSWORD, client(t0))).toMatchObject({ ok: true });
    const rows = await ownerDb().loginThrottle.count({ where: { failures: { gte: 5 } } });
    expect(rows).toBeGreaterThan(0);
  });

  it('does not put the e-mail address or the client address in the access log or the throttle table', async () => {
    await authenticate('onbekend.persoon@vhd.test', 'x', { address: '198.51.100.23' });
    const rows = await ownerDb().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "AuditEvent" WHERE concat_ws(' ', "objectId", "reason", "purpose", "action") ILIKE '%onbekend.persoon%'`;
    expect(rows[0]!.n).toBe(0);
    const keys = await ownerDb().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "LoginThrottle" WHERE "key" LIKE '%onbekend%' OR "key" LIKE '%198.51%'`;
    expect(keys[0]!.n).toBe(0);
  });
});
