import 'server-only';
import type { Tx } from '@/lib/use-case/kernel';
import { CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import type { NotificationKind } from './kinds';

/** Who is told; resolved inside the caller's transaction, under its row-level security. */
export type Recipients =
  | { userIds: readonly string[] }
  /** the coordinators (and their representatives) of a safe house */
  | { coordinatorsOf: string }
  /** the core-partner staff of a safe house's core partners (art. 11) */
  | { corePartnerStaffOf: string }
  /** the staff of a mandated agency (VK/OCJ; art. 5) */
  | { agencyStaffOf: string };

export interface NotifyInput {
  kind: NotificationKind;
  /** the object that waits (referral, proposal, invitation …): with the kind, the dedupe key */
  objectId: string;
  safeHouseId: string;
  dossierId?: string | null;
  /** a path in the application, e.g. /te-beantwoorden — never data in it */
  link: string;
  to: Recipients;
  /** users the use case mails itself (the invitation, the plan): in-app only for them */
  directMail?: boolean;
}

async function resolve(tx: Tx, to: Recipients): Promise<string[]> {
  if ('userIds' in to) return [...to.userIds];
  const where =
    'coordinatorsOf' in to
      ? {
          roles: {
            some: {
              role: { in: ['COORDINATOR' as const, 'COORDINATOR_REPRESENTATIVE' as const] },
              safeHouseId: to.coordinatorsOf,
            },
          },
        }
      : 'corePartnerStaffOf' in to
        ? {
            roles: { some: { role: 'CORE_PARTNER_STAFF' as const, safeHouseId: to.corePartnerStaffOf } },
            organisation: { corePartnerships: { some: { safeHouseId: to.corePartnerStaffOf } } },
          }
        : { organisationId: to.agencyStaffOf, roles: { some: { role: 'MANDATED_AGENCY_STAFF' as const } } };
  const users = await tx.user.findMany({ where: { AND: [CLIENT_WORK_USER_WHERE, where] }, select: { id: true } });
  return users.map((u) => u.id);
}

/**
 * Issue 13 §2 (ADR 0039): tells the recipients that something waits for them — one Notification row
 * each, in the caller's transaction (an outbox: no change, no notification; no notification lost
 * after a commit). The worker mails them later according to each one's preference. The row holds
 * no case content: the kind, the safe house, a link path. The actor is never told about their own
 * act; a second call for the same object and kind adds nothing (dedupe key). Returns how many rows.
 */
export async function notifyUsers(tx: Tx, input: NotifyInput): Promise<number> {
  const [actor] = await tx.$queryRaw<{ id: string | null }[]>`SELECT app_user_id() AS id`;
  const me = actor?.id ?? null;
  const ids = [...new Set(await resolve(tx, input.to))].filter((id) => id !== me);
  if (ids.length === 0) return 0;
  const created = await tx.notification.createMany({
    data: ids.map((userId) => ({
      userId,
      kind: input.kind,
      safeHouseId: input.safeHouseId,
      dossierId: input.dossierId ?? null,
      linkPath: input.link,
      dedupeKey: `${input.kind}:${input.objectId}`,
      directMail: input.directMail ?? false,
      createdByUserId: me,
    })),
    skipDuplicates: true,
  });
  return created.count;
}
