import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { can, CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import { currentParticipation } from '@/lib/participants/current';
import { consensusViews, type ConsensusView } from '@/lib/consensus/voters';
import { MEMBER_ROLE_LABEL } from '@/lib/labels';
import { peopleOf } from '@/lib/dossiers/get-dossier';
import { pseudonymiseText } from '@/lib/dossiers/pseudonymise';
import { emergencyDisclosuresOf } from '@/lib/emergency/view';
import { isCoordinatorOrDirector } from '@/lib/plan/manage-plan';
import { brusselsToday } from '@/lib/time';

/**
 * The case's conference workspace, as one participant (or the coordinator) may see it: the
 * sessions it was on, participants, information brought in, minutes and decisions, the action
 * plan, disclosure proposals with every vote, and feedback records. An expert invited for
 * expertise sees the client system pseudonymised unless the coordinator recorded a reason to
 * show identity (memorandum to art. 12).
 */
export async function getCaseConference(userId: string, dossierId: string, now = new Date()) {
  return dossierUseCase(
    userId,
    { action: 'conference.view', purpose: 'caseConference', dossierId },
    async ({ tx, actor, dossier, log }) => {
      const me = await currentParticipation(tx, actor, dossierId);
      const isCoordinator = actor.coordinatorHouses.includes(dossier.safeHouseId);
      const pseudonymised = !isCoordinator && !!me && me.reason === 'EXPERTISE' && !me.showIdentity;

      const [closure, extensions] = await Promise.all([
        tx.dossier.findUniqueOrThrow({
          where: { id: dossierId },
          select: {
            closedAt: true,
            closureReasons: true,
            retentionUntil: true,
            retentionYears: true,
            retentionGround: true,
            retentionReason: true,
          },
        }),
        tx.retentionExtension.findMany({ where: { dossierId }, orderBy: { createdAt: 'desc' } }),
      ]);
      // the actor's own private preparation notes (row-level security shows no one else's; ADR 0033)
      const notes = can(actor, 'conference.prepare', dossier)
        ? await tx.preparationNote.findMany({
            where: { dossierId, authorUserId: actor.userId },
            orderBy: { createdAt: 'asc' },
          })
        : [];
      const [agenda, participantsAll, members, items, goals, proposals, feedback, house, partnerOrgs] =
        await Promise.all([
          tx.agendaItem.findMany({
            where: { dossierId },
            orderBy: { session: { startsAt: 'desc' } },
            include: { session: true, decisions: { orderBy: { createdAt: 'asc' } } },
          }),
          tx.caseParticipant.findMany({ where: { dossierId }, orderBy: { invitedAt: 'asc' } }),
          tx.clientMember.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
          tx.informationItem.findMany({
            where: { dossierId },
            orderBy: { createdAt: 'asc' },
            include: { organisation: { select: { name: true } } },
          }),
          tx.goal.findMany({
            where: { dossierId },
            orderBy: { createdAt: 'asc' },
            include: { actions: { orderBy: { createdAt: 'asc' }, include: { owner: { select: { name: true } } } } },
          }),
          tx.disclosureProposal.findMany({
            where: { dossierId },
            orderBy: { createdAt: 'desc' },
            include: { items: true },
          }),
          tx.feedbackRecord.findMany({
            where: { dossierId },
            orderBy: { givenAt: 'desc' },
            // the note: the coordinator and the delegate who wrote it (RLS; ADR 0036)
            include: { note: { select: { note: true } } },
          }),
          tx.safeHouse.findUniqueOrThrow({ where: { id: dossier.safeHouseId }, select: { name: true } }),
          tx.corePartnership.findMany({
            where: { safeHouseId: dossier.safeHouseId },
            select: { organisationId: true },
          }),
        ]);
      // issue 12 §6, §7: who manages the plan; the urgent disclosures outside consensus (ADR 0034, 0035)
      const [managesPlan, emergencies] = await Promise.all([
        isCoordinatorOrDirector({ tx, actor, dossier }),
        emergencyDisclosuresOf(
          tx,
          dossierId,
          agenda.map((a) => a.session),
        ),
      ]);
      const [disclosureConsensus, retentionConsensus] = await Promise.all([
        consensusViews(
          tx,
          'disclosure',
          proposals.map((p) => p.id),
        ),
        consensusViews(
          tx,
          'retention',
          extensions.map((e) => e.id),
        ),
      ]);
      const voterIds = [...disclosureConsensus.values(), ...retentionConsensus.values()].flatMap((c) =>
        c.voters.map((x) => x.userId),
      );
      const userIds = [
        ...new Set([
          ...voterIds,
          ...participantsAll.map((p) => p.userId),
          ...feedback.flatMap((f) => [f.delegateUserId, f.caseWorkerUserId]),
          ...proposals.flatMap((p) => [
            p.sharerUserId,
            p.proposedByUserId,
            ...(p.givenByUserId ? [p.givenByUserId] : []),
          ]),
          ...goals.flatMap((g) => g.actions.flatMap((a) => [a.ownerUserId, a.doneByUserId])).filter((x) => x !== null),
          ...emergencies.map((e) => e.recordedByUserId),
        ]),
      ];
      const orgIds = [
        ...new Set([...participantsAll.map((p) => p.organisationId), ...emergencies.map((e) => e.organisationId)]),
      ];
      const [users, orgs, colleagues] = await Promise.all([
        tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
        tx.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
        me?.attendance === 'STANDING_DELEGATE'
          ? tx.user.findMany({
              where: { organisationId: me.organisationId, ...CLIENT_WORK_USER_WHERE, NOT: { id: actor.userId } },
              select: { id: true, name: true },
            })
          : Promise.resolve([]),
      ]);
      // information and votes only while a session of the case is open (art. 13; ADR 0033)
      const openAgenda = agenda.find((a) => a.session.state === 'OPEN') ?? null;
      const userName = (id: string) => users.find((u) => u.id === id)?.name ?? 'onbekend';
      const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? 'onbekend';
      /** The frozen voters of a proposal as shown: name, chair or not, vote, and what the actor may do. */
      const consensus = (c: ConsensusView | undefined, status: string) => {
        const view = c ?? { status: 'OPEN' as const, unreachable: true, waitingFor: [], voters: [] };
        const mine = view.voters.find((x) => x.userId === actor.userId);
        return {
          votes: view.voters.map((x) => ({
            userId: x.userId,
            name: userName(x.userId),
            chair: x.capacity === 'CHAIR',
            vote: x.vote,
            canStillVote: x.eligible,
          })),
          myVote: mine?.vote ?? null,
          canVote: status === 'OPEN' && !!mine && mine.eligible && !mine.vote && !!openAgenda,
          unreachable: status === 'OPEN' && view.unreachable,
        };
      };
      const memberLabel = (id: string | null) => {
        if (!id) return null;
        const i = members.findIndex((m) => m.id === id);
        const m = members[i];
        if (!m) return null;
        return pseudonymised
          ? `Lid ${i + 1} (${MEMBER_ROLE_LABEL[m.memberRole]})`
          : `${m.firstName} ${m.lastName} (${MEMBER_ROLE_LABEL[m.memberRole]})`;
      };

      // an expert reads free text with the names replaced by the pseudonyms above (ADR 0017)
      const people = pseudonymised
        ? peopleOf({ reference: dossier.reference, clientSystemLabel: dossier.clientSystemLabel }, members)
        : [];
      const text = (t: string) => (pseudonymised ? pseudonymiseText(t, people) : t);
      await log({ objectType: 'Dossier', objectId: dossierId });
      const core = new Set(partnerOrgs.map((c) => c.organisationId));
      return {
        dossier: {
          id: dossier.id,
          reference: dossier.reference,
          status: dossier.status,
          label: pseudonymised ? `Cliëntsysteem ${dossier.reference}` : dossier.clientSystemLabel,
          safeHouseName: house.name,
        },
        pseudonymised,
        me: me ? { id: me.id, attendance: me.attendance, reason: me.reason, isCaseDirector: me.isCaseDirector } : null,
        isCoordinator,
        can: {
          contribute: can(actor, 'conference.contribute', dossier),
          prepare: can(actor, 'conference.prepare', dossier),
          record: can(actor, 'conference.record', dossier),
          invite: can(actor, 'conference.invite', dossier),
          propose: can(actor, 'disclosure.propose', dossier) && !!me,
          vote: can(actor, 'disclosure.vote', dossier),
          withdraw: can(actor, 'disclosure.withdraw', dossier),
          withdrawExtension: can(actor, 'retention.withdraw', dossier),
          feedback: can(actor, 'feedback.record', dossier) && me?.attendance === 'STANDING_DELEGATE',
          pdf: can(actor, 'conference.downloadPdf', dossier),
          close: can(actor, 'dossier.close', dossier),
          proposeExtension: can(actor, 'retention.propose', dossier),
          voteExtension: can(actor, 'retention.vote', dossier),
          managePlan: can(actor, 'plan.manage', dossier) && managesPlan,
          completeOwn: can(actor, 'plan.completeOwn', dossier),
          emergency: can(actor, 'emergency.record', dossier),
        },
        members: members.map((m, i) => ({ id: m.id, label: memberLabel(m.id)!, index: i + 1 })),
        /** the agenda item of the session of this case that is open now, if one */
        openAgendaItemId: openAgenda?.id ?? null,
        notes: notes.map((n) => ({
          id: n.id,
          category: n.category,
          concernsMemberId: n.concernsMemberId,
          concerns: memberLabel(n.concernsMemberId),
          content: n.content,
          updatedAt: n.updatedAt,
        })),
        agenda: agenda.map((a) => ({
          id: a.id,
          sessionId: a.sessionId,
          state: a.session.state,
          openedAt: a.session.openedAt,
          closedAt: a.session.closedAt,
          startsAt: a.session.startsAt,
          endsAt: a.session.endsAt,
          location: a.session.location,
          minutes: text(a.minutes),
          /** finalised minutes no longer change (ADR 0036) */
          finalisedAt: a.finalisedAt,
          /** the session has begun: it can be the closing conference (art. 15 §3) */
          past: a.session.startsAt.getTime() <= now.getTime(),
          decisions: a.decisions.map((d) => ({ id: d.id, text: text(d.text), createdAt: d.createdAt })),
        })),
        participants: participantsAll.map((p) => ({
          id: p.id,
          userId: p.userId,
          name: userName(p.userId),
          organisation: orgName(p.organisationId),
          organisationId: p.organisationId,
          attendance: p.attendance,
          reason: p.reason,
          showIdentity: p.showIdentity,
          identityReason: p.identityReason,
          isCaseDirector: p.isCaseDirector,
          acknowledged: !!p.secrecyAcknowledgedAt,
          left: !!p.leftAt,
          accepted: !!p.acceptedAt,
          corePartner: core.has(p.organisationId),
        })),
        items: items.map((i) => ({
          id: i.id,
          organisation: i.organisation.name,
          category: i.category,
          concernsMemberId: i.concernsMemberId,
          concerns: memberLabel(i.concernsMemberId),
          content: text(i.content),
          agendaItemId: i.agendaItemId,
          createdAt: i.createdAt,
          mine: i.authorUserId === actor.userId,
          ownOrganisation: i.organisationId === actor.organisationId,
          correctedAt: i.correctedAt,
          withdrawnAt: i.withdrawnAt,
        })),
        goals: goals.map((g) => ({
          id: g.id,
          title: text(g.title),
          actions: g.actions.map((a) => ({
            id: a.id,
            description: text(a.description),
            owner: a.owner.name,
            ownerOrganisationId: a.ownerOrganisationId,
            ownerUserId: a.ownerUserId,
            ownerPerson: a.ownerUserId ? userName(a.ownerUserId) : null,
            dueDate: a.dueDate,
            done: a.status === 'DONE',
            status: a.status,
            overdue:
              a.status === 'OPEN' && a.dueDate !== null && a.dueDate.toISOString().slice(0, 10) < brusselsToday(now),
            doneAt: a.doneAt,
            doneBy: a.doneByUserId ? userName(a.doneByUserId) : null,
            doneNote: a.doneNote === null ? null : text(a.doneNote),
            /** the actor owns it: the owner person, or of the owner organisation when no person is named */
            mine:
              a.ownerUserId === actor.userId ||
              (a.ownerUserId === null && !!me && a.ownerOrganisationId === actor.organisationId),
            agendaItemId: a.agendaItemId,
          })),
        })),
        proposals: proposals.map((p) => ({
          id: p.id,
          kind: p.kind,
          status: p.status,
          member: memberLabel(p.memberId),
          recipient: p.recipient,
          ground: p.ground,
          goalId: p.goalId,
          necessity: text(p.necessity),
          sharerUserId: p.sharerUserId,
          sharer: userName(p.sharerUserId),
          proposedBy: userName(p.proposedByUserId),
          mineToWithdraw: p.proposedByUserId === actor.userId || isCoordinator,
          createdAt: p.createdAt,
          sharedAt: p.sharedAt,
          // issue 12 §4 (ADR 0037): the minor's objection as weighed, and when / how it was given
          minorObjection: p.minorObjection,
          minorObjectionNote: p.minorObjectionNote ? text(p.minorObjectionNote) : null,
          givenAt: p.givenAt,
          givenBy: p.givenByUserId ? userName(p.givenByUserId) : null,
          givenHow: p.givenHow ? text(p.givenHow) : null,
          itemIds: p.items.map((i) => i.informationItemId),
          ...consensus(disclosureConsensus.get(p.id), p.status),
        })),
        closure,
        extensions: extensions.map((e) => ({
          id: e.id,
          years: e.years,
          ground: e.ground,
          groundNote: e.groundNote,
          status: e.status,
          createdAt: e.createdAt,
          agendaItemId: e.agendaItemId,
          ...consensus(retentionConsensus.get(e.id), e.status),
        })),
        feedback: feedback.map((f) => ({
          id: f.id,
          delegate: userName(f.delegateUserId),
          caseWorker: userName(f.caseWorkerUserId),
          givenAt: f.givenAt,
          note: f.note?.note ?? '',
          acknowledgedAt: f.secrecyAcknowledgedAt,
        })),
        colleagues,
        emergencies: emergencies.map((e) => ({
          id: e.id,
          ground: e.ground,
          disclosed: text(e.disclosed),
          recipient: text(e.recipient),
          disclosedAt: e.disclosedAt,
          urgency: text(e.urgency),
          recordedBy: userName(e.recordedByUserId),
          organisation: orgName(e.organisationId),
          createdAt: e.createdAt,
          toDiscuss: e.toDiscuss,
          discussedAt: e.discussedAt,
          nextSession: e.nextSession,
        })),
        actorUserId: actor.userId,
      };
    },
  );
}

export type CaseConferenceView = Awaited<ReturnType<typeof getCaseConference>>;
