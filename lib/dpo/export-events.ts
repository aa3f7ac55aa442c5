import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { brusselsIso, describeFilters, parseAuditFilters } from './filters';
import { auditEventWhere, describeEvents, dossierIdForReference } from './query-events';
import { toCsv } from '@/lib/csv';

export const AUDIT_EXPORT_MAX_ROWS = 50_000;

export const AUDIT_CSV_HEADER = [
  'Nr.',
  'Tijdstip (Brussel)',
  'Gebruiker',
  'Gebruiker-id',
  'Organisatie',
  'Organisatie-id',
  'Rollen',
  'Actie',
  'Objecttype',
  'Object-id',
  'Dossierreferentie',
  'Dossier-id',
  'Doel',
  'Reden',
  'Uitkomst',
  'Hash',
] as const;

/**
 * The filtered access log as CSV for the DPO / supervisor (newest first, at most 50 000 rows;
 * `truncated` says when more matched). The same filters as the page; the export is logged with
 * the filters and the number of rows.
 */
export async function exportAuditEvents(userId: string, raw: Record<string, unknown>, now = new Date()) {
  const { values, errors } = parseAuditFilters(raw);
  return useCase(userId, { action: 'audit.export', purpose: 'accessLogOversight' }, async ({ tx, log }) => {
    if (Object.keys(errors).length) throw invalid('De filters van de export zijn niet geldig.', errors);
    const dossierId = values.dossier ? await dossierIdForReference(tx, values.dossier) : null;
    const unknownReference = !!values.dossier && !dossierId;
    const records = unknownReference
      ? []
      : await tx.auditEvent.findMany({
          where: auditEventWhere(values, dossierId),
          orderBy: { seq: 'desc' },
          take: AUDIT_EXPORT_MAX_ROWS + 1,
        });
    const truncated = records.length > AUDIT_EXPORT_MAX_ROWS;
    const events = await describeEvents(tx, records.slice(0, AUDIT_EXPORT_MAX_ROWS));
    const csv = toCsv([
      AUDIT_CSV_HEADER,
      ...events.map((e) => [
        e.seq,
        brusselsIso(e.occurredAt),
        e.actorName ?? (e.actorUserId ? 'onbekend account' : 'systeem'),
        e.actorUserId,
        e.organisationName,
        e.actorOrganisationId,
        e.actorRoles,
        e.action,
        e.objectType,
        e.objectId,
        e.dossierReference,
        e.dossierId,
        e.purpose,
        e.reason,
        e.outcome === 'ALLOWED' ? 'toegestaan' : 'geweigerd',
        e.hash,
      ]),
    ]);
    await log({
      action: 'audit.export',
      objectType: 'AuditLog',
      objectId: describeFilters(values, {
        referenceKnown: !!dossierId,
        extra: { rijen: events.length, ...(truncated ? { afgekapt: 'ja' } : {}) },
      }),
      dossierId,
    });
    const stamp = brusselsIso(now).slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return { csv, filename: `toegangslog-${stamp}.csv`, rows: events.length, truncated };
  });
}
