import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/access/policy';
import type { Actor } from '@/lib/access/actor';
import { planDeadlineState } from '@/lib/distribution/deadline';
import { retentionTerms } from '@/lib/retention/terms';
import { addDays, brusselsToday } from '@/lib/time';
import { safeHouseNames } from '@/lib/db/house-names';
import { NOTIFICATION_KIND_LABEL, type NotificationKind } from '@/lib/notifications/kinds';
import { listRiskRises } from '@/lib/risk/list-risk-rises';
import { RISK_LEVEL_WORD } from '@/lib/risk/levels';
import type { WorkSource, WorkUrgency } from './types';

/**
 * What waits for a person, per kind (issue 13 §1; ADR 0038). Each entry mirrors the list where
 * the work is done (lib/admission/list-inbox.ts, list-requests.ts, lib/conferences/
 * list-my-invitations.ts, lib/plan/list-my-actions.ts, lib/distribution/list-plan-deadlines.ts,
 * lib/transfers/list-transfers.ts, lib/distribution/feedback.ts, the consensus votes) but keeps
 * only what still waits for an answer, and names it by dossier reference at most. Every filter
 * column is indexed (migration 20261206100000_my_work_indexes). Append a new kind at the end.
 */

const DAY = 86_400_000;
/** "soon": an input deadline or a session within this many days */
const SOON_DAYS = 2;
/** "soon" for an action: due within this many days (Brussels calendar) */
const ACTION_SOON_DAYS = 7;

const soonIf = (at: Date, now: Date): WorkUrgency =>
  at.getTime() - now.getTime() <= SOON_DAYS * DAY ? 'soon' : 'normal';
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------- where-builders (count = items)

const triageWhere = (a: Actor) =>
  ({ safeHouseId: { in: a.coordinatorHouses }, status: 'SUBMITTED' }) satisfies Prisma.DossierWhereInput;

const inputRoundWhere = (a: Actor, now: Date) =>
  ({
    safeHouseId: { in: a.corePartnerHouses },
    status: 'SUBMITTED',
    inputRequestedAt: { not: null },
    inputClosedAt: null,
    inputDeadline: { gt: now },
    partnerInputs: { none: { organisationId: a.organisationId } },
  }) satisfies Prisma.DossierWhereInput;

const consultationWhere = (a: Actor) =>
  ({
    dossierId: { in: a.agencyDossiers },
    organisationId: a.organisationId,
    respondedAt: null,
    exceptionRecordedAt: null,
    dossier: { status: 'SUBMITTED' },
  }) satisfies Prisma.AgencyConsultationWhereInput;

const invitationWhere = (a: Actor) =>
  ({
    addresseeUserId: a.userId,
    status: 'INVITED',
    session: { state: { not: 'CLOSED' } },
  }) satisfies Prisma.CaseInvitationWhereInput;

const secrecyWhere = (a: Actor) =>
  ({
    userId: a.userId,
    acceptedAt: { not: null },
    secrecyAcknowledgedAt: null,
    leftAt: null,
  }) satisfies Prisma.CaseParticipantWhereInput;

const actionWhere = (a: Actor) =>
  ({
    dossierId: { in: a.participantDossiers },
    status: 'OPEN',
    OR: [{ ownerUserId: a.userId }, { ownerUserId: null, ownerOrganisationId: a.organisationId }],
  }) satisfies Prisma.PlanActionWhereInput;

const planWhere = (a: Actor, now: Date) =>
  ({
    safeHouseId: { in: a.coordinatorHouses },
    distributedAt: null,
    dossier: { status: 'IN_TRAJECTORY' },
    session: { startsAt: { lte: now } },
  }) satisfies Prisma.AgendaItemWhereInput;

const transferWhere = (a: Actor) =>
  ({ status: 'PENDING', toSafeHouseId: { in: a.coordinatorHouses } }) satisfies Prisma.TransferRequestWhereInput;

const feedbackWhere = (a: Actor) =>
  ({ caseWorkerUserId: a.userId, secrecyAcknowledgedAt: null }) satisfies Prisma.FeedbackRecordWhereInput;

/** Votes are cast at the conference: while a session with the case on its agenda is open (art. 13; ADR 0033). */
const castableNow = Prisma.sql`EXISTS (SELECT 1 FROM "AgendaItem" a JOIN "ConferenceSession" cs ON cs."id" = a."sessionId"
                                 WHERE a."dossierId" = w."dossierId" AND cs."state" = 'OPEN')`;

/**
 * Open proposals (art. 14 §2 disclosure, art. 15 §3 longer retention) whose frozen voters include
 * the actor, who has not voted and still can (consensus_voter_eligible, ADR 0014), in a case in
 * trajectory they can see, while a session of it is open (lib/consensus/vote.ts refuses a vote
 * otherwise, so outside a session the vote waits for the session, not for the person).
 */
const openVotes = (userId: string) => Prisma.sql`
  SELECT 'disclosure' AS "kind", w."proposalId" AS "id", w."dossierId", d."reference", p."createdAt"
    FROM "DisclosureVoter" w
    JOIN "DisclosureProposal" p ON p."id" = w."proposalId"
    JOIN "Dossier" d ON d."id" = w."dossierId"
   WHERE w."userId" = ${userId}::uuid AND p."status" = 'OPEN' AND d."status" = 'IN_TRAJECTORY'
     AND NOT EXISTS (SELECT 1 FROM "DisclosureVote" v WHERE v."proposalId" = w."proposalId" AND v."userId" = w."userId")
     AND consensus_voter_eligible(w."capacity", w."dossierId", w."safeHouseId", w."userId")
     AND ${castableNow}
  UNION ALL
  SELECT 'retention' AS "kind", w."extensionId" AS "id", w."dossierId", d."reference", p."createdAt"
    FROM "RetentionVoter" w
    JOIN "RetentionExtension" p ON p."id" = w."extensionId"
    JOIN "Dossier" d ON d."id" = w."dossierId"
   WHERE w."userId" = ${userId}::uuid AND p."status" = 'OPEN' AND d."status" = 'IN_TRAJECTORY'
     AND NOT EXISTS (SELECT 1 FROM "RetentionVote" v WHERE v."extensionId" = w."extensionId" AND v."userId" = w."userId")
     AND consensus_voter_eligible(w."capacity", w."dossierId", w."safeHouseId", w."userId")
     AND ${castableNow}`;

// ---------------------------------------------------------------- the sources

export const WORK_SOURCES: readonly WorkSource[] = [
  {
    key: 'triage',
    title: 'Aanmeldingen te toetsen',
    navHref: '/triage',
    applies: (a) => can(a, 'triage.view') && a.coordinatorHouses.length > 0,
    count: ({ tx, actor }) => tx.dossier.count({ where: triageWhere(actor) }),
    items: async ({ tx, actor, now }, take) => {
      const overdueDays = retentionTerms().TRIAGE_OVERDUE_DAYS;
      const rows = await tx.dossier.findMany({
        where: triageWhere(actor),
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, reference: true, submittedAt: true },
      });
      return rows.map((r) => ({
        id: r.id,
        href: `/dossiers/${r.id}#toetsing`,
        label: `Aanmelding ${r.reference} toetsen en beslissen`,
        due: null,
        urgency: r.submittedAt && now.getTime() - r.submittedAt.getTime() > overdueDays * DAY ? 'overdue' : 'normal',
      }));
    },
  },
  {
    key: 'inputRounds',
    title: 'Aanvulling gevraagd aan je organisatie',
    navHref: '/te-beantwoorden',
    applies: (a) => a.corePartnerHouses.length > 0,
    count: ({ tx, actor, now }) => tx.dossier.count({ where: inputRoundWhere(actor, now) }),
    items: async ({ tx, actor, now }, take) => {
      const rows = await tx.dossier.findMany({
        where: inputRoundWhere(actor, now),
        orderBy: [{ inputDeadline: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, reference: true, inputDeadline: true },
      });
      return rows.map((r) => ({
        id: r.id,
        href: `/dossiers/${r.id}#aanvullingen`,
        label: `Aanvulling bij aanmelding ${r.reference} schrijven`,
        due: r.inputDeadline!.toISOString(),
        urgency: soonIf(r.inputDeadline!, now),
      }));
    },
  },
  {
    key: 'consultations',
    title: 'Standpunt gevraagd aan je voorziening',
    navHref: '/te-beantwoorden',
    applies: (a) => a.agencyDossiers.length > 0,
    count: ({ tx, actor }) => tx.agencyConsultation.count({ where: consultationWhere(actor) }),
    items: async ({ tx, actor }, take) => {
      const rows = await tx.agencyConsultation.findMany({
        where: consultationWhere(actor),
        orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, dossierId: true, dossier: { select: { reference: true } } },
      });
      return rows.map((r) => ({
        id: r.id,
        href: `/dossiers/${r.dossierId}#voorziening`,
        label: `Standpunt over aanmelding ${r.dossier.reference} geven`,
        due: null,
        urgency: 'soon' as const,
      }));
    },
  },
  {
    key: 'invitations',
    title: 'Uitnodigingen te beantwoorden',
    navHref: '/uitnodigingen',
    applies: (a) => can(a, 'invitation.listOwn'),
    count: ({ tx, actor }) => tx.caseInvitation.count({ where: invitationWhere(actor) }),
    items: async ({ tx, actor, now }, take) => {
      // an invitation says nothing of the case before it is accepted: the safe house and the date
      const rows = await tx.caseInvitation.findMany({
        where: invitationWhere(actor),
        orderBy: [{ session: { startsAt: 'asc' } }, { id: 'asc' }],
        take,
        select: { id: true, safeHouseId: true, session: { select: { startsAt: true } } },
      });
      const names = await safeHouseNames(
        tx,
        rows.map((r) => r.safeHouseId),
      );
      return rows.map((r) => ({
        id: r.id,
        href: `/uitnodigingen#uitnodiging-${r.id}`,
        label: `Uitnodiging voor een casusoverleg van ${names.get(r.safeHouseId) ?? 'een Veilig Huis'} beantwoorden`,
        due: r.session.startsAt.toISOString(),
        urgency: soonIf(r.session.startsAt, now),
      }));
    },
  },
  {
    key: 'secrecy',
    title: 'Geheimhoudingsplicht te bevestigen',
    navHref: '/uitnodigingen',
    applies: (a) => can(a, 'invitation.listOwn'),
    count: ({ tx, actor }) => tx.caseParticipant.count({ where: secrecyWhere(actor) }),
    items: async ({ tx, actor }, take) => {
      const rows = await tx.caseParticipant.findMany({
        where: secrecyWhere(actor),
        orderBy: [{ acceptedAt: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, safeHouseId: true },
      });
      const names = await safeHouseNames(
        tx,
        rows.map((r) => r.safeHouseId),
      );
      return rows.map((r) => ({
        id: r.id,
        href: '/uitnodigingen#h-geheim',
        label: `Geheimhoudingsplicht bevestigen voor een casus van ${names.get(r.safeHouseId) ?? 'een Veilig Huis'}`,
        due: null,
        urgency: 'soon' as const,
      }));
    },
  },
  {
    key: 'votes',
    title: 'Stemmingen die op jou wachten',
    navHref: null,
    applies: (a) => a.participantDossiers.length > 0 || a.coordinatorHouses.length > 0,
    count: async ({ tx, actor }) => {
      const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${openVotes(actor.userId)}) x`;
      return row?.n ?? 0;
    },
    items: async ({ tx, actor }, take) => {
      const rows = await tx.$queryRaw<
        { kind: 'disclosure' | 'retention'; id: string; dossierId: string; reference: string }[]
      >`SELECT * FROM (${openVotes(actor.userId)}) x ORDER BY x."createdAt", x."id" LIMIT ${take}`;
      return rows.map((r) =>
        r.kind === 'disclosure'
          ? {
              id: r.id,
              href: `/dossiers/${r.dossierId}/casusoverleg#voorstel-${r.id}`,
              label: `Stemmen over een voorstel tot delen in ${r.reference}`,
              due: null,
              urgency: 'normal' as const,
            }
          : {
              id: r.id,
              href: `/dossiers/${r.dossierId}/casusoverleg#afronding`,
              label: `Stemmen over een langere bewaartermijn van ${r.reference}`,
              due: null,
              urgency: 'normal' as const,
            },
      );
    },
  },
  {
    key: 'actions',
    title: 'Mijn open acties',
    navHref: '/acties',
    applies: (a) => a.participantDossiers.length > 0,
    count: ({ tx, actor }) => tx.planAction.count({ where: actionWhere(actor) }),
    items: async ({ tx, actor, now }, take) => {
      const rows = await tx.planAction.findMany({
        where: actionWhere(actor),
        orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, dossierId: true, dueDate: true, ownerUserId: true },
      });
      const refs = new Map(
        (
          await tx.dossier.findMany({
            where: { id: { in: [...new Set(rows.map((r) => r.dossierId))] } },
            select: { id: true, reference: true },
          })
        ).map((d) => [d.id, d.reference]),
      );
      const today = brusselsToday(now);
      const soon = addDays(today, ACTION_SOON_DAYS);
      return rows.map((r) => {
        const due = r.dueDate ? dayOf(r.dueDate) : null;
        return {
          id: r.id,
          href: `/dossiers/${r.dossierId}/casusoverleg#actie-${r.id}`,
          label: `${r.ownerUserId ? 'Actie' : 'Actie van je organisatie'} in ${refs.get(r.dossierId) ?? 'een casus'}`,
          due,
          urgency: due === null ? 'normal' : due < today ? 'overdue' : due <= soon ? 'soon' : 'normal',
        };
      });
    },
  },
  {
    key: 'planDeadlines',
    title: 'Plannen van aanpak te versturen',
    navHref: '/overleggen',
    applies: (a) => can(a, 'plan.deadlines') && a.coordinatorHouses.length > 0,
    count: ({ tx, actor, now }) => tx.agendaItem.count({ where: planWhere(actor, now) }),
    items: async ({ tx, actor, now }, take) => {
      const rows = await tx.agendaItem.findMany({
        where: planWhere(actor, now),
        orderBy: [{ session: { startsAt: 'asc' } }, { id: 'asc' }],
        take,
        select: {
          id: true,
          dossierId: true,
          finalisedAt: true,
          session: { select: { startsAt: true } },
          dossier: { select: { reference: true } },
        },
      });
      return rows.map((r) => {
        const d = planDeadlineState(r.session.startsAt, null, now);
        return {
          id: r.id,
          href: `/dossiers/${r.dossierId}/casusoverleg#verspreiding`,
          label: r.finalisedAt
            ? `Plan van aanpak van ${r.dossier.reference} versturen`
            : `Verslag van ${r.dossier.reference} definitief maken en het plan van aanpak versturen`,
          due: d.deadline,
          urgency: d.state === 'missed' ? 'overdue' : d.state === 'near' ? 'soon' : 'normal',
        };
      });
    },
  },
  {
    key: 'transfers',
    title: 'Overdrachten te aanvaarden',
    navHref: '/overdrachten',
    applies: (a) => can(a, 'transfer.view') && a.coordinatorHouses.length > 0,
    count: ({ tx, actor }) => tx.transferRequest.count({ where: transferWhere(actor) }),
    items: async ({ tx, actor }, take) => {
      const rows = await tx.transferRequest.findMany({
        where: transferWhere(actor),
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, reference: true, fromSafeHouseId: true },
      });
      const names = await safeHouseNames(
        tx,
        rows.map((r) => r.fromSafeHouseId),
      );
      return rows.map((r) => ({
        id: r.id,
        href: '/overdrachten',
        label: `Overdracht van ${r.reference} uit ${names.get(r.fromSafeHouseId) ?? 'een ander Veilig Huis'} aanvaarden of weigeren`,
        due: null,
        urgency: 'normal' as const,
      }));
    },
  },
  {
    key: 'feedback',
    title: 'Terugkoppeling te lezen',
    navHref: '/terugkoppeling',
    applies: (a) => can(a, 'feedback.listOwn'),
    count: ({ tx, actor }) => tx.feedbackRecord.count({ where: feedbackWhere(actor) }),
    items: async ({ tx, actor }, take) => {
      // the note only after acknowledging the secrecy, on Terugkoppeling (ADR 0036): here only that it waits
      const rows = await tx.feedbackRecord.findMany({
        where: feedbackWhere(actor),
        orderBy: [{ givenAt: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, safeHouseId: true, givenAt: true },
      });
      const names = await safeHouseNames(
        tx,
        rows.map((r) => r.safeHouseId),
      );
      return rows.map((r) => ({
        id: r.id,
        href: '/terugkoppeling',
        label: `Terugkoppeling uit een casusoverleg van ${names.get(r.safeHouseId) ?? 'een Veilig Huis'} lezen`,
        due: null,
        urgency: 'normal' as const,
      }));
    },
  },
  {
    // a rise in the risk level of a case (issue 13 §5; ADR 0042): the coordinator and the case team
    key: 'riskRises',
    title: 'Risico gestegen',
    navHref: null,
    applies: (a) => a.coordinatorHouses.length > 0 || a.participantDossiers.length > 0,
    count: async ({ tx, actor, now }) => (await listRiskRises(tx, actor, { now })).length,
    items: async ({ tx, actor, now }, take) =>
      (await listRiskRises(tx, actor, { now })).slice(0, take).map((r) => ({
        id: r.dossierId,
        href: `/dossiers/${r.dossierId}#risico`,
        label: `Risico in ${r.reference} gestegen van ${RISK_LEVEL_WORD[r.fromLevel]} naar ${RISK_LEVEL_WORD[r.toLevel]}`,
        due: dayOf(r.assessedAt),
        urgency: r.toLevel === 'ACUTE' || r.toLevel === 'HIGH' ? ('soon' as const) : ('normal' as const),
      })),
  },
  {
    // unread notifications (issue 13 §2; ADR 0039): the count on "Meldingen"; they repeat what the
    // other sections list, so they do not add to the total
    key: 'notifications',
    title: 'Ongelezen meldingen',
    navHref: '/meldingen',
    inTotal: false,
    applies: (a) => can(a, 'notifications.listOwn'),
    count: ({ tx, actor }) => tx.notification.count({ where: { userId: actor.userId, readAt: null } }),
    items: async ({ tx, actor }, take) => {
      const rows = await tx.notification.findMany({
        where: { userId: actor.userId, readAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        select: { id: true, kind: true, createdAt: true },
      });
      return rows.map((r) => ({
        id: r.id,
        href: '/meldingen',
        label: NOTIFICATION_KIND_LABEL[r.kind as NotificationKind] ?? 'Melding',
        due: null,
        urgency: 'normal' as const,
      }));
    },
  },
] satisfies readonly WorkSource[];
