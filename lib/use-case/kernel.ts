import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/access/actor';
import {
  can,
  dossierByIdWhere,
  DOSSIER_FACTS_SELECT,
  PERMISSIONS,
  relationsTo,
  type DossierAction,
  type GlobalAction,
} from '@/lib/access/policy';
import { recordAudit, type AuditInput } from '@/lib/audit/log';
import type { AuditAction, Purpose } from '@/lib/audit/vocabulary';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { sessionTokenFor } from '@/lib/db/session-token';
import { AppError, conflict, sessionEnded } from '@/lib/errors';
import { z } from '@/lib/validation/zod';

/**
 * The use-case kernel: every use case runs through one of these. A use case declares what it
 * needs (the action of lib/access/policy.ts, the dossier it is about, its purpose), and the
 * kernel does the rest in one transaction: the actor from the live session, the policy check,
 * "not allowed" as "not found" (logged as a denied attempt), the access-log row, the live
 * notification after commit. ADR 0024.
 */

export type Tx = Prisma.TransactionClient;

/** A "not found" that is really "not allowed": rolled back, then logged as a denied attempt. */
export class DeniedError extends AppError {
  constructor(readonly audit: Omit<AuditInput, 'outcome'>) {
    super('NOT_FOUND', 'Niet gevonden.');
  }
}

/**
 * The actor in one statement (issue 11 §3: it was seven — the session check, the user with its
 * organisation, partnerships and roles as separate queries, the participations): the user the
 * session belongs to, under the same row-level security. Null when the session is not `userId`'s
 * (any more) or the account is inactive.
 */
async function loadActor(tx: Tx, userId: string, token: string): Promise<Actor | null> {
  // app_begin sets the session token for row-level security (and jit off: the app's queries are
  // short, and JIT's start-up cost on an inflated estimate was larger than the query), then reads
  // the actor under it — one statement instead of two (migration 20261204120000_transaction_begin)
  const [row] = await tx.$queryRaw<
    {
      uid: string | null;
      name: string;
      active: boolean;
      organisationId: string;
      organisationName: string;
      roles: { role: Actor['roles'][number]['role']; safeHouseId: string | null }[];
      partnerHouses: string[];
      participantDossiers: string[];
      agencyDossiers: string[];
    }[]
  >`SELECT * FROM app_begin(${token}, ${userId}::uuid)`;
  if (!row || row.uid !== userId || !row.active) return null;
  const partnerHouses = new Set(row.partnerHouses);
  const housesWith = (...roles: string[]) => [
    ...new Set(row.roles.filter((r) => roles.includes(r.role) && r.safeHouseId).map((r) => r.safeHouseId!)),
  ];
  return {
    userId,
    name: row.name,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    roles: row.roles.map((r) => ({ role: r.role, safeHouseId: r.safeHouseId })),
    coordinatorHouses: housesWith('COORDINATOR', 'COORDINATOR_REPRESENTATIVE'),
    corePartnerHouses: housesWith('CORE_PARTNER_STAFF').filter((h) => partnerHouses.has(h)),
    participantDossiers: row.participantDossiers,
    // the database answers only for staff of a mandated agency (app_agency_dossiers)
    agencyDossiers: row.agencyDossiers,
  };
}

/**
 * The interactive transaction's limits, for every transaction of the kernel: it may wait as long
 * as the pool lets a request wait for a connection (DB_ACQUIRE_TIMEOUT_MS; a 5 s wait turned a
 * burst into error pages, and Prisma's own default is 2 s), and it may run 20 s (a stuck
 * transaction must not hold its locks for longer).
 */
function transactionOptions() {
  return { maxWait: env().DB_ACQUIRE_TIMEOUT_MS, timeout: 20_000 };
}

/**
 * Runs `fn` in one interactive transaction as `userId`. The transaction carries only the token
 * of the request's live session (transaction-local); the database derives the actor from it —
 * row-level security trusts nothing else the app could set (ADR 0020). The session must belong
 * to `userId`. The actor is also loaded here, for the policy in code, and passed on. Pass `tx`
 * down, never use the bare client. Use cases use `useCase`/`dossierUseCase` below; this is the
 * layer under them (and the tests' way to act as a user).
 */
export async function withActor<T>(userId: string, fn: (tx: Tx, actor: Actor) => Promise<T>): Promise<T> {
  const token = await sessionTokenFor(userId);
  if (!token) throw sessionEnded();
  let actorForDenial: Actor | null = null;
  try {
    return await db().$transaction(async (tx) => {
      // the session token for row-level security, then the actor under it; the session must be
      // `userId`'s: loadActor answers null otherwise
      const actor = await loadActor(tx, userId, token);
      if (!actor) throw sessionEnded();
      actorForDenial = actor;
      return fn(tx, actor);
    }, transactionOptions());
  } catch (err) {
    if (err instanceof DeniedError && actorForDenial) {
      const actor: Actor = actorForDenial;
      await db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.session_token', ${token}, true)`;
        await recordAudit(tx, actor, { ...err.audit, outcome: 'DENIED' });
      }, transactionOptions());
    }
    throw err;
  }
}

/** For the few steps that have no actor yet (login). Still the app role, still under RLS. */
export async function withoutActor<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(fn, transactionOptions());
}

/**
 * A single statement without an actor (the session check): it is its own transaction, so it
 * needs no interactive one — one round trip instead of three (BEGIN, the statement, COMMIT).
 */
export async function withoutTransaction<T>(fn: (c: Tx) => Promise<T>): Promise<T> {
  return fn(db());
}

/** One access-log row as a use case describes it; the kernel adds who, where and why. */
export interface LogEntry {
  /** defaults to the use case's action */
  action?: AuditAction;
  objectType: string;
  objectId?: string | null;
  /** the user's own words, where they stated a reason */
  reason?: string | null;
  /** defaults to the use case's dossier (dossier use cases) */
  dossierId?: string | null;
  safeHouseId?: string | null;
}

export interface UseCaseContext {
  tx: Tx;
  actor: Actor;
  /** appends an ALLOWED row to the access log, in this transaction */
  log(entry: LogEntry): Promise<void>;
}

export interface UseCaseNeed {
  /** the policy action it performs (global), or the event it logs */
  action: AuditAction;
  purpose: Purpose;
  /**
   * Only for a read of reference data that holds nothing about a person (e.g. the list of safe
   * houses): no access-log row is required. Everything else must log.
   */
  referenceDataOnly?: true;
}

/**
 * A use case on no particular dossier. A policy action is checked with `can`: one the actor's
 * roles do not allow reveals nothing, so it is FORBIDDEN_ACTION. Every run writes at least one
 * access-log row (no audit row, no change).
 */
export async function useCase<T>(
  userId: string,
  need: UseCaseNeed,
  run: (c: UseCaseContext) => Promise<T>,
): Promise<T> {
  return withActor(userId, async (tx, actor) => {
    requireRole(actor, need.action);
    let logged = 0;
    const result = await run({
      tx,
      actor,
      log: async (e) => {
        await recordAudit(tx, actor, { action: need.action, purpose: need.purpose, outcome: 'ALLOWED', ...e });
        logged++;
      },
    });
    if (logged === 0 && !need.referenceDataOnly) throw new Error(`use case ${need.action} wrote no access-log row`);
    return result;
  });
}

/**
 * A global action (lib/access/policy.ts) the actor's roles do not give is FORBIDDEN_ACTION; other
 * actions are decided per dossier. For `useCase`, and for work that continues a use case in later
 * transactions (the pages of a streamed export).
 */
export function requireRole(actor: Actor, action: string): void {
  const rule = (PERMISSIONS as Record<string, { kind: string }>)[action];
  if (rule?.kind === 'global' && !can(actor, action as GlobalAction)) {
    throw new AppError('FORBIDDEN_ACTION', 'Dit onderdeel is niet voor jouw rol.');
  }
}

/** The dossier facts a dossier use case gets: what `can` needs, and what the pages name it by. */
export const DOSSIER_CONTEXT_SELECT = {
  ...DOSSIER_FACTS_SELECT,
  reference: true,
  clientSystemLabel: true,
} as const satisfies Prisma.DossierSelect;
export type DossierContextFacts = Prisma.DossierGetPayload<{ select: typeof DOSSIER_CONTEXT_SELECT }>;

export interface DossierContext extends UseCaseContext {
  dossier: DossierContextFacts;
  /** live update after commit: only ids travel (lib/realtime/bus.ts) */
  notify(kind: string, objectId: string): Promise<void>;
}

export interface DossierNeed {
  action: DossierAction;
  purpose: Purpose;
  /**
   * The dossier, by id — or, for a use case on an object inside it (an item, a proposal), a
   * lookup of the dossier id from that object; `null` is "not found".
   */
  dossierId: string | ((tx: Tx) => Promise<string | null | undefined>);
  /** what a denied attempt is logged against (defaults to the dossier) */
  objectType?: string;
  objectId?: string;
  /**
   * The Dutch explanation when the action is the actor's but not in this state of the dossier
   * (a CONFLICT); `null` for a read that then simply does not exist (e.g. a draft once submitted).
   */
  notNow?: string | null;
}

const UUID = z.uuid();

export type DossierDecision = 'allowed' | 'notNow' | 'denied';

/**
 * The one rule for "may see" and "may do": a dossier the actor has no relation to does not exist
 * for them; an action none of their relations may ever do is not allowed — both "not found". An
 * action their relation may do, but not in this state of the dossier (e.g. after closure), is a
 * CONFLICT with a Dutch explanation.
 */
export function decide(actor: Actor, action: DossierAction, dossier: DossierContextFacts | null): DossierDecision {
  if (!dossier) return 'denied';
  if (can(actor, action, dossier)) return 'allowed';
  const relations = relationsTo(actor, dossier);
  const rule = PERMISSIONS[action];
  if ('relations' in rule && (rule.relations as readonly string[]).some((r) => relations.has(r as never)))
    return 'notNow';
  return 'denied';
}

/** Loads and checks the dossier; throws DeniedError or CONFLICT. For use inside a transaction. */
export async function requireDossier(tx: Tx, actor: Actor, need: DossierNeed): Promise<DossierContextFacts> {
  const raw = typeof need.dossierId === 'string' ? need.dossierId : null;
  const deniedAgainst = (id: string) =>
    new DeniedError({
      action: need.action,
      objectType: need.objectType ?? 'Dossier',
      objectId: (need.objectId ?? id).slice(0, 64),
      purpose: need.purpose,
    });
  // a malformed id (from a URL or a forged bound argument) is "not found", logged as denied
  if (need.objectId !== undefined && !UUID.safeParse(need.objectId).success) throw deniedAgainst(need.objectId);
  const dossierId = raw ?? (await (need.dossierId as (tx: Tx) => Promise<string | null | undefined>)(tx));
  if (!dossierId || !UUID.safeParse(dossierId).success) throw deniedAgainst(dossierId ?? '');
  const dossier = await tx.dossier.findFirst({
    where: dossierByIdWhere(actor, dossierId),
    select: DOSSIER_CONTEXT_SELECT,
  });
  const decision = decide(actor, need.action, dossier);
  if (decision === 'denied' || !dossier || (decision === 'notNow' && need.notNow === null))
    throw deniedAgainst(dossierId);
  if (decision === 'notNow') throw conflict(need.notNow ?? 'Dat kan nu niet in dit dossier.');
  return dossier;
}

/**
 * A use case on one dossier: transaction → dossier facts → policy → run → access-log row(s) →
 * live notification. The run must log at least once (`log`), or nothing is committed.
 */
export async function dossierUseCase<T>(
  userId: string,
  need: DossierNeed,
  run: (c: DossierContext) => Promise<T>,
): Promise<T> {
  return withActor(userId, async (tx, actor) => {
    const dossier = await requireDossier(tx, actor, need);
    let logged = 0;
    const result = await run({
      tx,
      actor,
      dossier,
      log: async (e) => {
        await recordAudit(tx, actor, {
          action: need.action,
          purpose: need.purpose,
          outcome: 'ALLOWED',
          dossierId: dossier.id,
          safeHouseId: dossier.safeHouseId,
          ...e,
        });
        logged++;
      },
      notify: async (kind, objectId) => {
        await tx.$executeRaw`SELECT notify_case_event(${dossier.id}::uuid, ${kind}, ${objectId}::uuid)`;
      },
    });
    if (logged === 0) throw new Error(`use case ${need.action} wrote no access-log row`);
    return result;
  });
}

/** Whether the actor may do `action` on the dossier now — a check without a log row (e.g. the live stream). */
export async function mayDo(userId: string, dossierId: string, action: DossierAction): Promise<boolean> {
  if (!UUID.safeParse(dossierId).success) return false;
  try {
    return await withActor(userId, async (tx, actor) => {
      const dossier = await tx.dossier.findFirst({
        where: dossierByIdWhere(actor, dossierId),
        select: DOSSIER_CONTEXT_SELECT,
      });
      return decide(actor, action, dossier) === 'allowed';
    });
  } catch {
    return false;
  }
}
