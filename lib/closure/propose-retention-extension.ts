import 'server-only';
import { notifyUsers } from '@/lib/notifications/notify';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { freezeVoters, votersFor } from '@/lib/consensus/voters';
import { isAgendaItemOpen, NO_OPEN_SESSION } from '@/lib/conferences/open-agenda-item';
import { extensionSchema, type ExtensionValues } from './schemas';

/**
 * Art. 15 §3: at closure the retention may be extended beyond 15 years, to at most 30, because of
 * certain forms of violence or very serious facts — by consensus of the participants, decided at
 * the closing conference. The coordinator puts the proposal at that session (an agenda item of
 * this case); the participants then and the chairing coordinator are frozen as the voters
 * (ADR 0014), and only an extension approved at the session the dossier is closed at counts.
 */
export async function proposeRetentionExtension(
  userId: string,
  dossierId: string,
  values: ExtensionValues,
  now = new Date(),
) {
  const parsed = validateForm(extensionSchema, values);
  if (!parsed.ok) throw invalid('Het voorstel tot verlenging is nog niet in orde.', parsed.errors);
  const v = parsed.data;
  const need = {
    action: 'retention.propose',
    purpose: 'closure',
    dossierId,
    notNow: 'Enkel bij een lopend traject.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    const agenda = await tx.agendaItem.findFirst({ where: { id: v.agendaItemId, dossierId }, select: { id: true } });
    if (!agenda)
      throw invalid('Kies het overleg van deze casus dat de afrondingstafel is.', {
        agendaItemId: 'Onbekend overleg.',
      });
    // decided at the closing conference while it is open (art. 13, art. 15 §3; ADR 0033)
    if (!(await isAgendaItemOpen(tx, agenda.id, dossierId))) throw conflict(NO_OPEN_SESSION);
    const voters = await votersFor(tx, dossierId, agenda.id);
    if (!voters.some((p) => p.capacity === 'PARTICIPANT')) {
      throw conflict('Er zijn geen deelnemers die over een verlenging kunnen beslissen.');
    }
    const open = await tx.retentionExtension.findFirst({
      where: { dossierId, OR: [{ status: 'OPEN' }, { status: 'APPROVED', agendaItemId: agenda.id }] },
      select: { id: true },
    });
    if (open) throw conflict('Er loopt al een voorstel tot verlenging voor deze afrondingstafel.');
    const created = await tx.retentionExtension.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        years: v.years,
        ground: v.ground,
        groundNote: v.groundNote,
        proposedByUserId: actor.userId,
        agendaItemId: agenda.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await freezeVoters(tx, 'retention', created.id, { id: dossierId, safeHouseId: dossier.safeHouseId }, voters);
    await log({ objectType: 'RetentionExtension', objectId: created.id });
    await notify('retention', created.id);
    await notifyUsers(tx, {
      kind: 'RETENTION_VOTE',
      objectId: created.id,
      safeHouseId: dossier.safeHouseId,
      dossierId,
      link: `/dossiers/${dossierId}/casusoverleg`,
      to: { userIds: voters.map((p) => p.userId) },
    });
    return created;
  });
}
