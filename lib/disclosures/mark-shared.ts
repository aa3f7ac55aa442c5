import 'server-only';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { conflict } from '@/lib/errors';
import { currentParticipation, notifyCase, requireDossierAction } from '@/lib/conferences/context';

/** Only the participant named in an approved proposal may mark the information as shared. */
export async function markDisclosureShared(userId: string, proposalId: string, now = new Date()) {
  return withActor(userId, async (tx, actor) => {
    const proposal = await tx.disclosureProposal.findFirst({ where: { id: proposalId } });
    if (!proposal) throw new DeniedError({ action: 'disclosure.markShared', objectType: 'DisclosureProposal', objectId: proposalId, purpose: 'markDisclosureShared' });
    const dossier = await requireDossierAction(tx, actor, proposal.dossierId, 'disclosure.markShared', 'markDisclosureShared');
    if (proposal.sharerUserId !== actor.userId || !(await currentParticipation(tx, actor, proposal.dossierId))) {
      throw conflict('Enkel de deelnemer die in het voorstel werd aangeduid, kan de deling registreren.');
    }
    const moved = await tx.disclosureProposal.updateMany({ where: { id: proposalId, status: 'APPROVED' }, data: { status: 'SHARED', sharedAt: now } });
    if (moved.count !== 1) throw conflict('Zonder consensus van alle deelnemers mag er niets gedeeld worden.');
    await recordAudit(tx, actor, {
      action: 'disclosure.shared', objectType: 'DisclosureProposal', objectId: proposalId, dossierId: proposal.dossierId,
      safeHouseId: dossier.safeHouseId, purpose: 'markDisclosureShared', outcome: 'ALLOWED',
    });
    await notifyCase(tx, proposal.dossierId, 'disclosure', proposalId);
  });
}
