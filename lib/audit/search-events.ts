import 'server-only';
import { withActor, type Tx } from '@/lib/db/scoped';
import { can } from '@/lib/access/policy';
import { AppError } from '@/lib/errors';
import { recordAudit } from './log';
import { verifyChain, type AuditRow } from './verify';
import { describeFilters, parseAuditFilters } from './filters';
import { auditEventWhere, describeEvents, dossierIdForReference, type AuditEventRow } from './query-events';

export const AUDIT_PAGE_SIZE = 50;

async function fetchRows(tx: Tx, afterSeq: bigint, limit: number): Promise<AuditRow[]> {
  return tx.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: limit });
}

/** The choices of the filter form: the users, organisations, actions and purposes in the log. */
async function filterOptions(tx: Tx) {
  const [userIds, organisationIds, actions, purposes] = await Promise.all([
    tx.auditEvent.groupBy({ by: ['actorUserId'], where: { actorUserId: { not: null } } }),
    tx.auditEvent.groupBy({ by: ['actorOrganisationId'], where: { actorOrganisationId: { not: null } } }),
    tx.auditEvent.groupBy({ by: ['action'], orderBy: { action: 'asc' } }),
    tx.auditEvent.groupBy({ by: ['purpose'], orderBy: { purpose: 'asc' } }),
  ]);
  const [users, organisations] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: userIds.map((u) => u.actorUserId!).filter(Boolean) } },
      select: { id: true, name: true, email: true, organisation: { select: { name: true } } },
      orderBy: [{ name: 'asc' }, { email: 'asc' }],
    }),
    tx.organisation.findMany({
      where: { id: { in: organisationIds.map((o) => o.actorOrganisationId!).filter(Boolean) } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return {
    // staff accounts, not clients: the e-mail tells apart two colleagues with the same name
    users: users.map((u) => ({ value: u.id, label: `${u.name} (${u.organisation.name}, ${u.email})` })),
    organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
    actions: actions.map((a) => a.action),
    purposes: purposes.map((p) => p.purpose),
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
  return withActor(userId, async (tx, actor) => {
    if (!can(actor, 'audit.view')) throw new AppError('FORBIDDEN_ACTION', 'Geen toegang tot het toegangslog.');
    const valid = Object.keys(errors).length === 0;
    const dossierId = valid && values.dossier ? await dossierIdForReference(tx, values.dossier) : null;
    const unknownReference = valid && !!values.dossier && !dossierId;
    const run = valid && !unknownReference;
    const where = auditEventWhere(values, dossierId);

    const [total, records, verification, options] = await Promise.all([
      run ? tx.auditEvent.count({ where }) : Promise.resolve(0),
      run
        ? tx.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE })
        : Promise.resolve([]),
      verifyChain((after, limit) => fetchRows(tx, after, limit)),
      filterOptions(tx),
    ]);
    const events: AuditEventRow[] = await describeEvents(tx, records);

    await recordAudit(tx, actor, {
      action: 'audit.view',
      objectType: 'AuditLog',
      objectId: describeFilters(values, { errors, referenceKnown: !!dossierId, extra: { pagina: page } }),
      dossierId,
      purpose: 'searchAuditEvents',
      outcome: 'ALLOWED',
    });
    return {
      filters: values,
      errors,
      unknownReference,
      page,
      pageSize: AUDIT_PAGE_SIZE,
      total,
      pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
      verification,
      events,
      options,
    };
  });
}

export type AuditSearchResult = Awaited<ReturnType<typeof searchAuditEvents>>;
