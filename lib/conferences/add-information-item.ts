import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { informationItemSchema, type InformationItemValues } from './schemas';

/**
 * A participant brings information into the conference (art. 13 §2): attributed to their
 * organisation, tagged with its art. 15 §1 category and, if it is about one member, that
 * member — which is what later decides whether it may be disclosed to that member (art. 14 §2).
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
    const latestAgenda = await tx.agendaItem.findFirst({
      where: { dossierId },
      orderBy: { session: { startsAt: 'desc' } },
      select: { id: true },
    });
    const item = await tx.informationItem.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        agendaItemId: latestAgenda?.id ?? null,
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
