import 'server-only';
import { CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import { withActor } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { currentParticipation, requireDossierAction } from './context';
import { feedbackSchema } from './schemas';

/**
 * Art. 12, 4th para: a standing delegate may give feedback afterwards to the case worker of
 * their organisation, who thereby becomes bound by the conference secrecy. We record that.
 */
export async function recordFeedback(userId: string, dossierId: string, values: { caseWorkerUserId: string; givenAt: string; note: string }) {
  const parsed = validateForm(feedbackSchema, values);
  if (!parsed.ok) throw invalid('De terugkoppeling is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  return withActor(userId, async (tx, actor) => {
    const dossier = await requireDossierAction(tx, actor, dossierId, 'feedback.record', 'recordFeedback');
    const me = await currentParticipation(tx, actor, dossierId);
    if (!me || me.attendance !== 'STANDING_DELEGATE') throw conflict('Enkel een vaste afgevaardigde registreert terugkoppeling aan een medewerker.');
    const worker = await tx.user.findFirst({ where: { id: v.caseWorkerUserId, organisationId: me.organisationId, ...CLIENT_WORK_USER_WHERE }, select: { id: true } });
    if (!worker || worker.id === actor.userId) throw invalid('Kies een medewerker van je eigen organisatie.', { caseWorkerUserId: 'Geen collega van je organisatie.' });
    const rec = await tx.feedbackRecord.create({
      data: {
        dossierId, safeHouseId: dossier.safeHouseId, delegateUserId: actor.userId, caseWorkerUserId: worker.id,
        givenAt: new Date(`${v.givenAt}T12:00:00Z`), note: v.note,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'feedback.record', objectType: 'FeedbackRecord', objectId: rec.id, dossierId, safeHouseId: dossier.safeHouseId,
      purpose: 'recordFeedback', outcome: 'ALLOWED',
    });
    return rec;
  });
}
