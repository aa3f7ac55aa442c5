'use server';

import { redirect } from 'next/navigation';
import { requireUserId } from '@/lib/auth/session';
import { bound } from '@/lib/forms/bound';
import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';
import { markAllNotificationsRead, openNotification } from '@/lib/notifications/my-notifications';
import { saveMyNotificationPreferences } from '@/lib/notifications/preferences';
import { preferencesSchema } from '@/lib/notifications/schemas';

/** Follows one notification: marked read, then to where it is done (someone else's: back to the list). */
export async function openNotificationAction(notificationId: string): Promise<void> {
  await bound({ notificationId });
  const userId = await requireUserId();
  const link = await openNotification(userId, notificationId);
  redirect(link ?? '/meldingen');
}

export async function markAllReadAction(): Promise<void> {
  const userId = await requireUserId();
  await markAllNotificationsRead(userId);
  redirect(noticeUrl('notifications', '/meldingen', 'gelezen'));
}

/** Per kind: at once, in the daily digest, or no e-mail (ADR 0039). */
export const savePreferencesAction = formAction({
  bound: [],
  schema: preferencesSchema,
  run: (u, v) => saveMyNotificationPreferences(u, v),
  done: () => noticeUrl('notifications', '/account/meldingen', 'voorkeuren'),
});
