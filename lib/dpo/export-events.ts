import 'server-only';
import { CSV_BOM, csvField } from '@/lib/csv';
import { invalid } from '@/lib/errors';
import { sessionTokenFor, withSessionToken } from '@/lib/db/session-token';
import { requireRole, useCase, withActor } from '@/lib/use-case/kernel';
import { brusselsIso, describeFilters, parseAuditFilters } from './filters';
import { auditEventWhere, describeEvents, dossierIdForReference, type AuditEventRow } from './query-events';

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

/** Rows per page of the streamed export: one short transaction each (issue 11 §4). */
export const AUDIT_EXPORT_PAGE_ROWS = 1_000;

export interface AuditExport {
  filename: string;
  /** rows the file holds (at most AUDIT_EXPORT_MAX_ROWS) */
  rows: number;
  /** more rows matched than the file holds */
  truncated: boolean;
  /** the file in pieces: the BOM and header, then one piece per page of rows */
  chunks(): AsyncGenerator<string, void, undefined>;
}

function csvLine(e: AuditEventRow): string {
  return `${[
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
  ]
    .map(csvField)
    .join(';')}\r\n`;
}

/**
 * The filtered access log as CSV for the DPO / supervisor (newest first, at most 50 000 rows;
 * `truncated` says when more matched), with the same filters as the page.
 *
 * Opening the export is the use case: the policy check, the filters, how many rows the file will
 * hold and up to which row, and the access-log row with the filters and that number — in one
 * short transaction. The rows then follow page by page (keyset on seq, at most
 * AUDIT_EXPORT_PAGE_ROWS), each page in its own short transaction as the same user under
 * row-level security, with the right re-checked: the file is streamed, never built in memory,
 * and no transaction stays open while the browser downloads (issue 11 §4). Rows appended after
 * the opening are not part of the file.
 */
export async function openAuditExport(
  userId: string,
  raw: Record<string, unknown>,
  opts: { now?: Date; pageRows?: number } = {},
): Promise<AuditExport> {
  const { values, errors } = parseAuditFilters(raw);
  const pageRows = opts.pageRows ?? AUDIT_EXPORT_PAGE_ROWS;
  // the pages run after the response has started, outside the request's scope: they act in the
  // session the export was opened in (its end ends the download)
  const token = await sessionTokenFor(userId);
  const plan = await useCase(userId, { action: 'audit.export', purpose: 'accessLogOversight' }, async ({ tx, log }) => {
    if (Object.keys(errors).length) throw invalid('De filters van de export zijn niet geldig.', errors);
    const dossierId = values.dossier ? await dossierIdForReference(tx, values.dossier) : null;
    const unknownReference = !!values.dossier && !dossierId;
    const where = auditEventWhere(values, dossierId);
    const newest = unknownReference
      ? null
      : await tx.auditEvent.findFirst({ where, orderBy: { seq: 'desc' }, select: { seq: true } });
    let rows = 0;
    let truncated = false;
    if (newest) {
      const upToNewest = { AND: [where, { seq: { lte: newest.seq } }] };
      // capped: past the cap only "is there one more" is asked, never a full count
      const beyond = await tx.auditEvent.findFirst({
        where: upToNewest,
        orderBy: { seq: 'desc' },
        skip: AUDIT_EXPORT_MAX_ROWS,
        select: { seq: true },
      });
      truncated = !!beyond;
      rows = truncated ? AUDIT_EXPORT_MAX_ROWS : await tx.auditEvent.count({ where: upToNewest });
    }
    await log({
      action: 'audit.export',
      objectType: 'AuditLog',
      objectId: describeFilters(values, {
        referenceKnown: !!dossierId,
        extra: { rijen: rows, ...(truncated ? { afgekapt: 'ja' } : {}) },
      }),
      dossierId,
    });
    return { where, newestSeq: newest?.seq ?? null, rows, truncated };
  });
  const stamp = brusselsIso(opts.now ?? new Date())
    .slice(0, 16)
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return {
    filename: `toegangslog-${stamp}.csv`,
    rows: plan.rows,
    truncated: plan.truncated,
    async *chunks() {
      yield `${CSV_BOM}${AUDIT_CSV_HEADER.map(csvField).join(';')}\r\n`;
      if (plan.newestSeq === null) return;
      let before = plan.newestSeq + 1n;
      let left = plan.rows;
      while (left > 0) {
        const readPage = () =>
          withActor(userId, async (tx, actor) => {
            requireRole(actor, 'audit.export');
            const records = await tx.auditEvent.findMany({
              where: { AND: [plan.where, { seq: { lt: before } }] },
              orderBy: { seq: 'desc' },
              take: Math.min(pageRows, left),
            });
            return describeEvents(tx, records);
          });
        const page = token ? await withSessionToken(token, readPage) : await readPage();
        if (page.length === 0) return;
        yield page.map(csvLine).join('');
        before = BigInt(page.at(-1)!.seq);
        left -= page.length;
      }
    },
  };
}

/** The whole export as one string: for tests and small exports; the route streams `chunks()`. */
export async function exportAuditEvents(
  userId: string,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<{ csv: string; filename: string; rows: number; truncated: boolean }> {
  const exp = await openAuditExport(userId, raw, { now });
  let csv = '';
  for await (const chunk of exp.chunks()) csv += chunk;
  return { csv, filename: exp.filename, rows: exp.rows, truncated: exp.truncated };
}
