import 'server-only';
import { z } from '@/lib/validation/zod';
import { withActor, type Tx } from '@/lib/db/scoped';
import { can } from '@/lib/access/policy';
import { AppError } from '@/lib/errors';
import { recordAudit } from './log';
import { verifyChain, type AuditRow } from './verify';

const PAGE_SIZE = 50;
const input = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

async function fetchRows(tx: Tx, afterSeq: bigint, limit: number): Promise<AuditRow[]> {
  return tx.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: limit });
}

/** The access log for the DPO / supervisor: events only, no dossier content; with chain check. */
export async function listAuditEvents(userId: string, raw: { page?: unknown }) {
  const { page } = input.parse(raw);
  return withActor(userId, async (tx, actor) => {
    if (!can(actor, 'audit.view')) throw new AppError('FORBIDDEN_ACTION', 'Geen toegang tot het toegangslog.');
    const [total, events, verification] = await Promise.all([
      tx.auditEvent.count(),
      tx.auditEvent.findMany({ orderBy: { seq: 'desc' }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
      verifyChain((after, limit) => fetchRows(tx, after, limit)),
    ]);
    const userIds = [...new Set(events.map((e) => e.actorUserId).filter((u): u is string => !!u))];
    const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, organisation: { select: { name: true } } } });
    await recordAudit(tx, actor, { action: 'audit.view', objectType: 'AuditLog', objectId: `page:${page}`, purpose: 'listAuditEvents', outcome: 'ALLOWED' });
    return {
      page,
      pageSize: PAGE_SIZE,
      total,
      verification,
      events: events.map((e) => ({ ...e, actor: users.find((u) => u.id === e.actorUserId) ?? null })),
    };
  });
}
