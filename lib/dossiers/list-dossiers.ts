import 'server-only';
import { z } from '@/lib/validation/zod';
import { withActor } from '@/lib/use-case/kernel';
import { recordAudit } from '@/lib/audit/log';
import { can, dossierWhere } from '@/lib/access/policy';

export const PAGE_SIZE = 25;
const input = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

/** The dossiers the actor may see, newest first, one page at a time. */
export async function listDossiers(userId: string, raw: { page?: unknown }) {
  const { page } = input.parse(raw);
  return withActor(userId, async (tx, actor) => {
    // Roles without content (administrator, DPO, analyst) get an explanation, not an error.
    if (!can(actor, 'dossier.list')) return { allowed: false as const };
    const where = dossierWhere(actor);
    const [total, rows] = await Promise.all([
      tx.dossier.count({ where }),
      tx.dossier.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: {
          id: true,
          reference: true,
          status: true,
          clientSystemLabel: true,
          createdAt: true,
          submittedAt: true,
          referrerUserId: true,
          safeHouse: { select: { name: true } },
        },
      }),
    ]);
    // the list is only logged where there is one (a role without client work sees an explanation)
    await recordAudit(tx, actor, {
      action: 'dossier.list',
      objectType: 'DossierList',
      objectId: `page:${page}`,
      purpose: 'caseWork',
      outcome: 'ALLOWED',
    });
    return { allowed: true as const, page, pageSize: PAGE_SIZE, total, rows };
  });
}
