import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validatePartnerInput, type PartnerInputValues } from './schemas';

/**
 * A core partner's written input on a referral that met the criteria of art. 5, before the
 * follow-up decision (art. 11, 2nd para), attributed to the organisation that writes it; one per
 * organisation, which its staff may revise while the input round is open (until its deadline).
 * Only core-partner staff of the dossier's safe house.
 */
export async function savePartnerInput(
  userId: string,
  dossierId: string,
  values: PartnerInputValues,
  now = new Date(),
) {
  const parsed = validatePartnerInput(values);
  if (!parsed.ok) throw invalid('De aanvulling is nog niet in orde. Controleer de gemarkeerde velden.', parsed.errors);
  const need = {
    action: 'partnerInput.write',
    purpose: 'partnerInput',
    dossierId,
    notNow: 'Je kunt (nog) geen aanvulling geven bij dit dossier.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const round = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { inputDeadline: true } });
    if (!round.inputDeadline || now >= round.inputDeadline) {
      throw conflict('De termijn om aan te vullen is verstreken.');
    }
    const data = { ...parsed.data, authorUserId: actor.userId };
    const saved = await tx.partnerInput.upsert({
      where: { dossierId_organisationId: { dossierId, organisationId: actor.organisationId } },
      create: { ...data, dossierId, safeHouseId: dossier.safeHouseId, organisationId: actor.organisationId },
      update: data,
      select: { id: true },
    });
    await log({ objectType: 'PartnerInput', objectId: saved.id });
    return saved;
  });
}
