import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { consultationSchema, type ConsultationValues } from './schemas';

/** Art. 5, 2nd para: the coordinator records who at VK/OCJ was consulted, when, and their view. */
export async function recordConsultation(
  userId: string,
  dossierId: string,
  values: ConsultationValues,
  now = new Date(),
) {
  const parsed = validateForm(consultationSchema, values);
  if (!parsed.ok) throw invalid('Het overleg is nog niet volledig ingevuld.', parsed.errors);
  const consultedAt = new Date(`${parsed.data.consultedAt}T12:00:00Z`);
  if (consultedAt.getTime() > now.getTime() + 86_400_000) {
    throw invalid('Het overleg kan niet in de toekomst liggen.', { consultedAt: 'De datum ligt in de toekomst.' });
  }
  const need = {
    action: 'admission.consult',
    purpose: 'admission',
    dossierId,
    notNow: 'Over deze aanmelding is al beslist.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const created = await tx.mandatedAgencyConsultation.create({
      data: {
        ...parsed.data,
        consultedAt,
        dossierId,
        safeHouseId: dossier.safeHouseId,
        recordedByUserId: actor.userId,
      },
      select: { id: true },
    });
    await log({ objectType: 'MandatedAgencyConsultation', objectId: created.id });
    return created;
  });
}
