import 'server-only';
import { DeniedError, useCase } from '@/lib/use-case/kernel';
import { z } from '@/lib/validation/zod';
import { safeHouseNames } from '@/lib/db/house-names';
import { NOTIFICATION_KIND_LABEL, type NotificationKind } from './kinds';

/**
 * One's own notifications (issue 13 §2; ADR 0039): newest first, unread ones marked; nothing about a
 * case but the kind, the Veilig Huis and where it is done. Row-level security shows a user only
 * their own, and lets them change only `readAt`.
 */
export interface MyNotification {
  id: string;
  kind: NotificationKind;
  label: string;
  safeHouseName: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const PAGE = 100;

export async function listMyNotifications(userId: string) {
  return useCase(userId, { action: 'notifications.listOwn', purpose: 'notifications' }, async ({ tx, actor, log }) => {
    const rows = await tx.notification.findMany({
      where: { userId: actor.userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, kind: true, safeHouseId: true, createdAt: true, readAt: true },
      take: PAGE,
    });
    const houses = await safeHouseNames(
      tx,
      rows.map((r) => r.safeHouseId),
    );
    const unread = await tx.notification.count({ where: { userId: actor.userId, readAt: null } });
    await log({ objectType: 'NotificationList' });
    const items: MyNotification[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      label: NOTIFICATION_KIND_LABEL[r.kind as NotificationKind] ?? r.kind,
      safeHouseName: r.safeHouseId ? (houses.get(r.safeHouseId) ?? null) : null,
      createdAt: r.createdAt,
      readAt: r.readAt,
    }));
    return { items, unread };
  });
}

/** How many of one's notifications are unread — for the navigation; no access-log row (no content). */
export async function countUnreadNotifications(userId: string): Promise<number> {
  return useCase(
    userId,
    { action: 'notifications.listOwn', purpose: 'notifications', referenceDataOnly: true },
    ({ tx, actor }) => tx.notification.count({ where: { userId: actor.userId, readAt: null } }),
  );
}

const idSchema = z.uuid();

/**
 * Follows one notification: marks it read (once) and answers where it leads. Someone else's, or an
 * unknown id, is "not found" (null) — row-level security hides it as well.
 */
export async function openNotification(userId: string, notificationId: unknown): Promise<string | null> {
  const id = idSchema.safeParse(notificationId);
  if (!id.success) return null;
  const need = { action: 'notification.read', purpose: 'notifications' } as const;
  try {
    return await useCase(userId, need, async ({ tx, actor, log }) => {
      const row = await tx.notification.findFirst({
        where: { id: id.data, userId: actor.userId },
        select: { id: true, linkPath: true, readAt: true },
      });
      // someone else's looks like one that does not exist; the attempt is logged as denied
      if (!row) throw new DeniedError({ ...need, objectType: 'Notification', objectId: id.data });
      if (!row.readAt)
        await tx.notification.updateMany({ where: { id: row.id, readAt: null }, data: { readAt: new Date() } });
      await log({ objectType: 'Notification', objectId: row.id });
      return row.linkPath;
    });
  } catch (err) {
    if (err instanceof DeniedError) return null;
    throw err;
  }
}

/** Marks all of one's notifications read; returns how many were unread. */
export async function markAllNotificationsRead(userId: string): Promise<number> {
  return useCase(userId, { action: 'notification.readAll', purpose: 'notifications' }, async ({ tx, actor, log }) => {
    const r = await tx.notification.updateMany({
      where: { userId: actor.userId, readAt: null },
      data: { readAt: new Date() },
    });
    await log({ objectType: 'NotificationList' });
    return r.count;
  });
}
