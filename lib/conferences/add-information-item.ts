import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { notifyCase, requireDossierAction } from './context';
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
  return withActor(userId, async (tx, actor) => {
    const dossier = await requireDossierAction(tx, actor, dossierId, 'conference.contribute', 'addInformationItem', 'Dit dossier is niet (meer) in traject.');
    if (v.concernsMemberId) {
      const member = await tx.clientMember.findFirst({ where: { id: v.concernsMemberId, dossierId }, select: { id: true } });
      if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { concernsMemberId: 'Onbekend lid.' });
    }
    const latestAgenda = await tx.agendaItem.findFirst({
      where: { dossierId },
      orderBy: { session: { startsAt: 'desc' } },
      select: { id: true },
    });
    const item = await tx.informationItem.create({
      data: {
        dossierId, safeHouseId: dossier.safeHouseId, agendaItemId: latestAgenda?.id ?? null, organisationId: actor.organisationId,
        authorUserId: actor.userId, category: v.category, concernsMemberId: v.concernsMemberId || null, content: v.content,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'conference.contribute', objectType: 'InformationItem', objectId: item.id, dossierId,
      safeHouseId: dossier.safeHouseId, purpose: 'addInformationItem', outcome: 'ALLOWED',
    });
    await notifyCase(tx, dossierId, 'information', item.id);
    return item;
  });
}
