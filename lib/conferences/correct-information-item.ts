import 'server-only';
import { z } from '@/lib/validation/zod';
import { withActor, DeniedError, type Tx } from '@/lib/db/scoped';
import type { Actor } from '@/lib/access/actor';
import { recordAudit } from '@/lib/audit/log';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { notifyCase, requireDossierAction } from './context';
import { informationItemSchema, type InformationItemValues } from './schemas';

const reasonSchema = z.string().trim().min(5, 'Geef kort de reden (minstens 5 tekens).').max(500, 'Hoogstens 500 tekens.');
const uuid = z.string().uuid();

/**
 * Art. 15 §2: each organisation is responsible for the information it brings in, so it can correct
 * or withdraw its own items — not another organisation's. While an item is part of a proposal to
 * share that is open or approved, it cannot change (the voters agree on exactly that information);
 * once shared, it stays as it was shared. The access log keeps the history (who, when, why; never
 * the content). ADR 0015.
 */
async function ownItem(tx: Tx, actor: Actor, itemId: string, purpose: string) {
  const denied = () => new DeniedError({ action: 'conference.contribute', objectType: 'InformationItem', objectId: itemId, purpose });
  if (!uuid.safeParse(itemId).success) throw denied();
  const item = await tx.informationItem.findFirst({ where: { id: itemId }, include: { disclosures: { include: { proposal: { select: { status: true } } } } } });
  if (!item) throw denied();
  const dossier = await requireDossierAction(tx, actor, item.dossierId, 'conference.contribute', purpose, 'Dit dossier is niet (meer) in traject.');
  if (item.organisationId !== actor.organisationId) throw conflict('Enkel de organisatie die deze informatie inbracht, kan ze rechtzetten of intrekken (art. 15, § 2).');
  if (item.withdrawnAt) throw conflict('Deze informatie werd al ingetrokken.');
  const statuses = item.disclosures.map((d) => d.proposal.status);
  if (statuses.includes('SHARED')) throw conflict('Deze informatie werd al gedeeld en blijft zoals ze gedeeld werd. Breng een rechtzetting in als nieuwe informatie.');
  if (statuses.some((s) => s === 'OPEN' || s === 'APPROVED')) {
    throw conflict('Deze informatie maakt deel uit van een lopend voorstel tot delen. Laat dat voorstel eerst intrekken.');
  }
  return { item, dossier };
}

export async function correctInformationItem(userId: string, itemId: string, values: InformationItemValues & { reason: string }, now = new Date()) {
  const parsed = validateForm(informationItemSchema.extend({ reason: reasonSchema }), values);
  if (!parsed.ok) throw invalid('De rechtzetting is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  return withActor(userId, async (tx, actor) => {
    const { item, dossier } = await ownItem(tx, actor, itemId, 'correctInformationItem');
    if (v.concernsMemberId) {
      const member = await tx.clientMember.findFirst({ where: { id: v.concernsMemberId, dossierId: item.dossierId }, select: { id: true } });
      if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { concernsMemberId: 'Onbekend lid.' });
    }
    await tx.informationItem.update({
      where: { id: item.id },
      data: { category: v.category, concernsMemberId: v.concernsMemberId || null, content: v.content, correctedAt: now },
    });
    await recordAudit(tx, actor, {
      action: 'conference.correctItem', objectType: 'InformationItem', objectId: item.id, dossierId: item.dossierId,
      safeHouseId: dossier.safeHouseId, purpose: 'correctInformationItem', reason: v.reason, outcome: 'ALLOWED',
    });
    await notifyCase(tx, item.dossierId, 'information', item.id);
  });
}

export async function withdrawInformationItem(userId: string, itemId: string, values: { reason: string }, now = new Date()) {
  const reason = reasonSchema.safeParse(values.reason);
  if (!reason.success) throw invalid('Geef de reden van de intrekking.', { reason: reason.error.issues[0]!.message });
  return withActor(userId, async (tx, actor) => {
    const { item, dossier } = await ownItem(tx, actor, itemId, 'withdrawInformationItem');
    await tx.informationItem.update({ where: { id: item.id }, data: { content: '', concernsMemberId: null, withdrawnAt: now } });
    await recordAudit(tx, actor, {
      action: 'conference.withdrawItem', objectType: 'InformationItem', objectId: item.id, dossierId: item.dossierId,
      safeHouseId: dossier.safeHouseId, purpose: 'withdrawInformationItem', reason: reason.data, outcome: 'ALLOWED',
    });
    await notifyCase(tx, item.dossierId, 'information', item.id);
  });
}
