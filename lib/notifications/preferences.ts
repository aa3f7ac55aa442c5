import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { CONFIGURABLE_KINDS, defaultMode, type NotificationKind, type NotificationMode } from './kinds';
import { preferencesSchema } from './schemas';

/**
 * Each user's choice per kind of notification (issue 13 §2; ADR 0039): at once, in the daily
 * digest, or no e-mail (the notification stays in the list in the application). No row: the
 * default of one's roles (lib/notifications/kinds.ts).
 */
export interface MyPreference {
  kind: NotificationKind;
  mode: NotificationMode;
  isDefault: boolean;
}

export async function getMyNotificationPreferences(userId: string): Promise<MyPreference[]> {
  return useCase(
    userId,
    { action: 'notifications.listOwn', purpose: 'notifications', referenceDataOnly: true },
    async ({ tx, actor }) => {
      const rows = await tx.notificationPreference.findMany({
        where: { userId: actor.userId },
        select: { kind: true, mode: true },
      });
      const chosen = new Map(rows.map((r) => [r.kind, r.mode as NotificationMode]));
      const roles = actor.roles.map((r) => r.role);
      return CONFIGURABLE_KINDS.map((kind) => ({
        kind,
        mode: chosen.get(kind) ?? defaultMode(kind, roles),
        isDefault: !chosen.has(kind),
      }));
    },
  );
}

/** Saves the user's choice for every configurable kind. */
export async function saveMyNotificationPreferences(userId: string, values: unknown): Promise<void> {
  const parsed = preferencesSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) errors[String(i.path[0])] = 'Kies een van de drie mogelijkheden.';
    throw invalid('Kies voor elke soort melding hoe je ze wil ontvangen.', errors);
  }
  await useCase(
    userId,
    { action: 'notification.preferences', purpose: 'notifications' },
    async ({ tx, actor, log }) => {
      const now = new Date();
      for (const kind of CONFIGURABLE_KINDS) {
        const mode = parsed.data[kind];
        await tx.notificationPreference.upsert({
          where: { userId_kind: { userId: actor.userId, kind } },
          create: { userId: actor.userId, kind, mode, updatedAt: now },
          update: { mode, updatedAt: now },
        });
      }
      await log({ objectType: 'NotificationPreference' });
    },
  );
}
