import 'server-only';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { conflict } from '@/lib/errors';
import { consensusOutcome } from '@/lib/consensus/outcome';
import { currentParticipants, currentParticipation, notifyCase, requireDossierAction } from '@/lib/conferences/context';

/** A participant's vote on a longer retention; one objection blocks it, all must agree. */
export async function voteRetentionExtension(userId: string, extensionId: string, vote: 'AGREE' | 'OBJECT', now = new Date()) {
  return withActor(userId, async (tx, actor) => {
    const ext = await tx.retentionExtension.findFirst({ where: { id: extensionId }, select: { id: true, dossierId: true } });
    if (!ext) throw new DeniedError({ action: 'retention.vote', objectType: 'RetentionExtension', objectId: extensionId, purpose: 'voteRetentionExtension' });
    const dossier = await requireDossierAction(tx, actor, ext.dossierId, 'retention.vote', 'voteRetentionExtension', 'Enkel deelnemers stemmen over een verlenging.');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${extensionId}, 7270415))`;
    if (!(await currentParticipation(tx, actor, ext.dossierId))) throw conflict('Je neemt niet (meer) deel aan deze casus.');
    const status = (await tx.retentionExtension.findUniqueOrThrow({ where: { id: extensionId }, select: { status: true } })).status;
    if (status !== 'OPEN') throw conflict('Over deze verlenging is al beslist.');
    if (await tx.retentionVote.findUnique({ where: { extensionId_userId: { extensionId, userId: actor.userId } } })) {
      throw conflict('Je hebt al gestemd over deze verlenging.');
    }
    await tx.retentionVote.create({ data: { extensionId, dossierId: ext.dossierId, safeHouseId: dossier.safeHouseId, userId: actor.userId, vote, votedAt: now } });
    const [participants, votes] = await Promise.all([currentParticipants(tx, ext.dossierId), tx.retentionVote.findMany({ where: { extensionId } })]);
    const outcome = consensusOutcome(participants.map((p) => p.userId), votes);
    if (outcome !== 'OPEN') await tx.retentionExtension.update({ where: { id: extensionId }, data: { status: outcome, decidedAt: now } });
    await recordAudit(tx, actor, {
      action: vote === 'AGREE' ? 'retention.vote.agree' : 'retention.vote.object', objectType: 'RetentionExtension', objectId: extensionId,
      dossierId: ext.dossierId, safeHouseId: dossier.safeHouseId, purpose: 'voteRetentionExtension', outcome: 'ALLOWED',
    });
    await notifyCase(tx, ext.dossierId, 'retention', extensionId);
    return { status: outcome };
  });
}
