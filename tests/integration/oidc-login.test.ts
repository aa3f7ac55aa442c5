import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { makeUser } from '@/prisma/factories';
import { normaliseNationalNumber, oidcAssertsSecondFactor, oidcLinkHmac, resolveOidcUser } from '@/lib/auth/login';
import { findLiveSession } from '@/lib/auth/sessions';
import { registerOidcLink } from '@/lib/admin/register-oidc-link';
import { unlinkOidc } from '@/lib/admin/unlink-oidc';
import { appRoleClient, ownerDb } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';
import { hashSessionToken } from '../helpers/session-token';
import { refused } from '../helpers/sql-actor';

/**
 * Login through the government or organisation IdP (issue 14 §1, ADR 0044): the first login links
 * only by the national number the administrator registered (never by e-mail), later logins go by
 * `sub`, an unknown identity is refused and logged, and without the agreed `acr` nothing opens.
 */
let s: Scenario;
let client: pg.Client;
const ACR = 'http://eidas.europa.eu/LoA/substantial';

beforeAll(async () => {
  s = await buildScenario();
  client = await appRoleClient();
});
afterAll(async () => {
  await client.end();
});

/** A fresh valid national number (check digits per the 1900s rule). */
function newNationalNumber(): string {
  const nine = `8${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return `${nine}${String(97 - (Number(nine) % 97)).padStart(2, '0')}`;
}
const newAccount = (active = true) =>
  makeUser(ownerDb(), {
    organisationId: s.users.coordA.organisationId,
    roles: [{ role: 'REFERRER' }],
    active,
  });
const subject = () => `idp-${crypto.randomUUID()}`;
const events = (action: string, actorUserId: string | null) =>
  ownerDb().auditEvent.count({ where: { action, actorUserId } });

describe('OIDC login (ADR 0044)', () => {
  it('links the first login only by the national number the administrator registered, uses it up, and goes by sub afterwards', async () => {
    const user = await newAccount();
    const rrn = newNationalNumber();
    await registerOidcLink(s.users.admin.id, user.id, {
      nationalNumber: `${rrn.slice(0, 2)}.${rrn.slice(2, 4)}.${rrn.slice(4, 6)}-${rrn.slice(6, 9)}.${rrn.slice(9)}`,
    });
    expect(await events('admin.user.oidcLink', s.users.admin.id)).toBeGreaterThan(0);
    const stored = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.oidcLinkHmac).toBe(oidcLinkHmac(rrn));
    expect(stored.oidcLinkHmac).not.toContain(rrn);

    const sub = subject();
    // the e-mail address links nothing, not even a verified one
    expect(await resolveOidcUser(sub, user.email, true)).toEqual({ ok: false, reason: 'unknown' });
    const first = await resolveOidcUser(sub, rrn, true);
    expect(first).toMatchObject({ ok: true, userId: user.id, linked: true });
    expect(await events('auth.login.oidc.link', user.id)).toBe(1);
    const linked = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(linked.oidcSubject).toBe(sub);
    expect(linked.oidcLinkHmac).toBeNull();

    // later: by sub alone (no claim needed), and the used-up number links no other identity
    expect(await resolveOidcUser(sub, null, true)).toMatchObject({ ok: true, userId: user.id, linked: false });
    expect(await resolveOidcUser(subject(), rrn, true)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('refuses an identity nobody registered: no session, no link, and auth.login.oidc.unknown in the access log', async () => {
    const before = await events('auth.login.oidc.unknown', null);
    const sessions = await ownerDb().authSession.count();
    expect(await resolveOidcUser(subject(), newNationalNumber(), true)).toEqual({ ok: false, reason: 'unknown' });
    expect(await resolveOidcUser(subject(), 'geen nummer', true)).toEqual({ ok: false, reason: 'unknown' });
    expect(await events('auth.login.oidc.unknown', null)).toBe(before + 2);
    expect(await ownerDb().authSession.count()).toBe(sessions);
  });

  it('links no inactive account and opens no session for a linked account that was deactivated', async () => {
    const inactive = await newAccount(false);
    const rrn = newNationalNumber();
    await ownerDb().user.update({ where: { id: inactive.id }, data: { oidcLinkHmac: oidcLinkHmac(rrn) } });
    expect(await resolveOidcUser(subject(), rrn, true)).toEqual({ ok: false, reason: 'unknown' });

    const user = await newAccount();
    const sub = subject();
    await ownerDb().user.update({ where: { id: user.id }, data: { oidcSubject: sub } });
    await ownerDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await resolveOidcUser(sub, null, true)).toEqual({ ok: false, reason: 'inactive' });
    expect(
      await ownerDb().auditEvent.count({
        where: { action: 'auth.login.oidc', actorUserId: user.id, outcome: 'DENIED' },
      }),
    ).toBe(1);
  });

  it('refuses an ID token without the agreed acr (amr alone does not do), and with it asks no local second factor', async () => {
    // with an agreed level only that acr counts
    expect(oidcAssertsSecondFactor({ acr: 'http://eidas.europa.eu/LoA/low', amr: ['pwd', 'otp'] }, ACR)).toBe(false);
    expect(oidcAssertsSecondFactor({ amr: ['mfa'] }, ACR)).toBe(false);
    expect(oidcAssertsSecondFactor({ acr: ACR }, ACR)).toBe(true);
    // without one, an amr of RFC 8176 that names a second factor
    expect(oidcAssertsSecondFactor({ amr: ['pwd', 'otp'] })).toBe(true);
    expect(oidcAssertsSecondFactor({ amr: ['pwd'] })).toBe(false);

    const user = await newAccount();
    const sub = subject();
    await ownerDb().user.update({ where: { id: user.id }, data: { oidcSubject: sub } });
    const sessions = await ownerDb().authSession.count({ where: { userId: user.id } });
    expect(await resolveOidcUser(sub, null, false)).toEqual({ ok: false, reason: 'no-mfa' });
    expect(await ownerDb().authSession.count({ where: { userId: user.id } })).toBe(sessions);
    expect(
      await ownerDb().auditEvent.count({
        where: { action: 'auth.login.oidc.no-mfa', actorUserId: user.id, outcome: 'DENIED' },
      }),
    ).toBe(1);

    const ok = await resolveOidcUser(sub, null, true);
    expect(ok.ok).toBe(true);
    const token = (ok as { token: string }).token;
    expect(await findLiveSession(token)).toMatchObject({ userId: user.id, needs: null });
    const row = await ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } });
    expect(row.secondFactorMethod).toBe('OIDC');
  });

  it('lets only the functional administrator register a valid national number, once per account and per number', async () => {
    const user = await newAccount();
    await expect(
      registerOidcLink(s.users.coordA.id, user.id, { nationalNumber: newNationalNumber() }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN_ACTION',
    });
    await expect(registerOidcLink(s.users.admin.id, user.id, { nationalNumber: '85073003327' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { nationalNumber: 'Vul een geldig rijksregisternummer in (11 cijfers).' },
    });
    expect(normaliseNationalNumber('85.07.30-033.28')).toBe('85073003328');
    expect(normaliseNationalNumber('85073003327')).toBeNull();
    const rrn = newNationalNumber();
    await registerOidcLink(s.users.admin.id, user.id, { nationalNumber: rrn });
    const other = await newAccount();
    await expect(registerOidcLink(s.users.admin.id, other.id, { nationalNumber: rrn })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const sub = subject();
    await resolveOidcUser(sub, rrn, true);
    await expect(
      registerOidcLink(s.users.admin.id, user.id, { nationalNumber: newNationalNumber() }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('the app role cannot read the link value, set a subject, or (as anyone but the administrator) write the link value', async () => {
    const user = await newAccount();
    expect(await refused(client, s.users.admin.id, `SELECT "oidcLinkHmac" FROM "User" WHERE id = $1`, [user.id])).toBe(
      'refused 42501',
    );
    expect(
      await refused(client, s.users.admin.id, `UPDATE "User" SET "oidcSubject" = 'x' WHERE id = $1`, [user.id]),
    ).toBe('refused 42501');
    expect(
      await refused(client, s.users.coordA.id, `UPDATE "User" SET "oidcLinkHmac" = 'x' WHERE id = $1`, [user.id]),
    ).toBe('no rows');
  });

  it('the administrator unlinks: every session of the account ends, the identity opens nothing, a new registration links again; the app may clear a subject but never set or change one', async () => {
    const user = await newAccount();
    const rrn = newNationalNumber();
    await registerOidcLink(s.users.admin.id, user.id, { nationalNumber: rrn });
    const sub = subject();
    expect(await resolveOidcUser(sub, rrn, true)).toMatchObject({ ok: true, userId: user.id });
    const live = () => ownerDb().authSession.count({ where: { userId: user.id, revokedAt: null } });
    expect(await live()).toBe(1);
    // the database lets the administrator clear a subject, not set or change it (account takeover)
    expect(
      await refused(client, s.users.admin.id, `UPDATE "User" SET "oidcSubject" = 'idp-ander' WHERE id = $1`, [user.id]),
    ).toBe('refused 42501');
    expect(
      await refused(client, s.users.admin.id, `UPDATE "User" SET "oidcSubject" = NULL WHERE id = $1`, [user.id]),
    ).toBe('ALLOWED (1 rows)');
    expect(
      await refused(client, s.users.coordA.id, `UPDATE "User" SET "oidcSubject" = NULL WHERE id = $1`, [user.id]),
    ).toBe('no rows');

    await unlinkOidc(s.users.admin.id, user.id);
    const after = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ oidcSubject: null, oidcLinkHmac: null });
    expect(await live()).toBe(0);
    expect(
      await ownerDb().authSession.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: 'desc' } }),
    ).toMatchObject({ revokedReason: 'koppeling met de identiteitsprovider verwijderd' });
    expect(await events('admin.user.oidcUnlink', s.users.admin.id)).toBeGreaterThan(0);
    expect(await resolveOidcUser(sub, null, true)).toEqual({ ok: false, reason: 'unknown' });
    // the used-up national number does not come back by itself
    expect(await resolveOidcUser(sub, rrn, true)).toEqual({ ok: false, reason: 'unknown' });
    await expect(unlinkOidc(s.users.admin.id, user.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // only the administrator unlinks
    await expect(unlinkOidc(s.users.coordA.id, user.id)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    // relinking: a new registration, then the next login links (possibly to a new identity)
    await registerOidcLink(s.users.admin.id, user.id, { nationalNumber: rrn });
    const newSub = subject();
    expect(await resolveOidcUser(newSub, rrn, true)).toMatchObject({ ok: true, userId: user.id, linked: true });
  });
});
