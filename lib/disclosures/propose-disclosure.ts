import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { currentParticipants, notifyCase, requireDossierAction } from '@/lib/conferences/context';
import { proposalCrossErrors, proposalSchema, type ProposalValues } from './schemas';

/**
 * Art. 14 §2: a participant proposes to share conference information — exactly which items,
 * with which member (1st para) or under which reporting duty (2nd para), by which participant,
 * on which ground (safety, or a named goal of the action plan). For a member, every item must
 * concern only that member: items about another member (or about no one in particular) are
 * refused by name. Nothing is shared until every participant agreed (castVote).
 */
export async function proposeDisclosure(userId: string, dossierId: string, values: ProposalValues) {
  const parsed = validateForm(proposalSchema, values, proposalCrossErrors);
  if (!parsed.ok) throw invalid('Het voorstel is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  return withActor(userId, async (tx, actor) => {
    const dossier = await requireDossierAction(tx, actor, dossierId, 'disclosure.propose', 'proposeDisclosure', 'Enkel deelnemers van een lopend traject doen een voorstel.');
    const items = await tx.informationItem.findMany({ where: { id: { in: v.itemIds }, dossierId }, select: { id: true, concernsMemberId: true } });
    if (items.length !== new Set(v.itemIds).size) throw invalid('Kies informatie uit dit casusoverleg.', { itemIds: 'Onbekende informatie gekozen.' });
    if (v.kind === 'CLIENT_MEMBER') {
      const member = await tx.clientMember.findFirst({ where: { id: v.memberId, dossierId }, select: { id: true } });
      if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { memberId: 'Onbekend lid.' });
      const foreign = items.filter((i) => i.concernsMemberId !== v.memberId);
      if (foreign.length) {
        throw invalid(
          'Aan een lid mag enkel informatie gegeven worden die uitsluitend dat lid betreft (art. 14, § 2, 2°).',
          { itemIds: `${foreign.length} gekozen informatie-item(s) betreffen niet (enkel) dit lid.`, _items: foreign.map((f) => f.id).join(',') },
        );
      }
    }
    if (v.goalId) {
      const goal = await tx.goal.findFirst({ where: { id: v.goalId, dossierId }, select: { id: true } });
      if (!goal) throw invalid('Kies een doel van het plan van aanpak van dit dossier.', { goalId: 'Onbekend doel.' });
    }
    const participants = await currentParticipants(tx, dossierId);
    if (!participants.some((p) => p.userId === v.sharerUserId)) {
      throw invalid('De persoon die deelt moet deelnemer zijn aan dit casusoverleg.', { sharerUserId: 'Geen deelnemer.' });
    }
    const proposal = await tx.disclosureProposal.create({
      data: {
        dossierId, safeHouseId: dossier.safeHouseId, kind: v.kind, proposedByUserId: actor.userId,
        memberId: v.kind === 'CLIENT_MEMBER' ? v.memberId : null, recipient: v.kind === 'REPORTING_DUTY' ? v.recipient : null,
        sharerUserId: v.sharerUserId, ground: v.ground, goalId: v.ground === 'ACTION_PLAN_GOAL' ? v.goalId : null, necessity: v.necessity,
        items: { create: items.map((i) => ({ informationItemId: i.id, dossierId, safeHouseId: dossier.safeHouseId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'disclosure.propose', objectType: 'DisclosureProposal', objectId: proposal.id, dossierId,
      safeHouseId: dossier.safeHouseId, purpose: 'proposeDisclosure', outcome: 'ALLOWED',
    });
    await notifyCase(tx, dossierId, 'disclosure', proposal.id);
    return proposal;
  });
}
