import 'server-only';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { can, dossierByIdWhere, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { conflict, invalid } from '@/lib/errors';
import { validatePartnerInput, type PartnerInputValues } from './schemas';

/**
 * A core partner's written input on an admitted referral (art. 11, 2nd para), attributed to the
 * organisation that writes it; one per organisation, which its staff may revise while the input
 * round is open. Only core-partner staff of the dossier's safe house.
 */
export async function savePartnerInput(userId: string, dossierId: string, values: PartnerInputValues) {
  const parsed = validatePartnerInput(values);
  if (!parsed.ok) throw invalid('De aanvulling is nog niet in orde. Controleer de gemarkeerde velden.', parsed.errors);
  return withActor(userId, async (tx, actor) => {
    const dossier = await tx.dossier.findFirst({ where: dossierByIdWhere(actor, dossierId), select: DOSSIER_FACTS_SELECT });
    if (!dossier || !can(actor, 'partnerInput.write', dossier)) {
      if (dossier && can(actor, 'dossier.view', dossier)) throw conflict('Je kunt (nog) geen aanvulling geven bij dit dossier.');
      throw new DeniedError({ action: 'partnerInput.write', objectType: 'Dossier', objectId: dossierId, purpose: 'savePartnerInput' });
    }
    const data = { ...parsed.data, authorUserId: actor.userId };
    const saved = await tx.partnerInput.upsert({
      where: { dossierId_organisationId: { dossierId, organisationId: actor.organisationId } },
      create: { ...data, dossierId, safeHouseId: dossier.safeHouseId, organisationId: actor.organisationId },
      update: data,
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'partnerInput.write',
      objectType: 'PartnerInput',
      objectId: saved.id,
      dossierId,
      safeHouseId: dossier.safeHouseId,
      purpose: 'savePartnerInput',
      outcome: 'ALLOWED',
    });
    return saved;
  });
}
