import 'server-only';
import { z } from '@/lib/validation/zod';
import { dossierUseCase, type DossierContext, type DossierNeed } from '@/lib/use-case/kernel';
import type { AuditAction } from '@/lib/audit/vocabulary';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { informationItemSchema, type InformationItemValues } from './schemas';

const reasonSchema = z
  .string()
  .trim()
  .min(5, 'Geef kort de reden (minstens 5 tekens).')
  .max(500, 'Hoogstens 500 tekens.');
/** The forms: a correction is the item again with a reason; a withdrawal only the reason. */
export const correctionSchema = informationItemSchema.extend({ reason: reasonSchema });
export const withdrawalSchema = z.object({ reason: reasonSchema });

/**
 * Art. 15 §2: each organisation is responsible for the information it brings in, so it can correct
 * or withdraw its own items — not another organisation's. While an item is part of a proposal to
 * share that is open or approved, it cannot change (the voters agree on exactly that information);
 * once shared, it stays as it was shared. The access log keeps the history (who, when, why; never
 * the content). ADR 0015.
 */
const itemNeed = (itemId: string): DossierNeed => ({
  action: 'conference.contribute',
  purpose: 'caseConference',
  objectType: 'InformationItem',
  objectId: itemId,
  dossierId: async (tx) =>
    (await tx.informationItem.findFirst({ where: { id: itemId }, select: { dossierId: true } }))?.dossierId,
  notNow: 'Dit dossier is niet (meer) in traject.',
});

async function ownItem({ tx, actor }: DossierContext, itemId: string) {
  const item = await tx.informationItem.findFirstOrThrow({
    where: { id: itemId },
    include: { disclosures: { include: { proposal: { select: { status: true } } } } },
  });
  if (item.organisationId !== actor.organisationId)
    throw conflict(
      'Enkel de organisatie die deze informatie inbracht, kan ze rechtzetten of intrekken (art. 15, § 2).',
    );
  if (item.withdrawnAt) throw conflict('Deze informatie werd al ingetrokken.');
  const statuses = item.disclosures.map((d) => d.proposal.status);
  if (statuses.includes('SHARED'))
    throw conflict(
      'Deze informatie werd al gedeeld en blijft zoals ze gedeeld werd. Breng een rechtzetting in als nieuwe informatie.',
    );
  if (statuses.some((s) => s === 'OPEN' || s === 'APPROVED')) {
    throw conflict(
      'Deze informatie maakt deel uit van een lopend voorstel tot delen. Laat dat voorstel eerst intrekken.',
    );
  }
  return item;
}

const logItem = (c: DossierContext, action: AuditAction, itemId: string, reason: string) =>
  c.log({ action, objectType: 'InformationItem', objectId: itemId, reason });

export async function correctInformationItem(
  userId: string,
  itemId: string,
  values: InformationItemValues & { reason: string },
  now = new Date(),
) {
  const parsed = validateForm(correctionSchema, values);
  if (!parsed.ok) throw invalid('De rechtzetting is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  return dossierUseCase(userId, itemNeed(itemId), async (c) => {
    const item = await ownItem(c, itemId);
    if (v.concernsMemberId) {
      const member = await c.tx.clientMember.findFirst({
        where: { id: v.concernsMemberId, dossierId: item.dossierId },
        select: { id: true },
      });
      if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { concernsMemberId: 'Onbekend lid.' });
    }
    await c.tx.informationItem.update({
      where: { id: item.id },
      data: {
        category: v.category,
        concernsMemberId: v.concernsMemberId || null,
        content: v.content,
        correctedAt: now,
      },
    });
    await logItem(c, 'conference.correctItem', item.id, v.reason);
    await c.notify('information', item.id);
  });
}

export async function withdrawInformationItem(
  userId: string,
  itemId: string,
  values: { reason: string },
  now = new Date(),
) {
  const reason = reasonSchema.safeParse(values.reason);
  if (!reason.success) throw invalid('Geef de reden van de intrekking.', { reason: reason.error.issues[0]!.message });
  return dossierUseCase(userId, itemNeed(itemId), async (c) => {
    const item = await ownItem(c, itemId);
    await c.tx.informationItem.update({
      where: { id: item.id },
      data: { content: '', concernsMemberId: null, withdrawnAt: now },
    });
    await logItem(c, 'conference.withdrawItem', item.id, reason.data);
    await c.notify('information', item.id);
  });
}
