import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createHash } from 'node:crypto';
import { makeOrganisation, makeSafeHouse, makeUser } from '@/prisma/factories';
import { accessReviewCsv, confirmAccessReview, accessReview } from '@/lib/admin/access-review';
import { grantRole } from '@/lib/admin/grant-role';
import { inviteUser } from '@/lib/admin/invite-user';
import { listUsers } from '@/lib/admin/queries';
import { revokeRole } from '@/lib/admin/revoke-role';
import { createOrganisation, updateOrganisation } from '@/lib/admin/save-organisation';
import { createUser, updateUser } from '@/lib/admin/save-user';
import { setUserActive } from '@/lib/admin/set-user-active';
import { roleCombinationRefusal } from '@/lib/admin/roles';
import { acceptInvitation, invitationOpen } from '@/lib/auth/invitation';
import { authenticate } from '@/lib/auth/login';
import { hashPassword } from '@/lib/auth/passwords';
import { findLiveSession } from '@/lib/auth/sessions';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { allTablesText, appRoleClient, ownerDb } from '../helpers/db';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { buildScenario, type Scenario } from '../helpers/scenario';
import { ownerSession } from '../helpers/sessions';
import { hashSessionToken } from '../helpers/session-token';
import { asActor, refused } from '../helpers/sql-actor';

/**
 * User and organisation administration by the functional administrator (issue 13 §6; ADR 0043):
 * separation of duties in the application and the database, sessions that end with the account,
 * one-time hashed invitations, every change in the access log, no dossier content for the
 * administrator, and the quarterly access review as CSV.
 */
let client: pg.Client;
let s: Scenario;
let mail: MailCatcher;
let org: { id: string };
let admin: string;
const PASSWORD = 'een lange zin als wachtwoord';

beforeAll(async () => {
  client = await appRoleClient();
  s = await buildScenario();
  admin = s.users.admin.id;
  org = await makeOrganisation(ownerDb(), { kind: 'CAW', corePartnerOf: [s.houseA.id] });
  mail = await startMailCatcher();
});
afterAll(async () => {
  await mail.stop();
  await client.end();
});

const uniqueEmail = (p: string) => `${p}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@vhd.test`;
const logged = (action: string, objectId?: string) =>
  ownerDb().auditEvent.count({ where: { action, actorUserId: admin, ...(objectId ? { objectId } : {}) } });

/** The link's token in the last mail to `to` (quoted-printable undone). */
function tokenInMail(to: string): string {
  const m = [...mail.mails].reverse().find((x) => x.to.includes(to));
  if (!m) throw new Error(`no mail to ${to}`);
  const text = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const token = /wachtwoord-instellen\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error('no token in the mail');
  return token;
}

describe('ADR 0043: no roles that combine client work with DPO, analyst or administrator work', () => {
  it('the rule itself: content with DPO, analyst or administrator, and administrator with DPO, are refused', () => {
    expect(roleCombinationRefusal(['REFERRER', 'DPO'])).toMatch(/niet ook DPO, analist of functioneel beheerder/);
    expect(roleCombinationRefusal(['COORDINATOR', 'AGENCY_ANALYST'])).not.toBeNull();
    expect(roleCombinationRefusal(['CORE_PARTNER_STAFF', 'FUNCTIONAL_ADMIN'])).not.toBeNull();
    expect(roleCombinationRefusal(['FUNCTIONAL_ADMIN', 'DPO'])).toMatch(/DPO zijn die het beheer controleert/);
    expect(roleCombinationRefusal(['DPO', 'AGENCY_ANALYST'])).toBeNull();
    expect(roleCombinationRefusal(['REFERRER', 'COORDINATOR', 'CORE_PARTNER_STAFF'])).toBeNull();
  });

  it('refused in the application with a Dutch message at the field, and nothing is written', async () => {
    const u = await makeUser(ownerDb(), { organisationId: org.id, roles: [{ role: 'REFERRER' }] });
    for (const role of ['DPO', 'AGENCY_ANALYST', 'FUNCTIONAL_ADMIN']) {
      const err = await grantRole(admin, u.id, { role, safeHouseId: '' }).catch((e) => e);
      expect(err, role).toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { role: expect.stringMatching(/niet ook DPO/) },
      });
    }
    const dpo = await makeUser(ownerDb(), { organisationId: org.id, roles: [{ role: 'DPO' }] });
    const err = await grantRole(admin, dpo.id, { role: 'COORDINATOR', safeHouseId: s.houseA.id }).catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect(await ownerDb().roleAssignment.count({ where: { userId: { in: [u.id, dpo.id] } } })).toBe(2);
    // a new user with a first role that could never combine is fine; adding the DPO role is not
    const created = await createUser(admin, {
      name: 'Nieuwe Aanmelder',
      email: uniqueEmail('aanmelder'),
      organisationId: org.id,
      role: 'REFERRER',
      safeHouseId: '',
    });
    await expect(grantRole(admin, created.id, { role: 'DPO', safeHouseId: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('refused in the database too (trigger on insert and update), also for the owner and the app role as administrator', async () => {
    const u = await makeUser(ownerDb(), {
      organisationId: org.id,
      roles: [{ role: 'COORDINATOR', safeHouseId: s.houseA.id }],
    });
    await expect(ownerDb().roleAssignment.create({ data: { userId: u.id, role: 'DPO' } })).rejects.toThrow(
      /role combination refused/,
    );
    const analyst = await makeUser(ownerDb(), { organisationId: org.id, roles: [{ role: 'AGENCY_ANALYST' }] });
    const second = await ownerDb().roleAssignment.create({ data: { userId: analyst.id, role: 'DPO' } });
    await expect(
      ownerDb().roleAssignment.update({ where: { id: second.id }, data: { role: 'REFERRER' } }),
    ).rejects.toThrow(/role combination refused/);
    const admin2 = await makeUser(ownerDb(), { organisationId: org.id, roles: [{ role: 'FUNCTIONAL_ADMIN' }] });
    await expect(ownerDb().roleAssignment.create({ data: { userId: admin2.id, role: 'DPO' } })).rejects.toThrow(
      /role combination refused/,
    );
    expect(
      await refused(client, admin, `INSERT INTO "RoleAssignment" ("userId", "role") VALUES ($1, 'REFERRER')`, [
        analyst.id,
      ]),
    ).toBe('refused 23514');
    // the same administrator may give a role that combines
    const ok = await asActor(
      client,
      admin,
      `INSERT INTO "RoleAssignment" ("userId", "role", "safeHouseId") VALUES ($1, 'COORDINATOR_REPRESENTATIVE', $2)`,
      [u.id, s.houseA.id],
    );
    expect(ok.rowCount).toBe(1);
  });
});

describe('ASVS 7: a deactivated user’s sessions end at once', () => {
  it('deactivation revokes every session in the same transaction; the session check and the login refuse the account', async () => {
    const hash = await hashPassword(PASSWORD);
    const u = await makeUser(ownerDb(), { organisationId: org.id, passwordHash: hash, roles: [{ role: 'REFERRER' }] });
    const a = await ownerSession(u.id);
    const b = await ownerSession(u.id);
    expect(await findLiveSession(a)).not.toBeNull();
    await setUserActive(admin, u.id, false);
    for (const t of [a, b]) {
      const row = await ownerDb().authSession.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(t) } });
      expect(row).toMatchObject({ revokedAt: expect.any(Date), revokedReason: 'account gedeactiveerd' });
      expect(await findLiveSession(t)).toBeNull();
    }
    // a session row the revocation would have missed still does not work for an inactive account
    const missed = await ownerSession(u.id);
    expect(await ownerDb().authSession.count({ where: { tokenHash: hashSessionToken(missed), revokedAt: null } })).toBe(
      1,
    );
    expect(await findLiveSession(missed)).toBeNull();
    expect(await authenticate(u.email, PASSWORD, { address: '198.51.100.7' })).toEqual({ ok: false });
    expect(await logged('admin.user.deactivate', u.id)).toBe(1);
    // reactivated: the old sessions stay ended, a new login works
    await setUserActive(admin, u.id, true);
    expect(await findLiveSession(a)).toBeNull();
    expect(await authenticate(u.email, PASSWORD, { address: '198.51.100.8' })).toMatchObject({ ok: true });
    expect(await logged('admin.user.reactivate', u.id)).toBe(1);
  });

  it('an administrator neither deactivates themselves nor removes their own administrator role — application and database', async () => {
    await expect(setUserActive(admin, admin, false)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/eigen account niet deactiveren/),
    });
    const own = await ownerDb().roleAssignment.findFirstOrThrow({ where: { userId: admin, role: 'FUNCTIONAL_ADMIN' } });
    await expect(revokeRole(admin, own.id)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/eigen rol van functioneel beheerder/),
    });
    expect(await refused(client, admin, `UPDATE "User" SET "active" = false WHERE "id" = $1`, [admin])).toMatch(
      /^refused 42501$/,
    );
    expect(await refused(client, admin, `DELETE FROM "RoleAssignment" WHERE "id" = $1`, [own.id])).toBe('no rows');
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: admin } })).toMatchObject({ active: true });
  });
});

describe('ADR 0043: the invitation to set a password is one-time, expiring and stored hashed', () => {
  it('the mail carries the link and nothing about roles or cases; the database keeps only the SHA-256 of the token', async () => {
    const email = uniqueEmail('nieuw');
    const { id, mailed } = await createUser(admin, {
      name: 'Nieuwe Coördinator',
      email,
      organisationId: org.id,
      role: 'COORDINATOR',
      safeHouseId: s.houseA.id,
    });
    expect(mailed).toBe(true);
    const token = tokenInMail(email);
    const raw = mail.mails.find((m) => m.to.includes(email))!.raw;
    expect(raw).not.toMatch(/Co(ö|=C3=B6)rdinator|Nieuwe/);
    expect(raw).toMatch(/Stel je wachtwoord in/);
    const inv = await ownerDb().passwordInvitation.findFirstOrThrow({ where: { userId: id } });
    expect(inv.tokenHash).toBe(createHash('sha256').update(token, 'utf8').digest('hex'));
    // 72 hours from the moment it was made (the app computes the end within the same transaction)
    const term = inv.expiresAt.getTime() - inv.createdAt.getTime();
    expect(term).toBeGreaterThanOrEqual(72 * 3_600_000);
    expect(term).toBeLessThan(72 * 3_600_000 + 600_000);
    expect(await allTablesText()).not.toContain(token);
    // the app role reads no hash, even as the administrator
    await expect(asActor(client, admin, `SELECT "tokenHash" FROM "PasswordInvitation"`)).rejects.toMatchObject({
      code: '42501',
    });

    expect(await invitationOpen(token)).toBe(true);
    await expect(acceptInvitation(token, { password: 'kort', repeat: 'kort' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { password: expect.stringMatching(/minstens 12 tekens/) },
    });
    await expect(acceptInvitation(token, { password: PASSWORD, repeat: `${PASSWORD}!` })).rejects.toMatchObject({
      fieldErrors: { repeat: expect.stringMatching(/niet gelijk/) },
    });
    await acceptInvitation(token, { password: PASSWORD, repeat: PASSWORD });
    // one-time
    expect(await invitationOpen(token)).toBe(false);
    await expect(acceptInvitation(token, { password: `${PASSWORD}2`, repeat: `${PASSWORD}2` })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/werkt niet meer/),
    });
    // the user signs in normally and meets the second-factor enrolment
    const login = await authenticate(email, PASSWORD, { address: '198.51.100.9' });
    expect(login).toMatchObject({ ok: true });
    expect(await findLiveSession((login as { token: string }).token)).toMatchObject({ needs: 'enrol' });
    expect(await ownerDb().auditEvent.count({ where: { action: 'auth.password.set', actorUserId: id } })).toBe(1);
  });

  it('an expired link, and a link replaced by a newer invitation, no longer work', async () => {
    const email = uniqueEmail('verlopen');
    const { id } = await createUser(admin, {
      name: 'Iemand',
      email,
      organisationId: org.id,
      role: '',
      safeHouseId: '',
    });
    const first = tokenInMail(email);
    await inviteUser(admin, id);
    const second = tokenInMail(email);
    expect(second).not.toBe(first);
    expect(await invitationOpen(first)).toBe(false);
    expect(await invitationOpen(second)).toBe(true);
    await ownerDb()
      .$executeRaw`UPDATE "PasswordInvitation" SET "createdAt" = now() - interval '4 days', "expiresAt" = now() - interval '1 day' WHERE "userId" = ${id}::uuid`;
    expect(await invitationOpen(second)).toBe(false);
    await expect(acceptInvitation(second, { password: PASSWORD, repeat: PASSWORD })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await logged('admin.user.invite')).toBeGreaterThanOrEqual(2);
    // nor does one for an account deactivated since
    await inviteUser(admin, id);
    const third = tokenInMail(email);
    await setUserActive(admin, id, false);
    expect(await invitationOpen(third)).toBe(false);
    await expect(inviteUser(admin, id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('memorandum to art. 15: every change by the administrator is in the access log', () => {
  it('users, roles, organisations and core partnerships: each change one row, with its own label', async () => {
    const email = uniqueEmail('log');
    const { id } = await createUser(admin, {
      name: 'Log Test',
      email,
      organisationId: org.id,
      role: '',
      safeHouseId: '',
    });
    expect(await logged('admin.user.create', id)).toBe(1);
    await updateUser(admin, id, { name: 'Log Test Gewijzigd', email, organisationId: org.id });
    expect(await logged('admin.user.update', id)).toBe(1);
    await grantRole(admin, id, { role: 'CORE_PARTNER_STAFF', safeHouseId: s.houseA.id });
    const role = await ownerDb().roleAssignment.findFirstOrThrow({ where: { userId: id } });
    expect(await logged('admin.role.grant', role.id)).toBe(1);
    await revokeRole(admin, role.id);
    expect(await logged('admin.role.revoke', role.id)).toBe(1);
    // a core-partner role needs an organisation that is a core partner of that house
    await expect(grantRole(admin, id, { role: 'CORE_PARTNER_STAFF', safeHouseId: s.houseB.id })).rejects.toMatchObject({
      fieldErrors: { safeHouseId: expect.stringMatching(/geen kernpartner/) },
    });
    const name = `Politiezone ${Date.now()}`;
    const created = await createOrganisation(admin, {
      name,
      kind: 'POLICE',
      corePartnerOf: [s.houseA.id, s.houseB.id],
    });
    expect(await logged('admin.organisation.create', created.id)).toBe(1);
    await updateOrganisation(admin, created.id, { name, kind: 'POLICE', corePartnerOf: [s.houseB.id] });
    expect(await logged('admin.organisation.update', created.id)).toBe(1);
    expect(
      (await ownerDb().corePartnership.findMany({ where: { organisationId: created.id } })).map((p) => p.safeHouseId),
    ).toEqual([s.houseB.id]);
    await expect(createOrganisation(admin, { name, kind: 'CAW', corePartnerOf: [] })).rejects.toMatchObject({
      fieldErrors: { name: expect.stringMatching(/bestaat al/) },
    });
    await expect(
      createUser(admin, {
        name: 'Dubbel',
        email: email.toUpperCase(),
        organisationId: org.id,
        role: '',
        safeHouseId: '',
      }),
    ).rejects.toMatchObject({ fieldErrors: { email: expect.stringMatching(/bestaat al/) } });
    // the rows name objects by id: no name or address of the user in the log
    const rows = await ownerDb().auditEvent.findMany({ where: { actorUserId: admin } });
    expect(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(email);
  });
});

describe('art. 458ter Sw.: the administrator sees no dossier content; others administer nothing', () => {
  it('no dossier for the administrator, in the application and the database', async () => {
    await expect(getDossier(admin, s.dossiers.submittedA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const table of ['Dossier', 'Referral', 'ClientMember', 'Contact', 'CaseParticipant']) {
      const r = await asActor(client, admin, `SELECT count(*)::int AS n FROM "${table}"`);
      expect(r.rows[0].n, table).toBe(0);
    }
  });

  it('users, roles and organisations are the administrator’s only: other roles are refused by the use cases', async () => {
    for (const who of ['coordA', 'dpo', 'analyst', 'referrer'] as const) {
      const u = s.users[who].id;
      await expect(listUsers(u), who).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
      await expect(
        createUser(u, { name: 'X', email: uniqueEmail('x'), organisationId: org.id, role: '', safeHouseId: '' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
      await expect(setUserActive(u, s.users.referrer2.id, false)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
      await expect(accessReviewCsv(u)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    }
  });
});

describe('issue 13 §6: the quarterly access review', () => {
  it('per safe house the accounts with their roles and last login; the CSV holds the same, safely quoted', async () => {
    const house = await makeSafeHouse(ownerDb());
    const partner = await makeOrganisation(ownerDb(), { kind: 'POLICE', corePartnerOf: [house.id] });
    const lastLogin = new Date('2026-11-30T09:15:00Z');
    const coord = await makeUser(ownerDb(), {
      organisationId: partner.id,
      name: 'Zoë Coördinator',
      roles: [{ role: 'COORDINATOR', safeHouseId: house.id }],
    });
    await ownerDb().user.update({ where: { id: coord.id }, data: { lastLoginAt: lastLogin } });
    const sneaky = await makeUser(ownerDb(), {
      organisationId: partner.id,
      name: '=HYPERLINK("https://x.example")',
      roles: [{ role: 'CORE_PARTNER_STAFF', safeHouseId: house.id }],
      active: false,
    });
    const groups = await accessReview(admin);
    const g = groups.find((x) => x.safeHouseId === house.id)!;
    expect(g.accounts.map((a) => [a.name, a.roles, a.active])).toEqual([
      ['=HYPERLINK("https://x.example")', ['CORE_PARTNER_STAFF'], false],
      ['Zoë Coördinator', ['COORDINATOR'], true],
    ]);
    expect(g.lastConfirmed).toBeNull();

    const { csv, filename } = await accessReviewCsv(admin);
    expect(filename).toMatch(/^toegangsreview-\d{2}-\d{2}-\d{4}\.csv$/);
    expect(csv.startsWith('\uFEFFVeilig Huis;Naam;E-mailadres;Organisatie;Rollen;Actief;Laatste aanmelding\r\n')).toBe(
      true,
    );
    const lines = csv.split('\r\n').filter((l) => l.startsWith(house.name));
    expect(lines).toEqual([
      `${house.name};"'=HYPERLINK(""https://x.example"")";${sneaky.email};${partner.name};Medewerker kernpartner;nee;nooit`,
      `${house.name};Zoë Coördinator;${coord.email};${partner.name};Coördinator;ja;30 nov 2026, 10:15`,
    ]);
    expect(await logged('admin.accessReview.export')).toBeGreaterThanOrEqual(1);

    await confirmAccessReview(admin, house.id);
    const after = (await accessReview(admin)).find((x) => x.safeHouseId === house.id)!;
    expect(after.lastConfirmed).toMatchObject({ byName: s.users.admin.name, accounts: 2 });
    expect(
      await ownerDb().auditEvent.count({ where: { action: 'admin.accessReview.confirm', safeHouseId: house.id } }),
    ).toBe(1);
  });
});
