import 'server-only';
import { recordAudit } from '@/lib/audit/log';
import { withActor } from '@/lib/use-case/kernel';
import { notFound } from '@/lib/errors';
import { z } from '@/lib/validation/zod';

export interface OwnSession {
  id: string;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  endsAt: Date;
  userAgent: string | null;
  secondFactorMethod: string | null;
}

type Row = {
  session_id: string;
  is_current: boolean;
  created_at: Date;
  last_seen_at: Date;
  ends_at: Date;
  user_agent: string | null;
  method: string | null;
};

/** The signed-in user's own live sessions (ASVS 7.5.2), the current one first. */
export async function listOwnSessions(userId: string): Promise<OwnSession[]> {
  return withActor(userId, async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`SELECT * FROM auth_own_sessions()`;
    return rows.map((r) => ({
      id: r.session_id,
      current: r.is_current,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      endsAt: r.ends_at,
      userAgent: r.user_agent,
      secondFactorMethod: r.method,
    }));
  });
}

const endInput = z.object({ sessionId: z.union([z.uuid(), z.literal('andere')]) });

/** Ends one of the user's other sessions, or ('andere') all of them but the current one. */
export async function endOwnSessions(userId: string, input: unknown): Promise<number> {
  const parsed = endInput.safeParse(input);
  if (!parsed.success) throw notFound();
  const { sessionId } = parsed.data;
  const one = sessionId === 'andere' ? null : sessionId;
  return withActor(userId, async (tx, actor) => {
    const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT auth_end_own_sessions(${one}::uuid) AS n`;
    const count = row?.n ?? 0;
    if (one && count === 0) throw notFound();
    await recordAudit(tx, actor, {
      action: 'auth.session.end',
      objectType: 'Session',
      objectId: one,
      purpose: 'authentication',
      outcome: 'ALLOWED',
    });
    return count;
  });
}
