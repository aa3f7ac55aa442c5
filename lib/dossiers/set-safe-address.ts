import 'server-only';
import { z } from '@/lib/validation/zod';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { can, dossierByIdWhere, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { conflict } from '@/lib/errors';

const uuid = z.string().uuid();

/**
 * The coordinator marks (or unmarks) a member's address as a "veilig adres" — e.g. a victim in a
 * shelter: from then on nobody but the coordinator of the holding safe house sees that member's
 * address and phone, not even with a reason (ADR 0017). Logged.
 */
export async function setSafeAddress(userId: string, dossierId: string, memberId: string, safe: boolean) {
  return withActor(userId, async (tx, actor) => {
    const denied = () => new DeniedError({ action: 'member.setSafeAddress', objectType: 'ClientMember', objectId: memberId, purpose: 'setSafeAddress' });
    if (!uuid.safeParse(dossierId).success || !uuid.safeParse(memberId).success) throw denied();
    const dossier = await tx.dossier.findFirst({ where: dossierByIdWhere(actor, dossierId), select: DOSSIER_FACTS_SELECT });
    if (!dossier || !can(actor, 'dossier.view', dossier)) throw denied();
    if (!can(actor, 'member.setSafeAddress', dossier)) {
      if (!actor.coordinatorHouses.includes(dossier.safeHouseId)) throw denied();
      throw conflict('Dat kan nu niet in dit dossier.');
    }
    const updated = await tx.clientMember.updateMany({ where: { id: memberId, dossierId }, data: { safeAddress: safe } });
    if (updated.count !== 1) throw denied();
    await recordAudit(tx, actor, {
      action: 'member.setSafeAddress', objectType: 'ClientMember', objectId: memberId, dossierId, safeHouseId: dossier.safeHouseId,
      purpose: 'setSafeAddress', reason: safe ? 'veilig adres ingesteld' : 'veilig adres opgeheven', outcome: 'ALLOWED',
    });
  });
}
