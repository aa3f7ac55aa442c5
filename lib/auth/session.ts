import 'server-only';
import { cache } from 'react';
import { connection } from 'next/server';
import { redirect, notFound } from 'next/navigation';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { isAppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { setSessionTokenResolver } from '@/lib/db/session-token';

/** For a long-lived response (the live-event stream): run each step with the request's session token. */
export { withSessionToken } from '@/lib/db/session-token';
import { findLiveSession, type LiveSession } from './sessions';

/**
 * The sealed next-auth cookie of this request (its session token, its login method). Opened once per
 * request (the cookie's key derivation and decryption were a measurable share of a page's CPU,
 * and every use case asked again: issue 11 §3).
 */
const requestJwt = cache(async () => {
  await connection();
  const cookieStore = await cookies();
  // only the cookie: no bearer header, no other way in
  return getToken({
    req: { cookies: cookieStore, headers: new Headers() } as never,
    secret: env().NEXTAUTH_SECRET,
  }).catch(() => null);
});

export const requestSessionToken = cache(async (): Promise<string | null> => {
  const jwt = await requestJwt();
  return typeof jwt?.sid === 'string' ? jwt.sid : null;
});

/** Whether this request's session was opened through the IdP (signing out then ends its session too). */
export const requestViaIdp = cache(async (): Promise<boolean> => (await requestJwt())?.idp === true);

// Use cases act in the request's session: the database derives the actor from its token.
setSessionTokenResolver(() => requestSessionToken());

/**
 * This request's live session (once per request): every page, action and API call asks the
 * database, so a session that was ended, has expired or was never completed with the second
 * factor stops working at once. A request counts as activity.
 */
export const currentSession = cache(async (): Promise<(LiveSession & { token: string }) | null> => {
  const token = await requestSessionToken();
  if (!token) return null;
  // with the layout's shell: one statement for the check and who is signed in
  const live = await findLiveSession(token, { touch: true, shell: true });
  return live ? { ...live, token } : null;
});

export async function currentUserId(): Promise<string | null> {
  const session = await currentSession();
  return session && !session.needs ? session.userId : null;
}

export async function requireUserId(): Promise<string> {
  const session = await currentSession();
  if (!session) redirect('/login');
  if (session.needs) redirect('/login/tweede-factor');
  return session.userId;
}

/**
 * For pages: runs a read use case for the signed-in user. "Not found" (which includes "not
 * allowed") becomes the 404 page; a session whose user is gone or inactive goes to login.
 */
export async function loadPage<T>(fn: (userId: string) => Promise<T>): Promise<T> {
  const userId = await requireUserId();
  try {
    return await fn(userId);
  } catch (err) {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN_ACTION')) notFound();
    if (isAppError(err) && err.code === 'UNAUTHENTICATED') redirect('/login?fout=sessie');
    throw err;
  }
}
