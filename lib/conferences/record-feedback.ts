import 'server-only';
import { CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { currentParticipation } from '@/lib/participants/current';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { feedbackSchema } from './schemas';

/**
 * Art. 12, 4th para: a standing delegate may give feedback afterwards to the case worker of
 * their organisation, who thereby becomes bound by the conference secrecy. We record that.
 */
export async function recordFeedback(
  userId: string,
  dossierId: string,
  values: { caseWorkerUserId: string; givenAt: string; note: string },
) {
  const parsed = validateForm(feedbackSchema, values);
  if (!parsed.ok) throw invalid('De terugkoppeling is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  return dossierUseCase(
    userId,
    { action: 'feedback.record', purpose: 'caseConference', dossierId },
    async ({ tx, actor, dossier, log }) => {
      const me = await currentParticipation(tx, actor, dossierId);
      if (!me || me.attendance !== 'STANDING_DELEGATE')
        throw conflict('Enkel een vaste afgevaardigde registreert terugkoppeling aan een medewerker.');
      const worker = await tx.user.findFirst({
        where: { id: v.caseWorkerUserId, organisationId: me.organisationId, ...CLIENT_WORK_USER_WHERE },
        select: { id: true },
      });
      if (!worker || worker.id === actor.userId)
        throw invalid('Kies een medewerker van je eigen organisatie.', {
          caseWorkerUserId: 'Geen collega van je organisatie.',
        });
      const rec = await tx.feedbackRecord.create({
        data: {
          dossierId,
          safeHouseId: dossier.safeHouseId,
          delegateUserId: actor.userId,
          caseWorkerUserId: worker.id,
          givenAt: new Date(`${v.givenAt}T12:00:00Z`),
          note: v.note,
        },
        select: { id: true },
      });
      await log({ objectType: 'FeedbackRecord', objectId: rec.id });
      return rec;
    },
  );
}
