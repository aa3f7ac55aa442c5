import 'server-only';
import { actionLabel, objectLabel, purposeLabel } from '@/lib/audit/vocabulary';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/use-case/kernel';
import { brusselsDayEnd, brusselsDayStart, type AuditFilterValues } from './filters';

/**
 * Shared by the DPO's page and the CSV export: filters -> a where on "AuditEvent", and events ->
 * rows with names and dossier references. The DPO reads "AuditEvent" under RLS (DPO only) and
 * may not read "Dossier": references come from the DPO-only SQL functions of
 * prisma/migrations/*_dpo_gdpr, which answer with ids and references and nothing else.
 */

/** Reference -> dossier id, also for a purged dossier (its "DeletionRecord"); null if unknown. */
export async function dossierIdForReference(tx: Tx, reference: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string | null }[]>`SELECT audit_dossier_id_for_reference(${reference}) AS id`;
  return rows[0]?.id ?? null;
}

export async function dossierReferences(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ dossierId: string; reference: string }[]>`
    SELECT "dossierId", "reference" FROM audit_dossier_references(${[...ids]}::uuid[])`;
  return new Map(rows.map((r) => [r.dossierId, r.reference]));
}

/**
 * The where for valid filter values. `dossierId` is the resolved reference (null when the
 * reference is unknown: then nothing matches and the caller should not query at all).
 */
export function auditEventWhere(f: AuditFilterValues, dossierId: string | null): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (f.gebruiker) where.actorUserId = f.gebruiker;
  if (f.organisatie) where.actorOrganisationId = f.organisatie;
  // a denied attempt names the dossier only as its object (it is logged without dossierId)
  if (dossierId) where.OR = [{ dossierId }, { objectId: dossierId }];
  if (f.actie) where.action = f.actie;
  if (f.doel) where.purpose = f.doel;
  if (f.van || f.tot) {
    where.occurredAt = {
      ...(f.van ? { gte: brusselsDayStart(f.van) } : {}),
      ...(f.tot ? { lt: brusselsDayEnd(f.tot) } : {}),
    };
  }
  return where;
}

export interface AuditEventRow {
  seq: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorName: string | null;
  actorOrganisationId: string | null;
  organisationName: string | null;
  actorRoles: string;
  action: string;
  objectType: string;
  objectId: string | null;
  /** the object in Dutch, without content (lib/audit/vocabulary.ts) */
  objectLabel: string;
  dossierId: string | null;
  dossierReference: string | null;
  purpose: string;
  actionLabel: string;
  purposeLabel: string;
  reason: string | null;
  outcome: 'ALLOWED' | 'DENIED';
  /** empty until the worker seals the row (ADR 0028) */
  hash: string | null;
}

type EventRecord = Prisma.AuditEventGetPayload<object>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The dossier an event is about: its dossierId, or (denied attempts) an object id that is one. */
const dossierOf = (e: EventRecord) => e.dossierId ?? (e.objectId && UUID.test(e.objectId) ? e.objectId : null);

/** Adds user name, organisation name (of the organisation at the time) and dossier reference. */
export async function describeEvents(tx: Tx, events: EventRecord[]): Promise<AuditEventRow[]> {
  const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const [users, organisations, references] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: distinct(events.map((e) => e.actorUserId)) } },
      select: { id: true, name: true },
    }),
    tx.organisation.findMany({
      where: { id: { in: distinct(events.map((e) => e.actorOrganisationId)) } },
      select: { id: true, name: true },
    }),
    dossierReferences(tx, distinct(events.map(dossierOf))),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  return events.map((e) => {
    const dossierReference = references.get(dossierOf(e) ?? '') ?? null;
    return {
      seq: e.seq.toString(),
      occurredAt: e.occurredAt,
      actorUserId: e.actorUserId,
      actorName: e.actorUserId ? (userName.get(e.actorUserId) ?? null) : null,
      actorOrganisationId: e.actorOrganisationId,
      organisationName: e.actorOrganisationId ? (orgName.get(e.actorOrganisationId) ?? null) : null,
      actorRoles: e.actorRoles,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      dossierId: e.dossierId,
      objectLabel: objectLabel(e.objectType, e.objectId, dossierReference),
      dossierReference,
      purpose: e.purpose,
      actionLabel: actionLabel(e.action),
      purposeLabel: purposeLabel(e.purpose),
      reason: e.reason,
      outcome: e.outcome,
      hash: e.hash,
    };
  });
}
