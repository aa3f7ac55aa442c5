import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/passwords';
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

describe('login', () => {
  it('accepts the right password (case-insensitive e-mail) and logs the login', async () => {
    const user = await newUser();
    const result = await authenticate(`  ${user.email.toUpperCase()} `, PASSWORD);
    expect(result).toEqual({ ok: true, userId: user.id, name: user.name });
    const event = await ownerDb().auditEvent.findFirst({ where: { actorUserId: user.id, action: 'auth.login' } });
    expect(event?.outcome).toBe('ALLOWED');
  });

  it('gives the same answer for a wrong password, an unknown account and an inactive account', async () => {
    const user = await newUser();
    const inactive = await newUser({ active: false });
    expect(await authenticate(user.email, 'fout')).toEqual({ ok: false });
    expect(await authenticate('bestaat-niet@vhd.test', PASSWORD)).toEqual({ ok: false });
    expect(await authenticate(inactive.email, PASSWORD)).toEqual({ ok: false });
  });

  it('locks the account after 5 failures, also for the right password, until the lock expires', async () => {
    const user = await newUser();
    const t0 = new Date();
    for (let i = 0; i < 5; i++) expect(await authenticate(user.email, `fout-${i}`, t0)).toEqual({ ok: false });
    const locked = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil!.getTime()).toBe(t0.getTime() + 15 * 60_000);
    expect(await authenticate(user.email, PASSWORD, new Date(t0.getTime() + 60_000))).toEqual({ ok: false });
    const lockout = await ownerDb().auditEvent.count({ where: { actorUserId: user.id, action: 'auth.lockout' } });
    expect(lockout).toBe(1);
    expect(await authenticate(user.email, PASSWORD, new Date(t0.getTime() + 16 * 60_000))).toMatchObject({ ok: true });
  });

  it('does not put the e-mail address in the access log', async () => {
    await authenticate('onbekend.persoon@vhd.test', 'x');
    const rows = await ownerDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AuditEvent" WHERE concat_ws(' ', "objectId", "reason", "purpose", "action") ILIKE '%onbekend.persoon%'`;
    expect(rows[0]!.n).toBe(0);
  });
});
