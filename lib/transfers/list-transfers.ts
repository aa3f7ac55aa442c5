import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { can } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';

/** Incoming and outgoing transfers of the coordinator's safe houses (reference, houses, reason). */
export async function listTransfers(userId: string) {
  return withActor(userId, async (tx, actor) => {
    if (!can(actor, 'transfer.view')) throw new AppError('FORBIDDEN_ACTION', 'Enkel voor coördinatoren.');
    const [requests, houses] = await Promise.all([
      tx.transferRequest.findMany({ orderBy: { createdAt: 'desc' }, take: 200 }),
      tx.safeHouse.findMany({ select: { id: true, name: true } }),
    ]);
    const name = (id: string) => houses.find((h) => h.id === id)?.name ?? '';
    await recordAudit(tx, actor, { action: 'transfer.list', objectType: 'TransferList', purpose: 'listTransfers', outcome: 'ALLOWED' });
    return requests.map((r) => ({
      ...r,
      fromName: name(r.fromSafeHouseId),
      toName: name(r.toSafeHouseId),
      incoming: actor.coordinatorHouses.includes(r.toSafeHouseId),
    }));
  });
}
