import 'server-only';
import { dossierUseCase, type DossierNeed } from '@/lib/use-case/kernel';
import { conflict } from '@/lib/errors';
import { currentParticipation } from '@/lib/participants/current';

/** Only the participant named in an approved proposal may mark the information as shared. */
export async function markDisclosureShared(userId: string, proposalId: string, now = new Date()) {
  const need: DossierNeed = {
    action: 'disclosure.markShared',
    purpose: 'disclosure',
    objectType: 'DisclosureProposal',
    objectId: proposalId,
    dossierId: async (tx) =>
      (await tx.disclosureProposal.findFirst({ where: { id: proposalId }, select: { dossierId: true } }))?.dossierId,
  };
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    const proposal = await tx.disclosureProposal.findFirstOrThrow({
      where: { id: proposalId },
      select: { sharerUserId: true },
    });
    if (proposal.sharerUserId !== actor.userId || !(await currentParticipation(tx, actor, dossier.id))) {
      throw conflict('Enkel de deelnemer die in het voorstel werd aangeduid, kan de deling registreren.');
    }
    const moved = await tx.disclosureProposal.updateMany({
      where: { id: proposalId, status: 'APPROVED' },
      data: { status: 'SHARED', sharedAt: now },
    });
    if (moved.count !== 1) throw conflict('Zonder consensus van alle deelnemers mag er niets gedeeld worden.');
    await log({ action: 'disclosure.shared', objectType: 'DisclosureProposal', objectId: proposalId });
    await notify('disclosure', proposalId);
  });
}
