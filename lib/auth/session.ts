import 'server-only';
import { connection } from 'next/server';
import { redirect, notFound } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { isAppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { authOptions } from './options';

export async function currentUserId(): Promise<string | null> {
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  if (Date.now() - session.authTime > env().SESSION_MAX_HOURS * 3_600_000) return null;
  return session.user.id;
}

export async function requireUserId(): Promise<string> {
  const id = await currentUserId();
  if (!id) redirect('/login');
  return id;
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
