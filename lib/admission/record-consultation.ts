import 'server-only';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { can, dossierByIdWhere, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { consultationSchema, type ConsultationValues } from './schemas';

/** Art. 5, 2nd para: the coordinator records who at VK/OCJ was consulted, when, and their view. */
export async function recordConsultation(userId: string, dossierId: string, values: ConsultationValues, now = new Date()) {
  const parsed = validateForm(consultationSchema, values);
  if (!parsed.ok) throw invalid('Het overleg is nog niet volledig ingevuld.', parsed.errors);
  const consultedAt = new Date(`${parsed.data.consultedAt}T12:00:00Z`);
  if (consultedAt.getTime() > now.getTime() + 86_400_000) {
    throw invalid('Het overleg kan niet in de toekomst liggen.', { consultedAt: 'De datum ligt in de toekomst.' });
  }
  return withActor(userId, async (tx, actor) => {
    const dossier = await tx.dossier.findFirst({ where: dossierByIdWhere(actor, dossierId), select: DOSSIER_FACTS_SELECT });
    if (!dossier || !can(actor, 'admission.viewAssessment', dossier)) {
      throw new DeniedError({ action: 'admission.consult', objectType: 'Dossier', objectId: dossierId, purpose: 'recordConsultation' });
    }
    if (!can(actor, 'admission.consult', dossier)) throw conflict('Over deze aanmelding is al beslist.');
    const created = await tx.mandatedAgencyConsultation.create({
      data: { ...parsed.data, consultedAt, dossierId, safeHouseId: dossier.safeHouseId, recordedByUserId: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'admission.consult',
      objectType: 'MandatedAgencyConsultation',
      objectId: created.id,
      dossierId,
      safeHouseId: dossier.safeHouseId,
      purpose: 'recordConsultation',
      outcome: 'ALLOWED',
    });
    return created;
  });
}
