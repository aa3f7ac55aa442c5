import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { currentParticipants, notifyCase, requireDossierAction } from '@/lib/conferences/context';
import { extensionSchema, type ExtensionValues } from './schemas';

/**
 * Art. 15 §3: at closure the retention of 15 years may be extended, to at most 30, because of
 * certain forms of violence or very serious facts — by consensus of the participants. The
 * coordinator puts the proposal to them; every participant then votes (voteRetentionExtension).
 */
export async function proposeRetentionExtension(userId: string, dossierId: string, values: ExtensionValues) {
  const parsed = validateForm(extensionSchema, values);
  if (!parsed.ok) throw invalid('Het voorstel tot verlenging is nog niet in orde.', parsed.errors);
  const v = parsed.data;
  return withActor(userId, async (tx, actor) => {
    const dossier = await requireDossierAction(tx, actor, dossierId, 'retention.propose', 'proposeRetentionExtension', 'Enkel bij een lopend traject.');
    if ((await currentParticipants(tx, dossierId)).length === 0) {
      throw conflict('Er zijn geen deelnemers die over een verlenging kunnen beslissen.');
    }
    const open = await tx.retentionExtension.findFirst({ where: { dossierId, status: { in: ['OPEN', 'APPROVED'] } }, select: { id: true } });
    if (open) throw conflict('Er loopt al een voorstel tot verlenging voor dit dossier.');
    const created = await tx.retentionExtension.create({
      data: { dossierId, safeHouseId: dossier.safeHouseId, years: v.years, ground: v.ground, groundNote: v.groundNote, proposedByUserId: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'retention.propose', objectType: 'RetentionExtension', objectId: created.id, dossierId, safeHouseId: dossier.safeHouseId,
      purpose: 'proposeRetentionExtension', outcome: 'ALLOWED',
    });
    await notifyCase(tx, dossierId, 'retention', created.id);
    return created;
  });
}
