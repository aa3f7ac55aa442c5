import 'server-only';
import type { OrganisationKind, Role } from '@/lib/generated/prisma/enums';
import { notFound } from '@/lib/errors';
import { useCase, type Tx } from '@/lib/use-case/kernel';

/**
 * What the functional administrator reads (issue 13 §6): accounts, their roles per safe house,
 * last login and invitation state; organisations with their kind and core partnerships. Nothing
 * of any dossier: the administrator has no relation to one, and row-level security shows none.
 */

export type InvitationState = 'open' | 'used' | 'expired' | 'none';

export interface AdminUserRow {
  id: string;
  name: string;
  email: string;
  active: boolean;
  lastLoginAt: Date | null;
  organisationId: string;
  organisationName: string;
  /** linked to an identity at the IdP (ADR 0044) */
  idpLinked: boolean;
  roles: { id: string; role: Role; safeHouseId: string | null; safeHouseName: string | null }[];
  invitation: InvitationState;
  invitationExpiresAt: Date | null;
}

const USER_SELECT = {
  id: true,
  name: true,
  email: true,
  active: true,
  lastLoginAt: true,
  organisationId: true,
  oidcSubject: true,
  organisation: { select: { name: true } },
  roles: { select: { id: true, role: true, safeHouseId: true, safeHouse: { select: { name: true } } } },
} as const;

async function invitationStates(tx: Tx, userIds: string[]) {
  const rows = await tx.passwordInvitation.findMany({
    where: { userId: { in: userIds } },
    orderBy: { createdAt: 'desc' },
    select: { userId: true, expiresAt: true, usedAt: true, revokedAt: true },
  });
  const now = Date.now();
  const out = new Map<string, { state: InvitationState; expiresAt: Date | null }>();
  for (const r of rows) {
    if (out.has(r.userId)) continue; // the newest
    const state: InvitationState = r.usedAt ? 'used' : !r.revokedAt && r.expiresAt.getTime() > now ? 'open' : 'expired';
    out.set(r.userId, { state, expiresAt: r.expiresAt });
  }
  return out;
}

function toRow(
  u: {
    id: string;
    name: string;
    email: string;
    active: boolean;
    lastLoginAt: Date | null;
    organisationId: string;
    oidcSubject: string | null;
    organisation: { name: string };
    roles: { id: string; role: Role; safeHouseId: string | null; safeHouse: { name: string } | null }[];
  },
  inv: { state: InvitationState; expiresAt: Date | null } | undefined,
): AdminUserRow {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    active: u.active,
    lastLoginAt: u.lastLoginAt,
    organisationId: u.organisationId,
    organisationName: u.organisation.name,
    idpLinked: u.oidcSubject !== null,
    roles: u.roles.map((r) => ({
      id: r.id,
      role: r.role,
      safeHouseId: r.safeHouseId,
      safeHouseName: r.safeHouse?.name ?? null,
    })),
    invitation: inv?.state ?? 'none',
    invitationExpiresAt: inv?.expiresAt ?? null,
  };
}

export interface Choices {
  organisations: { id: string; name: string }[];
  safeHouses: { id: string; name: string }[];
}

async function choices(tx: Tx): Promise<Choices> {
  const organisations = await tx.organisation.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const safeHouses = await tx.safeHouse.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  return { organisations, safeHouses };
}

/** Every account, by name, with the choices of the "new user" form. Logged. */
export async function listUsers(userId: string): Promise<{ users: AdminUserRow[]; choices: Choices }> {
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const users = await tx.user.findMany({ orderBy: [{ name: 'asc' }, { email: 'asc' }], select: USER_SELECT });
    const inv = await invitationStates(
      tx,
      users.map((u) => u.id),
    );
    await log({ action: 'admin.users.list', objectType: 'UserList' });
    return { users: users.map((u) => toRow(u, inv.get(u.id))), choices: await choices(tx) };
  });
}

/** One account, for its page. Logged. */
export async function getUserForAdmin(
  userId: string,
  targetId: string,
): Promise<{ user: AdminUserRow; choices: Choices; self: boolean }> {
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, actor, log }) => {
    const u = await tx.user.findUnique({ where: { id: targetId }, select: USER_SELECT });
    if (!u) throw notFound();
    const inv = await invitationStates(tx, [u.id]);
    await log({ action: 'admin.users.list', objectType: 'User', objectId: u.id });
    return { user: toRow(u, inv.get(u.id)), choices: await choices(tx), self: u.id === actor.userId };
  });
}

export interface AdminOrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  corePartnerOf: { id: string; name: string }[];
  users: number;
}

/** Every organisation with its kind (art. 10), core partnerships and number of accounts. */
export async function listOrganisations(
  userId: string,
): Promise<{ organisations: AdminOrganisationRow[]; safeHouses: { id: string; name: string }[] }> {
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const orgs = await tx.organisation.findMany({
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        kind: true,
        corePartnerships: { select: { safeHouse: { select: { id: true, name: true } } } },
        _count: { select: { users: true } },
      },
    });
    await log({ action: 'admin.users.list', objectType: 'Organisation' });
    return {
      organisations: orgs.map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        corePartnerOf: o.corePartnerships.map((p) => p.safeHouse).sort((a, b) => a.name.localeCompare(b.name)),
        users: o._count.users,
      })),
      safeHouses: (await choices(tx)).safeHouses,
    };
  });
}
