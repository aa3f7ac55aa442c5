import 'server-only';
import { dossierUseCase, type DossierNeed } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { currentParticipation } from '@/lib/participants/current';
import { brusselsWallClockToInstant } from '@/lib/time';
import { validateForm } from '@/lib/validation/form';
import { givenSchema, type GivenValues } from './schemas';

/**
 * Only the participant named in an approved proposal may mark the information as shared. For a
 * member of the client system they record when and how they gave it (issue 12 §4; ADR 0037):
 * not before the consensus approved it, not later than now; the database checks the same.
 */
export async function markDisclosureShared(
  userId: string,
  proposalId: string,
  values: Partial<GivenValues> = {},
  now = new Date(),
) {
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
      select: { sharerUserId: true, status: true, kind: true, decidedAt: true },
    });
    if (proposal.sharerUserId !== actor.userId || !(await currentParticipation(tx, actor, dossier.id))) {
      throw conflict('Enkel de deelnemer die in het voorstel werd aangeduid, kan de deling registreren.');
    }
    const refused = () => conflict('Zonder consensus van alle deelnemers mag er niets gedeeld worden.');
    if (proposal.status !== 'APPROVED') throw refused();
    let given: { givenAt: Date; givenByUserId: string; givenHow: string } | null = null;
    if (proposal.kind === 'CLIENT_MEMBER') {
      const parsed = validateForm(givenSchema, {
        memberGivenAt: values.memberGivenAt ?? '',
        memberGivenHow: values.memberGivenHow ?? '',
      });
      if (!parsed.ok) throw invalid('Vul in wanneer en hoe je de informatie gaf.', parsed.errors);
      const [date = '', time = ''] = parsed.data.memberGivenAt.split('T');
      const givenAt = brusselsWallClockToInstant(date, time.slice(0, 5));
      if (givenAt.getTime() > now.getTime())
        throw invalid('Registreer een deling pas nadat ze gebeurd is.', {
          memberGivenAt: 'Dit tijdstip ligt in de toekomst.',
        });
      if (proposal.decidedAt && givenAt.getTime() < proposal.decidedAt.getTime() - 60_000)
        throw invalid('Er mocht niets gedeeld worden voor de consensus er was.', {
          memberGivenAt: 'Dit tijdstip ligt vóór de goedkeuring van het voorstel.',
        });
      // a minute's rounding of the form's clock never puts it before the approval
      const at = proposal.decidedAt && givenAt < proposal.decidedAt ? proposal.decidedAt : givenAt;
      given = { givenAt: at, givenByUserId: actor.userId, givenHow: parsed.data.memberGivenHow };
    }
    const moved = await tx.disclosureProposal.updateMany({
      where: { id: proposalId, status: 'APPROVED' },
      data: { status: 'SHARED', sharedAt: now, ...given },
    });
    if (moved.count !== 1) throw refused();
    await log({ action: 'disclosure.shared', objectType: 'DisclosureProposal', objectId: proposalId });
    await notify('disclosure', proposalId);
  });
}
