import { randomBytes } from 'node:crypto';
import { hashSessionToken } from '@/lib/auth/tokens';
import { ownerDb } from './db';

const tokens = new Map<string, string>();

/**
 * A live, completed session for `userId` (made by the owner, as a login would): the database
 * derives the actor from its token (ADR 0020). Reused while it lives; a role change or a
 * deactivation ends it, and the next call makes a new one.
 */
export async function liveSessionToken(userId: string): Promise<string> {
  const cached = tokens.get(userId);
  if (cached) {
    const [row] = await ownerDb().$queryRaw<{ live: boolean }[]>`SELECT (auth_find_session(${cached})).id IS NOT NULL AS live`;
    if (row?.live) return cached;
  }
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await ownerDb().authSession.create({
    data: {
      userId,
      tokenHash: hashSessionToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 3_600_000),
      idleMinutes: 480,
      secondFactorAt: now,
      secondFactorMethod: 'TOTP',
    },
  });
  tokens.set(userId, token);
  return token;
}
