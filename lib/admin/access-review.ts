import 'server-only';
import type { Role } from '@/lib/generated/prisma/enums';
import { toCsv } from '@/lib/csv';
import { notFound } from '@/lib/errors';
import { ROLE_LABEL } from '@/lib/labels';
import { formatDateNumeric, formatDateTime } from '@/lib/time';
import { useCase, type Tx } from '@/lib/use-case/kernel';

/**
 * The periodic access review (issue 13 §6; ADR 0043): per safe house, every account with a role
 * there, its roles and last login, so each safe house confirms its accounts every quarter; and the
 * accounts whose roles belong to no safe house (aanmelder, DPO, analist, beheerder). Exportable as
 * CSV; a confirmation is recorded and logged.
 */

export interface ReviewAccount {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  roles: Role[];
  active: boolean;
  lastLoginAt: Date | null;
}

export interface ReviewGroup {
  /** null: roles tied to no safe house */
  safeHouseId: string | null;
  title: string;
  accounts: ReviewAccount[];
  lastConfirmed: { at: Date; byName: string; accounts: number } | null;
}

async function reviewGroups(tx: Tx): Promise<ReviewGroup[]> {
  const houses = await tx.safeHouse.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const roles = await tx.roleAssignment.findMany({
    select: {
      role: true,
      safeHouseId: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          active: true,
          lastLoginAt: true,
          organisation: { select: { name: true } },
        },
      },
    },
  });
  const reviews = await tx.accessReview.findMany({
    orderBy: { confirmedAt: 'desc' },
    distinct: ['safeHouseId'],
    select: { safeHouseId: true, confirmedAt: true, confirmedByUserId: true, accounts: true },
  });
  const reviewers = new Map(
    (
      await tx.user.findMany({
        where: { id: { in: reviews.map((r) => r.confirmedByUserId) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const group = (safeHouseId: string | null): ReviewAccount[] => {
    const byUser = new Map<string, ReviewAccount>();
    for (const r of roles.filter((x) => x.safeHouseId === safeHouseId)) {
      const a = byUser.get(r.user.id) ?? {
        userId: r.user.id,
        name: r.user.name,
        email: r.user.email,
        organisationName: r.user.organisation.name,
        roles: [],
        active: r.user.active,
        lastLoginAt: r.user.lastLoginAt,
      };
      a.roles.push(r.role);
      byUser.set(r.user.id, a);
    }
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  };
  return [
    ...houses.map((h) => {
      const last = reviews.find((r) => r.safeHouseId === h.id);
      return {
        safeHouseId: h.id,
        title: h.name,
        accounts: group(h.id),
        lastConfirmed: last
          ? { at: last.confirmedAt, byName: reviewers.get(last.confirmedByUserId) ?? '—', accounts: last.accounts }
          : null,
      };
    }),
    { safeHouseId: null, title: 'Rollen zonder Veilig Huis', accounts: group(null), lastConfirmed: null },
  ];
}

/** The review page. Logged. */
export async function accessReview(userId: string): Promise<ReviewGroup[]> {
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const groups = await reviewGroups(tx);
    await log({ action: 'admin.accessReview.view', objectType: 'AccessReview' });
    return groups;
  });
}

export const ACCESS_REVIEW_CSV_HEADER = [
  'Veilig Huis',
  'Naam',
  'E-mailadres',
  'Organisatie',
  'Rollen',
  'Actief',
  'Laatste aanmelding',
] as const;

/** The review as CSV (lib/csv.ts: Excel in nl-BE, no formula injection), with its file name. Logged. */
export async function accessReviewCsv(userId: string, now = new Date()): Promise<{ filename: string; csv: string }> {
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const groups = await reviewGroups(tx);
    const rows = groups.flatMap((g) =>
      g.accounts.map((a) => [
        g.title,
        a.name,
        a.email,
        a.organisationName,
        a.roles.map((r) => ROLE_LABEL[r]).join(', '),
        a.active ? 'ja' : 'nee',
        a.lastLoginAt ? formatDateTime(a.lastLoginAt) : 'nooit',
      ]),
    );
    await log({ action: 'admin.accessReview.export', objectType: 'AccessReview' });
    const day = formatDateNumeric(now).replace(/[^0-9]+/g, '-');
    return { filename: `toegangsreview-${day}.csv`, csv: toCsv([[...ACCESS_REVIEW_CSV_HEADER], ...rows]) };
  });
}

/** "Review confirmed on <date> by <admin> for <safe house>": recorded and logged. */
export async function confirmAccessReview(userId: string, safeHouseId: string): Promise<void> {
  await useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, actor, log }) => {
    const house = await tx.safeHouse.findUnique({ where: { id: safeHouseId }, select: { id: true } });
    if (!house) throw notFound();
    const accounts = await tx.user.count({ where: { roles: { some: { safeHouseId } } } });
    const created = await tx.accessReview.create({
      data: { safeHouseId, confirmedByUserId: actor.userId, accounts },
      select: { id: true },
    });
    await log({ action: 'admin.accessReview.confirm', objectType: 'AccessReview', objectId: created.id, safeHouseId });
  });
}
