import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/access/actor';
import { AppError, sessionEnded } from '@/lib/errors';
import { recordAudit, type AuditInput } from '@/lib/audit/log';
import { db } from './client';
import { sessionTokenFor } from './session-token';

export type Tx = Prisma.TransactionClient;

/** A "not found" that is really "not allowed": rolled back, then logged as a denied attempt. */
export class DeniedError extends AppError {
  constructor(readonly audit: Omit<AuditInput, 'outcome'>) {
    super('NOT_FOUND', 'Niet gevonden.');
  }
}

async function loadActor(tx: Tx, userId: string): Promise<Actor | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, active: true, organisationId: true, organisation: { include: { corePartnerships: true } }, roles: true },
  });
  if (!user || !user.active) return null;
  // accepted, secrecy acknowledged, not left — and not closed: after closure only the
  // coordinators keep access (ADR 0017)
  const [open] = await tx.$queryRaw<{ ids: string[] }[]>`SELECT app_open_participations(${userId}::uuid)::text[] AS ids`;
  const partnerHouses = new Set(user.organisation.corePartnerships.map((c) => c.safeHouseId));
  const housesWith = (...roles: string[]) =>
    [...new Set(user.roles.filter((r) => roles.includes(r.role) && r.safeHouseId).map((r) => r.safeHouseId!))];
  return {
    userId: user.id,
    name: user.name,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    roles: user.roles.map((r) => ({ role: r.role, safeHouseId: r.safeHouseId })),
    coordinatorHouses: housesWith('COORDINATOR', 'COORDINATOR_REPRESENTATIVE'),
    corePartnerHouses: housesWith('CORE_PARTNER_STAFF').filter((h) => partnerHouses.has(h)),
    participantDossiers: open?.ids ?? [],
  };
}

/**
 * Runs `fn` in one interactive transaction as `userId`. The transaction carries only the token
 * of the request's live session (transaction-local); the database derives the actor from it —
 * row-level security trusts nothing else the app could set (ADR 0020). The session must belong
 * to `userId`. The actor is also loaded here, for the policy in code, and passed on. Every use
 * case runs in exactly one of these; pass `tx` down, never use the bare client.
 */
export async function withActor<T>(userId: string, fn: (tx: Tx, actor: Actor) => Promise<T>): Promise<T> {
  const token = await sessionTokenFor(userId);
  if (!token) throw sessionEnded();
  let actorForDenial: Actor | null = null;
  try {
    return await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.session_token', ${token}, true)`;
        const [who] = await tx.$queryRaw<{ uid: string | null }[]>`SELECT app_user_id()::text AS uid`;
        if (who?.uid !== userId) throw sessionEnded();
        const actor = await loadActor(tx, userId);
        if (!actor) throw sessionEnded();
        actorForDenial = actor;
        return fn(tx, actor);
      },
      { maxWait: 5_000, timeout: 20_000 },
    );
  } catch (err) {
    if (err instanceof DeniedError && actorForDenial) {
      const actor: Actor = actorForDenial;
      await db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.session_token', ${token}, true)`;
        await recordAudit(tx, actor, { ...err.audit, outcome: 'DENIED' });
      });
    }
    throw err;
  }
}

/** For the few steps that have no actor yet (login). Still the app role, still under RLS. */
export async function withoutActor<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn, { maxWait: 5_000, timeout: 20_000 });
}
