import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { requireOpenAgendaItem } from './open-agenda-item';
import { informationItemSchema, type InformationItemValues } from './schemas';

/**
 * A participant brings information into the conference (art. 13 §2): attributed to their
 * organisation, tagged with its art. 15 §1 category and, if it is about one member, that
 * member — which is what later decides whether it may be disclosed to that member (art. 14 §2).
 * Only during a session of the case that the coordinator opened, and tied to that session's
 * agenda item (art. 13; ADR 0033): information is shared at the conference, not in between.
 */
export async function addInformationItem(userId: string, dossierId: string, values: InformationItemValues) {
  const parsed = validateForm(informationItemSchema, values);
  if (!parsed.ok) throw invalid('De informatie is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const need = {
    action: 'conference.contribute',
    purpose: 'caseConference',
    dossierId,
    notNow: 'Dit dossier is niet (meer) in traject.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    if (v.concernsMemberId) {
      const member = await tx.clientMember.findFirst({
        where: { id: v.concernsMemberId, dossierId },
        select: { id: true },
      });
      if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { concernsMemberId: 'Onbekend lid.' });
    }
    const agenda = await requireOpenAgendaItem(tx, dossierId);
    const item = await tx.informationItem.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        agendaItemId: agenda.id,
        organisationId: actor.organisationId,
        authorUserId: actor.userId,
        category: v.category,
        concernsMemberId: v.concernsMemberId || null,
        content: v.content,
      },
      select: { id: true },
    });
    await log({ objectType: 'InformationItem', objectId: item.id });
    await notify('information', item.id);
    return item;
  });
}
