import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { finaliseSchema, type FinaliseValues } from './schemas';

/**
 * After the session, the coordinator finalises the minutes of this case (issue 12 §5; ADR 0036):
 * from then on the minutes and decisions of that agenda item do not change — here and in the
 * database (agenda_item_finalised_guard, decision_of_open_item). With it, optionally, the outcome
 * for the referrer: admitted, next steps agreed with them — never the minutes. The plan is then
 * distributed (distribute-plan.ts).
 */
export async function finaliseMinutes(
  userId: string,
  dossierId: string,
  agendaItemId: string,
  values: FinaliseValues,
  now = new Date(),
) {
  const parsed = validateForm(finaliseSchema, values);
  if (!parsed.ok) throw invalid('Het verslag kon niet definitief gemaakt worden.', parsed.errors);
  const need = {
    action: 'conference.finalise',
    purpose: 'caseConference',
    dossierId,
    notNow: 'Dit dossier is niet (meer) in traject.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    const item = await tx.agendaItem.findFirst({
      where: { id: agendaItemId, dossierId },
      select: { id: true, finalisedAt: true, session: { select: { state: true } } },
    });
    if (!item) throw invalid('Onbekend agendapunt.');
    // the minutes are final once the session is over: closed by the coordinator (art. 13; ADR 0033, 0036)
    if (item.session.state !== 'CLOSED')
      throw conflict('Het verslag wordt pas definitief gemaakt nadat het overleg is afgesloten.');
    const updated = await tx.agendaItem.updateMany({
      where: { id: item.id, finalisedAt: null },
      data: { finalisedAt: now, finalisedByUserId: actor.userId },
    });
    if (updated.count !== 1) throw conflict('Het verslag is al definitief.');
    if (parsed.data.referrerOutcome) {
      await tx.referrerOutcome.create({
        data: {
          agendaItemId: item.id,
          dossierId,
          safeHouseId: dossier.safeHouseId,
          text: parsed.data.referrerOutcome,
          writtenByUserId: actor.userId,
          writtenAt: now,
        },
      });
    }
    await log({ objectType: 'AgendaItem', objectId: item.id });
    await notify('finaliseMinutes', item.id);
    return { id: item.id };
  });
}
