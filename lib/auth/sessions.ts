import 'server-only';
import type { Role } from '@/lib/generated/prisma/enums';
import type { SecondFactorMethod } from '@/lib/generated/prisma/enums';
import { CLIENT_WORK_ROLES } from '@/lib/access/policy';
import { withoutActor, type Tx } from '@/lib/db/scoped';
import { env } from '@/lib/env';
import { hashSessionToken, isSessionTokenShape, newSessionToken } from './tokens';

/**
 * Server-side sessions (ASVS 5.0 ch. 7; ADR 0018). The browser's cookie (a JWT sealed by
 * next-auth) carries a random token; the database holds its SHA-256 and decides whether the
 * session lives: not ended, not past its absolute end, active within its idle time, and — for
 * a password login — confirmed with a second factor. Sign-out, deactivation, a password or role
 * change end it at once (triggers in migration 20261203100000).
 */

const CONTENT_ROLES: readonly Role[] = [...CLIENT_WORK_ROLES, 'DPO'];

/** Idle minutes for a user: short for everyone who sees case content or the access log. */
export function idleMinutesFor(roles: readonly Role[]): number {
  const e = env();
  return roles.some((r) => CONTENT_ROLES.includes(r)) ? e.SESSION_IDLE_MINUTES : e.SESSION_IDLE_MINUTES_NO_CONTENT;
}

export interface NewSession {
  userId: string;
  roles: readonly Role[];
  secondFactor?: SecondFactorMethod;
  userAgent?: string | null;
  clientAddress?: string | null;
  now?: Date;
}

export async function createSession(tx: Tx, s: NewSession): Promise<string> {
  const token = newSessionToken();
  const now = s.now ?? new Date();
  await tx.authSession.create({
    data: {
      userId: s.userId,
      tokenHash: hashSessionToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
      idleMinutes: idleMinutesFor(s.roles),
      secondFactorAt: s.secondFactor ? now : null,
      secondFactorMethod: s.secondFactor ?? null,
      userAgent: s.userAgent?.slice(0, 300) ?? null,
      clientAddress: s.clientAddress?.slice(0, 100) ?? null,
    },
  });
  return token;
}

export interface LiveSession {
  id: string;
  userId: string;
  /** what is still missing before the user may work: the second factor, or its enrolment */
  needs: null | 'enrol' | 'verify';
  idleMinutes: number;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The moment an idle session ends. */
export const idleEnd = (s: { lastSeenAt: Date; idleMinutes: number }) => new Date(s.lastSeenAt.getTime() + s.idleMinutes * 60_000);

/**
 * The live session for a token, or null. With `touch`, this request counts as activity (at most
 * one write per 30 s). A status poll or a live-event stream does not touch.
 */
export async function findLiveSession(token: unknown, opts: { touch?: boolean; now?: Date } = {}, txIn?: Tx): Promise<LiveSession | null> {
  if (!isSessionTokenShape(token)) return null;
  const run = async (tx: Tx) => {
    const now = opts.now ?? new Date();
    const row = await tx.authSession.findUnique({
      where: { tokenHash: hashSessionToken(token) },
      include: { user: { select: { active: true, passwordHash: true, totp: { select: { confirmedAt: true } } } } },
    });
    if (!row || row.revokedAt || !row.user.active || row.expiresAt <= now || idleEnd(row) <= now) return null;
    let lastSeenAt = row.lastSeenAt;
    if (opts.touch && now.getTime() - row.lastSeenAt.getTime() > 30_000) {
      const touched = await tx.authSession.updateMany({ where: { id: row.id, revokedAt: null, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: now } });
      if (touched.count) lastSeenAt = now;
    }
    const needs = row.secondFactorAt ? null : row.user.totp?.confirmedAt ? 'verify' : 'enrol';
    return { id: row.id, userId: row.userId, needs, idleMinutes: row.idleMinutes, lastSeenAt, expiresAt: row.expiresAt } as LiveSession;
  };
  return txIn ? run(txIn) : withoutActor(run);
}

/** Ends the session of this token (sign-out). */
export async function endSession(token: unknown, reason = 'afgemeld'): Promise<void> {
  if (!isSessionTokenShape(token)) return;
  await withoutActor((tx) =>
    tx.authSession.updateMany({ where: { tokenHash: hashSessionToken(token), revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } }),
  );
}
