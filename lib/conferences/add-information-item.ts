import 'server-only';
import { dossierUseCase, type Tx } from '@/lib/use-case/kernel';
import type { Actor } from '@/lib/access/actor';
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
    const item = await shareOnOpenAgenda(
      tx,
      actor,
      { dossierId, safeHouseId: dossier.safeHouseId },
      {
        category: v.category,
        concernsMemberId: v.concernsMemberId || null,
        content: v.content,
      },
    );
    await log({ objectType: 'InformationItem', objectId: item.id });
    await notify('information', item.id);
    return item;
  });
}

/**
 * Information of the actor's organisation on this case's agenda item of the session open now
 * (art. 13 §2; ADR 0033); outside an open session a conflict. Shared by the form and by bringing
 * in a preparation note.
 */
export async function shareOnOpenAgenda(
  tx: Tx,
  actor: Actor,
  place: { dossierId: string; safeHouseId: string },
  info: { category: number; concernsMemberId: string | null; content: string },
) {
  const agenda = await requireOpenAgendaItem(tx, place.dossierId);
  return tx.informationItem.create({
    data: {
      dossierId: place.dossierId,
      safeHouseId: place.safeHouseId,
      agendaItemId: agenda.id,
      organisationId: actor.organisationId,
      authorUserId: actor.userId,
      ...info,
    },
    select: { id: true },
  });
}
