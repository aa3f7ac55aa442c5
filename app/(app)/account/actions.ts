'use server';

import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/auth/session';
import { endOwnSessions } from '@/lib/auth/own-sessions';
import { passkeyRegistrationOptions, registerPasskey, removePasskey } from '@/lib/auth/passkeys';
import { isAppError } from '@/lib/errors';
import { noticeUrl, type Notice } from '@/lib/forms/notices';

/** Ends one other session, or all others ("andere"). The form field is parsed by the use case. */
export async function endSessionAction(fd: FormData): Promise<void> {
  const session = await currentSession();
  if (!session || session.needs) redirect('/login?fout=sessie');
  let notice: Notice<'account'> = 'beeindigd';
  try {
    await endOwnSessions(session.userId, { sessionId: fd.get('sessionId') });
  } catch (err) {
    if (!isAppError(err)) throw err;
    notice = 'onbekend';
  }
  redirect(noticeUrl('account', '/account', notice));
}

export type PasskeyState = { ok: boolean; message?: string; errors: Record<string, string>; version: number };

/** Passkey registration, step 1: options for the browser. */
export async function passkeyRegistrationOptionsAction(): Promise<
  { ok: true; options: unknown } | { ok: false; message: string }
> {
  const session = await currentSession();
  if (!session || session.needs) return { ok: false, message: 'Je sessie is verlopen. Meld je opnieuw aan.' };
  try {
    return { ok: true, options: await passkeyRegistrationOptions(session.userId, session.token) };
  } catch (err) {
    return { ok: false, message: isAppError(err) ? err.message : 'Er ging iets mis. Probeer opnieuw.' };
  }
}

/** Passkey registration, step 2: the authenticator's answer and a name (both checked by the use case). */
export async function registerPasskeyAction(response: unknown, name: unknown): Promise<PasskeyState> {
  const session = await currentSession();
  if (!session || session.needs) redirect('/login?fout=sessie');
  try {
    await registerPasskey(session.userId, session.token, response, name);
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { ok: false, message: err.message, errors: err.fieldErrors ?? {}, version: Date.now() };
  }
  redirect(noticeUrl('account', '/account', 'passkey'));
}

/** Removes one of the user's passkeys; the user's other sessions end with it. */
export async function removePasskeyAction(fd: FormData): Promise<void> {
  const session = await currentSession();
  if (!session || session.needs) redirect('/login?fout=sessie');
  let notice: Notice<'account'> = 'passkey-weg';
  try {
    await removePasskey(session.userId, fd.get('credentialId'));
  } catch (err) {
    if (!isAppError(err)) throw err;
    notice = 'onbekend';
  }
  redirect(noticeUrl('account', '/account', notice));
}
