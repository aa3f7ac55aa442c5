import 'server-only';
import { z } from '@/lib/validation/zod';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { can, dossierByIdWhere, relationsTo, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { notFound } from '@/lib/errors';

const id = z.string().uuid();

/**
 * One dossier as the actor may see it. A dossier the actor may not see and one that does not
 * exist give the same NOT_FOUND; the attempt is logged as denied.
 */
export async function getDossier(userId: string, dossierId: string) {
  if (!id.safeParse(dossierId).success) throw notFound();
  return withActor(userId, async (tx, actor) => {
    const dossier = await tx.dossier.findFirst({
      where: dossierByIdWhere(actor, dossierId),
      select: {
        ...DOSSIER_FACTS_SELECT,
        reference: true,
        clientSystemLabel: true,
        createdAt: true,
        submittedAt: true,
        decidedAt: true,
        safeHouse: { select: { name: true } },
      },
    });
    if (!dossier || !can(actor, 'dossier.view', dossier)) {
      throw new DeniedError({ action: 'dossier.view', objectType: 'Dossier', objectId: dossierId, purpose: 'getDossier' });
    }
    const members = await tx.clientMember.findMany({
      where: { dossierId: dossier.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, memberRole: true, firstName: true, lastName: true, isMinor: true, dateOfBirth: true },
    });
    await recordAudit(tx, actor, {
      action: 'dossier.view',
      objectType: 'Dossier',
      objectId: dossier.id,
      dossierId: dossier.id,
      safeHouseId: dossier.safeHouseId,
      purpose: 'getDossier',
      outcome: 'ALLOWED',
    });
    return { dossier, members, relations: [...relationsTo(actor, dossier)] };
  });
}
