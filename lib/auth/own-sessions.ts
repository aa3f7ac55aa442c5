import 'server-only';
import { recordAudit } from '@/lib/audit/log';
import { withActor } from '@/lib/db/scoped';
import { AppError } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { idleEnd } from './sessions';

export interface OwnSession {
  id: string;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  endsAt: Date;
  userAgent: string | null;
  secondFactorMethod: string | null;
}

/** A user's own live sessions (ASVS 7.5.2), the current one first. */
export async function listOwnSessions(userId: string, currentSessionId: string, now = new Date()): Promise<OwnSession[]> {
  return withActor(userId, async (tx) => {
    const rows = await tx.authSession.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { lastSeenAt: 'desc' },
    });
    return rows
      .filter((r) => idleEnd(r) > now)
      .map((r) => ({
        id: r.id,
        current: r.id === currentSessionId,
        createdAt: r.createdAt,
        lastSeenAt: r.lastSeenAt,
        endsAt: new Date(Math.min(idleEnd(r).getTime(), r.expiresAt.getTime())),
        userAgent: r.userAgent,
        secondFactorMethod: r.secondFactorMethod,
      }))
      .sort((a, b) => Number(b.current) - Number(a.current));
  });
}

const endInput = z.object({ sessionId: z.union([z.uuid(), z.literal('andere')]) });

/** Ends one of the user's other sessions, or ('andere') all of them but the current one. */
export async function endOwnSessions(userId: string, currentSessionId: string, input: unknown): Promise<number> {
  const parsed = endInput.safeParse(input);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'Niet gevonden.');
  const { sessionId } = parsed.data;
  return withActor(userId, async (tx, actor) => {
    const where =
      sessionId === 'andere'
        ? { userId, revokedAt: null, id: { not: currentSessionId } }
        : { userId, revokedAt: null, id: sessionId };
    if (sessionId === currentSessionId) throw new AppError('NOT_FOUND', 'Niet gevonden.');
    const ended = await tx.authSession.updateMany({ where, data: { revokedAt: new Date(), revokedReason: 'beëindigd door de gebruiker' } });
    if (sessionId !== 'andere' && ended.count === 0) throw new AppError('NOT_FOUND', 'Niet gevonden.');
    await recordAudit(tx, actor, {
      action: 'auth.session.end',
      objectType: 'Session',
      objectId: sessionId === 'andere' ? null : sessionId,
      purpose: 'eigen sessies beheren',
      outcome: 'ALLOWED',
    });
    return ended.count;
  });
}
