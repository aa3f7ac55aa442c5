import 'server-only';
import { CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { composeNoticeMail } from '@/lib/mail/notice';
import { appLink, sendMail } from '@/lib/mail/transport';
import { currentParticipation } from '@/lib/participants/current';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { feedbackSchema } from './schemas';

/**
 * Art. 12, 4th para: a standing delegate may give feedback afterwards to the case worker of
 * their organisation, who thereby becomes bound by the conference secrecy. We record that; the
 * note goes into FeedbackNote, which the case worker reads only after acknowledging the secrecy
 * of art. 458ter §2 Sw. (ADR 0036). After commit the case worker gets a mail without personal
 * data or case content: only that feedback waits, with a link.
 */
export async function recordFeedback(
  userId: string,
  dossierId: string,
  values: { caseWorkerUserId: string; givenAt: string; note: string },
) {
  const parsed = validateForm(feedbackSchema, values);
  if (!parsed.ok) throw invalid('De terugkoppeling is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const result = await dossierUseCase(
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
        },
        select: { id: true },
      });
      await tx.feedbackNote.create({
        data: { feedbackRecordId: rec.id, dossierId, safeHouseId: dossier.safeHouseId, note: v.note },
      });
      await log({ objectType: 'FeedbackRecord', objectId: rec.id });
      const [to, house] = await Promise.all([
        tx.user.findUniqueOrThrow({ where: { id: worker.id }, select: { email: true } }),
        tx.safeHouse.findUniqueOrThrow({ where: { id: dossier.safeHouseId }, select: { name: true } }),
      ]);
      return { id: rec.id, to: to.email, house: house.name };
    },
  );
  const url = appLink(`/terugkoppeling#terugkoppeling-${result.id}`);
  const mail = url
    ? await sendMail(composeNoticeMail({ kind: 'feedback', to: result.to, safeHouseName: result.house, url }))
    : ({ delivered: false, reason: 'no-base-url' } as const);
  return { id: result.id, mail };
}
