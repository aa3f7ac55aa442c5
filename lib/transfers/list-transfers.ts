import 'server-only';
import { useCase } from '@/lib/use-case/kernel';

/** Incoming and outgoing transfers of the coordinator's safe houses (reference, houses, reason). */
export async function listTransfers(userId: string) {
  return useCase(userId, { action: 'transfer.view', purpose: 'transfer' }, async ({ tx, actor, log }) => {
    const [requests, houses] = await Promise.all([
      tx.transferRequest.findMany({ orderBy: { createdAt: 'desc' }, take: 200 }),
      tx.safeHouse.findMany({ select: { id: true, name: true } }),
    ]);
    const name = (id: string) => houses.find((h) => h.id === id)?.name ?? '';
    await log({ action: 'transfer.list', objectType: 'TransferList' });
    return requests.map((r) => ({
      ...r,
      fromName: name(r.fromSafeHouseId),
      toName: name(r.toSafeHouseId),
      incoming: actor.coordinatorHouses.includes(r.toSafeHouseId),
    }));
  });
}
