import 'server-only';
import { AUDIT_ACTION_LABEL, PURPOSE_LABEL } from '@/lib/audit/vocabulary';
import { useCase, type Tx } from '@/lib/use-case/kernel';
import { verifyAfter, type AuditRow } from '@/lib/audit/verify';
import { integrityOf, PAGE_VERIFY_MAX_ROWS, type LogIntegrity } from '@/lib/audit/integrity';
import { describeFilters, parseAuditFilters } from './filters';
import { auditEventWhere, describeEvents, dossierIdForReference, type AuditEventRow } from './query-events';

export const AUDIT_PAGE_SIZE = 50;
/** The page counts matches up to this many; beyond it says "more than" (an exact count of millions of rows is a full scan). */
export const AUDIT_COUNT_CAP = 10_000;
/** How far the page counts the newer rows its own check did not get to. */
const PENDING_COUNT_CAP = 1_000_000;

async function fetchRows(tx: Tx, afterSeq: bigint, limit: number): Promise<AuditRow[]> {
  return tx.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: limit });
}

const checkColumns = {
  verifiedAt: true,
  scope: true,
  toSeq: true,
  toHash: true,
  ok: true,
  brokenAtSeq: true,
  problem: true,
} as const;

/**
 * The chain's state for the page (ADR 0026): the worker's newest check (and newest full check),
 * then this view's own check of at most PAGE_VERIFY_MAX_ROWS rows after it — never the whole log.
 */
async function logIntegrity(tx: Tx): Promise<LogIntegrity> {
  const [latest, latestFull] = await Promise.all([
    tx.auditVerification.findFirst({ orderBy: { id: 'desc' }, select: checkColumns }),
    tx.auditVerification.findFirst({ where: { scope: 'full' }, orderBy: { id: 'desc' }, select: checkColumns }),
  ]);
  let own = null;
  let after = 0;
  if (!(latest && !latest.ok) && !(latestFull && !latestFull.ok)) {
    own = await verifyAfter(
      (from, limit) => fetchRows(tx, from, limit),
      async (seq) => (await tx.auditEvent.findFirst({ where: { seq }, select: { hash: true } }))?.hash ?? null,
      latest ? { afterSeq: latest.toSeq, prevHash: latest.toHash } : null,
      { maxRows: PAGE_VERIFY_MAX_ROWS },
    );
    if (own.ok && !own.complete) {
      // numbers have gaps (ADR 0028): count the rows, capped like the page's own count
      const through = own.lastSeq ?? latest?.toSeq ?? 0n;
      after = await tx.auditEvent.count({ where: { seq: { gt: through } }, take: PENDING_COUNT_CAP });
    }
  }
  return integrityOf({ latest, latestFull, own, after });
}

/**
 * The choices of the filter form, from the reference tables and the access log's closed
 * vocabulary — not from GROUP BYs over the whole log, which grow with every page view (issue 11).
 */
async function filterOptions(tx: Tx) {
  const [users, organisations] = await Promise.all([
    tx.user.findMany({
      select: { id: true, name: true, email: true, organisation: { select: { name: true } } },
      orderBy: [{ name: 'asc' }, { email: 'asc' }],
    }),
    tx.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'nl-BE');
  return {
    // staff accounts, not clients: the e-mail tells apart two colleagues with the same name
    users: users.map((u) => ({ value: u.id, label: `${u.name} (${u.organisation.name}, ${u.email})` })),
    organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
    actions: Object.entries(AUDIT_ACTION_LABEL)
      .map(([value, label]) => ({ value, label }))
      .sort(byLabel),
    purposes: Object.entries(PURPOSE_LABEL)
      .map(([value, label]) => ({ value, label }))
      .sort(byLabel),
  };
}

/**
 * The access log for the DPO / supervisor (memorandum to art. 15): filtered by user,
 * organisation, dossier reference, action, purpose and period (Europe/Brussels days), newest
 * first, 50 per page, with the result of the hash-chain check. Events only — no dossier
 * content. The search itself is logged.
 */
export async function searchAuditEvents(userId: string, raw: Record<string, unknown>) {
  const { values, errors, page } = parseAuditFilters(raw);
  return useCase(userId, { action: 'audit.view', purpose: 'accessLogOversight' }, async ({ tx, log }) => {
    const valid = Object.keys(errors).length === 0;
    const dossierId = valid && values.dossier ? await dossierIdForReference(tx, values.dossier) : null;
    const unknownReference = valid && !!values.dossier && !dossierId;
    const run = valid && !unknownReference;
    const where = auditEventWhere(values, dossierId);

    const [counted, records, verification, options] = await Promise.all([
      run ? tx.auditEvent.count({ where, take: AUDIT_COUNT_CAP + 1 }) : Promise.resolve(0),
      run
        ? tx.auditEvent.findMany({
            where,
            orderBy: { seq: 'desc' },
            skip: (page - 1) * AUDIT_PAGE_SIZE,
            take: AUDIT_PAGE_SIZE,
          })
        : Promise.resolve([]),
      logIntegrity(tx),
      filterOptions(tx),
    ]);
    const events: AuditEventRow[] = await describeEvents(tx, records);
    const totalCapped = counted > AUDIT_COUNT_CAP;
    const total = Math.min(counted, AUDIT_COUNT_CAP);

    await log({
      action: 'audit.view',
      objectType: 'AuditLog',
      objectId: describeFilters(values, { errors, referenceKnown: !!dossierId, extra: { pagina: page } }),
      dossierId,
    });
    return {
      filters: values,
      errors,
      unknownReference,
      page,
      pageSize: AUDIT_PAGE_SIZE,
      total,
      /** true: more than `total` events match (the count stops there) */
      totalCapped,
      pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
      verification,
      events,
      options,
    };
  });
}

export type AuditSearchResult = Awaited<ReturnType<typeof searchAuditEvents>>;
