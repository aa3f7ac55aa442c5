import 'server-only';
import { notifyUsers } from '@/lib/notifications/notify';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { freezeVoters, votersFor } from '@/lib/consensus/voters';
import { requireOpenAgendaItem } from '@/lib/conferences/open-agenda-item';
import { proposalCrossErrors, proposalSchema, type ProposalValues } from './schemas';

/**
 * Art. 14 §2: a participant proposes to share conference information — exactly which items,
 * with which member (1st para) or under which reporting duty (2nd para), by which participant,
 * on which ground (safety, or a named goal of the action plan). For a member, every item must
 * concern only that member: items about another member (or about no one in particular) are
 * refused by name. Who must agree is frozen now (the participants and the chairing coordinator,
 * ADR 0014); information can only be proposed when the organisation that brought it in is among
 * them. Nothing is shared until every one of them agreed (castVote). Information for a minor, or
 * for a parent of a client system with minors, carries the child's own objection and how it was
 * weighed (ADR 0037; the database checks the same).
 */
export async function proposeDisclosure(userId: string, dossierId: string, values: ProposalValues, now = new Date()) {
  const filled = {
    ...values,
    minorObjection: values.minorObjection ?? '',
    minorObjectionNote: values.minorObjectionNote ?? '',
  };
  const parsed = validateForm(proposalSchema, filled, proposalCrossErrors);
  if (!parsed.ok) throw invalid('Het voorstel is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const need = {
    action: 'disclosure.propose',
    purpose: 'disclosure',
    dossierId,
    notNow: 'Enkel deelnemers van een lopend traject doen een voorstel.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    const items = await tx.informationItem.findMany({
      where: { id: { in: v.itemIds }, dossierId, withdrawnAt: null },
      select: { id: true, concernsMemberId: true, organisationId: true },
    });
    if (items.length !== new Set(v.itemIds).size)
      throw invalid('Kies informatie uit dit casusoverleg.', { itemIds: 'Onbekende informatie gekozen.' });
    if (v.kind === 'CLIENT_MEMBER') {
      const member = await tx.clientMember.findFirst({
        where: { id: v.memberId, dossierId },
        select: { id: true, isMinor: true, memberRole: true },
      });
      if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { memberId: 'Onbekend lid.' });
      // the child's own objection is weighed (ADR 0037): always for a minor, and for a parent of a
      // client system with a minor (the information may also concern their child)
      if (member.isMinor && (v.minorObjection === '' || v.minorObjection === 'NOT_CONCERNED')) {
        throw invalid('Weeg het eigen bezwaar van het kind of de jongere af voor je met een minderjarige deelt.', {
          minorObjection: 'Geef aan of de minderjarige bezwaar heeft, of waarom hij of zij niet gevraagd kon worden.',
        });
      }
      if (
        !member.isMinor &&
        member.memberRole === 'PARENT' &&
        v.minorObjection === '' &&
        (await tx.clientMember.count({ where: { dossierId, isMinor: true } })) > 0
      ) {
        throw invalid('Dit cliëntsysteem telt minderjarigen: weeg hun eigen bezwaar af voor je met een ouder deelt.', {
          minorObjection:
            'Geef aan of het kind of de jongere over wie het gaat bezwaar heeft, of dat de informatie geen minderjarige betreft.',
        });
      }
      const foreign = items.filter((i) => i.concernsMemberId !== v.memberId);
      if (foreign.length) {
        throw invalid(
          'Aan een lid mag enkel informatie gegeven worden die uitsluitend dat lid betreft (art. 14, § 2, 2°).',
          {
            itemIds: `${foreign.length} gekozen informatie-item(s) betreffen niet (enkel) dit lid.`,
            _items: foreign.map((f) => f.id).join(','),
          },
        );
      }
    }
    if (v.goalId) {
      const goal = await tx.goal.findFirst({ where: { id: v.goalId, dossierId }, select: { id: true } });
      if (!goal) throw invalid('Kies een doel van het plan van aanpak van dit dossier.', { goalId: 'Onbekend doel.' });
    }
    // made at the session of the case that is open now (art. 13; ADR 0033)
    const agenda = await requireOpenAgendaItem(tx, dossierId);
    const voters = await votersFor(tx, dossierId, agenda.id);
    if (!voters.some((p) => p.userId === v.sharerUserId && p.capacity === 'PARTICIPANT')) {
      throw invalid('De persoon die deelt moet deelnemer zijn aan dit casusoverleg.', {
        sharerUserId: 'Geen deelnemer.',
      });
    }
    const voterOrgs = new Set(voters.map((p) => p.organisationId));
    const orphaned = items.filter((i) => !voterOrgs.has(i.organisationId));
    if (orphaned.length) {
      throw invalid(
        'Informatie van een organisatie die niet (meer) deelneemt, kan niet gedeeld worden: zonder haar akkoord verlaat niets het overleg (art. 14, § 2).',
        {
          itemIds: `${orphaned.length} gekozen informatie-item(s) komen van een organisatie die niet meer deelneemt.`,
          _items: orphaned.map((f) => f.id).join(','),
        },
      );
    }
    const proposal = await tx.disclosureProposal.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        kind: v.kind,
        proposedByUserId: actor.userId,
        agendaItemId: agenda.id,
        memberId: v.kind === 'CLIENT_MEMBER' ? v.memberId : null,
        recipient: v.kind === 'REPORTING_DUTY' ? v.recipient : null,
        sharerUserId: v.sharerUserId,
        ground: v.ground,
        goalId: v.ground === 'ACTION_PLAN_GOAL' ? v.goalId : null,
        necessity: v.necessity,
        minorObjection: v.kind === 'CLIENT_MEMBER' && v.minorObjection ? v.minorObjection : null,
        minorObjectionNote:
          v.kind === 'CLIENT_MEMBER' && v.minorObjection && v.minorObjectionNote ? v.minorObjectionNote : null,
        createdAt: now,
      },
      select: { id: true },
    });
    await freezeVoters(tx, 'disclosure', proposal.id, { id: dossierId, safeHouseId: dossier.safeHouseId }, voters);
    await tx.disclosureItem.createMany({
      data: items.map((i) => ({
        proposalId: proposal.id,
        informationItemId: i.id,
        dossierId,
        safeHouseId: dossier.safeHouseId,
      })),
    });
    await log({ objectType: 'DisclosureProposal', objectId: proposal.id });
    await notify('disclosure', proposal.id);
    await notifyUsers(tx, {
      kind: 'DISCLOSURE_VOTE',
      objectId: proposal.id,
      safeHouseId: dossier.safeHouseId,
      dossierId,
      link: `/dossiers/${dossierId}/casusoverleg`,
      to: { userIds: voters.map((p) => p.userId) },
    });
    return proposal;
  });
}
