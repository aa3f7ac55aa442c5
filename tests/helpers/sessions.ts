import { ownerDb } from './db';
import { hashSessionToken, newSessionToken } from './session-token';

export interface SessionTimes {
  createdAt?: Date;
  lastSeenAt?: Date;
  expiresAt?: Date;
  idleMinutes?: number;
  revokedAt?: Date;
  /** false: the password step only, the second factor still missing */
  secondFactor?: boolean;
}

/**
 * A session made directly by the owner, as a login on another device would make it (by default
 * complete, 15 idle minutes, 12 hours); returns its token.
 */
export async function ownerSession(userId: string, t: SessionTimes = {}): Promise<string> {
  const token = newSessionToken();
  const createdAt = t.createdAt ?? new Date();
  const factor = t.secondFactor !== false;
  await ownerDb().authSession.create({
    data: {
      userId,
      tokenHash: hashSessionToken(token),
      createdAt,
      lastSeenAt: t.lastSeenAt ?? createdAt,
      expiresAt: t.expiresAt ?? new Date(createdAt.getTime() + 12 * 3_600_000),
      idleMinutes: t.idleMinutes ?? 15,
      secondFactorAt: factor ? createdAt : null,
      secondFactorMethod: factor ? 'TOTP' : null,
      revokedAt: t.revokedAt ?? null,
      revokedReason: t.revokedAt ? 'afgemeld' : null,
    },
  });
  return token;
}

const tokens = new Map<string, string>();

/**
 * A live, completed session for `userId` (made by the owner, as a login would): the database
 * derives the actor from its token (ADR 0020). Reused while it lives; a role change or a
 * deactivation ends it, and the next call makes a new one.
 */
export async function liveSessionToken(userId: string): Promise<string> {
  const cached = tokens.get(userId);
  if (cached) {
    const [row] = await ownerDb().$queryRaw<
      { live: boolean }[]
    >`SELECT (auth_find_session(${cached})).id IS NOT NULL AS live`;
    if (row?.live) return cached;
  }
  const token = await ownerSession(userId, { idleMinutes: 480 });
  tokens.set(userId, token);
  return token;
}
