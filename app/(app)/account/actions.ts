'use server';

import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/auth/session';
import { endOwnSessions } from '@/lib/auth/own-sessions';
import { isAppError } from '@/lib/errors';

/** Ends one other session, or all others ("andere"). The form field is parsed by the use case. */
export async function endSessionAction(fd: FormData): Promise<void> {
  const session = await currentSession();
  if (!session || session.needs) redirect('/login?fout=sessie');
  let notice = 'beeindigd';
  try {
    await endOwnSessions(session.userId, { sessionId: fd.get('sessionId') });
  } catch (err) {
    if (!isAppError(err)) throw err;
    notice = 'onbekend';
  }
  redirect(`/account?melding=${notice}`);
}
