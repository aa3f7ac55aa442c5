import 'server-only';
import type { DisclosureStatus } from '@/lib/generated/prisma/enums';
import { withActor, DeniedError, type Tx } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { conflict } from '@/lib/errors';
import { consensusOutcome } from '@/lib/consensus/outcome';
import { currentParticipants, currentParticipation, notifyCase, requireDossierAction } from '@/lib/conferences/context';

/**
 * Consensus (art. 14 §2): every current participant of the case votes. One objection blocks
 * the proposal for good; when all current participants agreed it is approved. Votes on one
 * proposal are serialised by a transaction-scoped advisory lock, so concurrent votes are never
 * lost or counted twice (and a vote is unique per participant in the database as well).
 * A participant who left the case cannot vote, and their earlier vote no longer counts.
 */
export async function castVote(userId: string, proposalId: string, vote: 'AGREE' | 'OBJECT', now = new Date()) {
  return withActor(userId, async (tx, actor) => {
    const proposal = await tx.disclosureProposal.findFirst({ where: { id: proposalId }, select: { id: true, dossierId: true } });
    if (!proposal) throw new DeniedError({ action: 'disclosure.vote', objectType: 'DisclosureProposal', objectId: proposalId, purpose: 'castVote' });
    const dossier = await requireDossierAction(tx, actor, proposal.dossierId, 'disclosure.vote', 'castVote', 'Enkel deelnemers van een lopend traject stemmen.');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${proposalId}, 7270414))`;
    const me = await currentParticipation(tx, actor, proposal.dossierId);
    if (!me) throw conflict('Je neemt niet (meer) deel aan deze casus en kunt niet stemmen.');
    const current = await tx.disclosureProposal.findUniqueOrThrow({ where: { id: proposalId }, select: { status: true } });
    if (current.status !== 'OPEN') throw conflict('Over dit voorstel is al beslist.');
    const already = await tx.disclosureVote.findUnique({ where: { proposalId_userId: { proposalId, userId: actor.userId } } });
    if (already) throw conflict('Je hebt al gestemd over dit voorstel.');
    await tx.disclosureVote.create({
      data: { proposalId, dossierId: proposal.dossierId, safeHouseId: dossier.safeHouseId, userId: actor.userId, vote, votedAt: now },
    });
    const status = await settle(tx, proposalId, proposal.dossierId, now);
    await recordAudit(tx, actor, {
      action: vote === 'AGREE' ? 'disclosure.vote.agree' : 'disclosure.vote.object', objectType: 'DisclosureProposal',
      objectId: proposalId, dossierId: proposal.dossierId, safeHouseId: dossier.safeHouseId, purpose: 'castVote', outcome: 'ALLOWED',
    });
    if (status !== 'OPEN') {
      await recordAudit(tx, actor, {
        action: status === 'APPROVED' ? 'disclosure.approved' : 'disclosure.blocked', objectType: 'DisclosureProposal',
        objectId: proposalId, dossierId: proposal.dossierId, safeHouseId: dossier.safeHouseId, purpose: 'castVote', outcome: 'ALLOWED',
      });
    }
    await notifyCase(tx, proposal.dossierId, 'disclosure', proposalId);
    return { status };
  });
}

/** The proposal's status from the votes of the current participants (under the proposal's lock). */
export async function settle(tx: Tx, proposalId: string, dossierId: string, now: Date): Promise<DisclosureStatus> {
  const [participants, votes] = await Promise.all([
    currentParticipants(tx, dossierId),
    tx.disclosureVote.findMany({ where: { proposalId } }),
  ]);
  const status: DisclosureStatus = consensusOutcome(participants.map((p) => p.userId), votes);
  if (status !== 'OPEN') {
    await tx.disclosureProposal.updateMany({ where: { id: proposalId, status: 'OPEN' }, data: { status, decidedAt: now } });
  }
  return status;
}
